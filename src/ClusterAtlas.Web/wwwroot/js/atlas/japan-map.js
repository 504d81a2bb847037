// japan-map: Japan's outline (world-atlas countries-50m, id 392) with every region as a labelled, clickable point.
import { addTools, baseOption, ensureHeight, escapeHtml, initChart, openHref, pageFont, palette, t } from './common.js';
import { countryFeatures, JAPAN_ID } from './geo.js';

const MAP = 'atlas-japan';
const SYMBOL = 10;
const FONT_SIZE = 11;

let measureContext;
function textWidth(text, font) {
  measureContext ??= document.createElement('canvas').getContext('2d');
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

function overlap(a, b) {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Greedy label placement: many regions sit close together (Kansai, northern Kyushu), so each label tries positions
 * around its point (right, left, above, below, then further out) and takes the first that hits no other label or
 * point and stays inside the box. Returns, per point, the label's offset from the symbol's top-left corner and,
 * when the label had to move away from its point, a leader line [x1, y1, x2, y2] in pixels.
 */
function placeLabels(pixels, widths, height, box) {
  const placed = pixels.map(([x, y]) => ({ x: x - SYMBOL / 2, y: y - SYMBOL / 2, w: SYMBOL, h: SYMBOL }));
  const order = pixels.map((_, i) => i).sort((a, b) => pixels[a][1] - pixels[b][1] || pixels[a][0] - pixels[b][0]);
  const result = new Array(pixels.length);
  for (const i of order) {
    const [x, y] = pixels[i];
    const w = widths[i];
    const gap = SYMBOL / 2 + 3;
    const candidates = [];
    for (let k = 0; k <= 4; k++) {
      const dy = k * (height + 1);
      for (const [cx, cy] of [[x + gap, y - height / 2 - dy], [x + gap, y - height / 2 + dy], [x - gap - w, y - height / 2 - dy], [x - gap - w, y - height / 2 + dy]]) {
        candidates.push({ x: cx, y: cy, w, h: height });
      }
      if (k === 0) {
        candidates.push({ x: x - w / 2, y: y - gap - height, w, h: height }, { x: x - w / 2, y: y + gap, w, h: height });
      }
    }
    let best = null;
    let bestCost = Infinity;
    let bestIndex = 0;
    for (const [n, c] of candidates.entries()) {
      const outside = c.x < box.x || c.y < box.y || c.x + c.w > box.x + box.w || c.y + c.h > box.y + box.h;
      const cost = placed.reduce((sum, r) => sum + overlap(c, r), 0) * 100 + (outside ? 1e6 : 0) + n;
      if (cost < bestCost) { bestCost = cost; best = c; bestIndex = n; }
      if (cost === n) break;
    }
    placed.push(best);
    const far = bestIndex >= 6; // not one of the six positions touching the point
    const anchorX = best.x > x ? best.x : best.x + best.w;
    result[i] = {
      offset: [best.x - (x - SYMBOL / 2), best.y - (y - SYMBOL / 2)],
      leader: far ? [x, y, anchorX, best.y + best.h / 2] : null,
    };
  }
  return result;
}

export async function render(el, data) {
  const s = t();
  const points = (data.points ?? []).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  ensureHeight(el, 520);
  const [{ echarts, chart }, features] = await Promise.all([initChart(el), countryFeatures('50m')]);
  if (!echarts.getMap(MAP)) {
    const japan = features.filter((f) => f.id === JAPAN_ID);
    if (japan.length === 0) throw new Error('Japan (392) not found in countries-50m');
    echarts.registerMap(MAP, { type: 'FeatureCollection', features: japan });
  }

  // Show the four main islands (and any point outside them, e.g. Okinawa) rather than every remote island.
  const lons = [129.3, 145.9, ...points.map((p) => p.lon)];
  const lats = [30.9, 45.6, ...points.map((p) => p.lat)];
  const view = [[Math.min(...lons) - 0.8, Math.max(...lats) + 0.6], [Math.max(...lons) + 0.8, Math.min(...lats) - 0.6]];

  // One series per group, so the legend explains the colours; groups are named by data.groupLabels ({ code: name }).
  // Without names for the groups a legend would show bare codes, so then all points share one colour.
  const groupLabels = data.groupLabels ?? {};
  const named = Object.keys(groupLabels).length > 0;
  const groupOf = (p) => (named ? String(p.group ?? '') : '');
  const groups = [...new Set(points.map(groupOf))];
  const series = groups.map((g, i) => ({
    name: groupLabels[g] ?? (g || s.regions),
    type: 'scatter',
    coordinateSystem: 'geo',
    geoIndex: 0,
    symbolSize: SYMBOL,
    itemStyle: { color: palette[i % palette.length], borderColor: '#fff', borderWidth: 1 },
    cursor: 'pointer',
    label: {
      show: true,
      position: 'right',
      distance: 4,
      formatter: '{b}',
      fontSize: FONT_SIZE,
      lineHeight: FONT_SIZE + 3,
      align: 'left',
      verticalAlign: 'top',
      color: '#1a1a1a',
      textBorderColor: '#fff',
      textBorderWidth: 3,
    },
    emphasis: { scale: 1.6, label: { fontWeight: 'bold' } },
    data: points.filter((p) => groupOf(p) === g).map((p) => ({
      name: String(p.name ?? p.code ?? ''),
      value: [p.lon, p.lat],
      code: p.code,
      href: p.href,
    })),
  }));

  chart.setOption({
    ...baseOption(el),
    legend: named ? { top: 4, left: 4, orient: 'vertical', backgroundColor: 'rgba(255,255,255,0.85)' } : { show: false },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `${escapeHtml(p.name)}${p.data?.href ? `<br><small>${escapeHtml(s.open)}</small>` : ''}`,
    },
    geo: {
      map: MAP,
      roam: true,
      scaleLimit: { min: 0.8, max: 12 },
      boundingCoords: view,
      aspectScale: 0.82,
      silent: true,
      left: 8, right: 8, top: 8, bottom: 8,
      itemStyle: { areaColor: '#e6ecef', borderColor: '#7d8f99', borderWidth: 0.6 },
    },
    series,
  });
  chart.on('click', (p) => { if (p.componentType === 'series') openHref(p.data?.href); });

  // Place the labels now and again after every zoom, pan or resize.
  const font = `${FONT_SIZE}px ${pageFont(el)}`;
  let timer = 0;
  const layout = () => {
    if (chart.isDisposed()) return;
    const all = series.flatMap((x, si) => x.data.map((d, di) => ({ si, di, d })));
    const pixels = all.map(({ d }) => chart.convertToPixel({ geoIndex: 0 }, d.value));
    const widths = all.map(({ d }) => textWidth(d.name, font) + 4);
    const offsets = placeLabels(pixels, widths, FONT_SIZE + 3, { x: 0, y: 0, w: chart.getWidth(), h: chart.getHeight() });
    const placement = (si, di) => offsets[all.findIndex((a) => a.si === si && a.di === di)];
    chart.setOption({
      series: series.map((x, si) => ({
        data: x.data.map((d, di) => ({ ...d, label: { position: placement(si, di).offset } })),
      })),
      graphic: [{
        id: 'leaders',
        type: 'group',
        silent: true,
        z: 1,
        children: offsets.filter((o) => o.leader).map((o) => ({
          type: 'line',
          shape: { x1: o.leader[0], y1: o.leader[1], x2: o.leader[2], y2: o.leader[3] },
          style: { stroke: '#6b7b85', lineWidth: 0.8 },
        })),
      }],
    }, { replaceMerge: ['graphic'], silent: true });
  };
  // After the chart's own resize (common.js resizes on the next animation frame).
  const schedule = () => { clearTimeout(timer); timer = setTimeout(layout, 80); };
  layout();
  chart.on('georoam', schedule);
  new ResizeObserver(schedule).observe(el);

  addTools(el, chart, {
    name: s.map,
    title: data.title,
    csvRows: () => [[s.code, s.name, s.lat, s.lon, s.group, s.href],
      ...(data.points ?? []).map((p) => [p.code, p.name, p.lat, p.lon, p.group, p.href])],
  });
  return chart;
}
