// world-map: partner countries shaded by their number of links (world-atlas countries-110m); the tooltip lists the
// regions and partners. Countries too small for the 110m map (e.g. Singapore) come from countries-50m and get a marker.
import { addTools, baseOption, ensureHeight, escapeHtml, formatNumber, initChart, openHref, pageLang, t } from './common.js';
import { bbox, countryCodes, countryFeatures, JAPAN_ID, markerPoint } from './geo.js';

const MAP = 'atlas-world';
const ANTARCTICA = '010';

async function worldFeatures(neededIds) {
  const coarse = (await countryFeatures('110m')).filter((f) => f.id !== ANTARCTICA && f.id);
  const have = new Set(coarse.map((f) => f.id));
  const missing = [...neededIds].filter((id) => !have.has(id));
  if (missing.length === 0) return { features: coarse, key: MAP };
  const fine = await countryFeatures('50m');
  return { features: [...coarse, ...fine.filter((f) => missing.includes(f.id))], key: `${MAP}-${missing.sort().join('-')}` };
}

/** max steps of blue from light to dark. */
function shades(max) {
  const light = [158, 202, 225];
  const dark = [8, 81, 156];
  return Array.from({ length: max }, (_, i) => {
    const f = max === 1 ? 1 : i / (max - 1);
    return `rgb(${light.map((c, k) => Math.round(c + (dark[k] - c) * f)).join(',')})`;
  });
}

export async function render(el, data) {
  const s = t();
  const links = (data.links ?? []).filter((l) => l && l.country);
  ensureHeight(el, 460);
  const [{ echarts, chart }, codes] = await Promise.all([initChart(el), countryCodes()]);

  // Links per country (ISO alpha-2 → numeric id of the map feature).
  const byCountry = new Map();
  for (const l of links) {
    const alpha2 = String(l.country).toUpperCase();
    const id = codes.alpha2ToNumeric.get(alpha2);
    if (!id) { console.warn(`atlas: unknown country code ${alpha2}`); continue; }
    const entry = byCountry.get(id) ?? { id, alpha2, name: l.countryName || codes.name(alpha2), links: [] };
    entry.links.push(l);
    byCountry.set(id, entry);
  }

  const { features, key: mapName } = await worldFeatures(byCountry.keys());
  if (!echarts.getMap(mapName)) echarts.registerMap(mapName, { type: 'FeatureCollection', features });
  const featureById = new Map(features.map((f) => [f.id, f]));
  // An entry may stand for several links (a page that draws the map from per-region counts sets `links`).
  for (const entry of byCountry.values()) entry.count = entry.links.reduce((n, l) => n + (l.links ?? 1), 0);
  const max = Math.max(1, ...[...byCountry.values()].map((c) => c.count));

  const tooltip = (entry, fallbackName) => {
    if (!entry) return escapeHtml(fallbackName);
    const regions = new Map();
    for (const l of entry.links) {
      const key = l.region ?? '';
      if (!regions.has(key)) regions.set(key, new Set());
      if (l.partner) regions.get(key).add(l.partner);
    }
    const lines = [...regions].map(([region, partners]) =>
      `・${escapeHtml(region)}${partners.size ? ` <small>(${[...partners].map(escapeHtml).join(pageLang() === 'en' ? '; ' : '、')})</small>` : ''}`);
    return `<b>${escapeHtml(entry.name)}</b> — ${escapeHtml(s.linkCount(entry.count))}<br>${lines.join('<br>')}`;
  };

  // Countries whose shape is too small to see on a world map get a marker at their centre.
  const small = [...byCountry.values()].flatMap((entry) => {
    const f = featureById.get(entry.id);
    if (!f) return [];
    const [[x0, y0], [x1, y1]] = bbox(f.geometry);
    return (x1 - x0) * (y1 - y0) < 6 ? [{ name: entry.id, value: [...markerPoint(f.geometry), entry.count], entry }] : [];
  });

  chart.setOption({
    ...baseOption(el),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => {
        const entry = p.data?.entry ?? byCountry.get(p.name);
        return tooltip(entry, codes.name(codes.numericToAlpha2.get(p.name)) || p.name);
      },
    },
    // Few links (the usual case): one step per count; many: a continuous scale. Never min === max (echarts then
    // colours nothing by value).
    visualMap: max <= 6 ? {
      type: 'piecewise',
      seriesIndex: 0,
      pieces: Array.from({ length: max }, (_, i) => ({ value: i + 1, label: s.linkCount(i + 1), color: shades(max)[i] })),
      left: 8,
      bottom: 8,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: '#222', fontSize: 11 },
      selectedMode: false,
    } : {
      type: 'continuous',
      min: 1,
      max,
      seriesIndex: 0,
      calculable: false,
      left: 8,
      bottom: 8,
      itemHeight: 80,
      text: [formatNumber(max), `${s.links} 1`],
      inRange: { color: ['#9ecae1', '#08519c'] },
      textStyle: { color: '#222' },
    },
    geo: {
      map: mapName,
      roam: true,
      scaleLimit: { min: 1, max: 10 },
      aspectScale: 0.9,
      top: 8, bottom: 8, left: 8, right: 8,
      itemStyle: { areaColor: '#eceff1', borderColor: '#b0bec5', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd166' } },
      select: { disabled: true },
      regions: [{ name: JAPAN_ID, itemStyle: { areaColor: '#D55E00' }, emphasis: { itemStyle: { areaColor: '#D55E00' } } }],
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: [...byCountry.values()].map((entry) => ({ name: entry.id, value: entry.count, entry })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        symbolSize: 9,
        itemStyle: { color: '#08519c', borderColor: '#fff', borderWidth: 1 },
        data: small,
      },
    ],
  });
  chart.on('click', (p) => {
    const entry = p.data?.entry ?? byCountry.get(p.name);
    const hrefs = new Set(entry?.links.map((l) => l.regionHref).filter(Boolean));
    if (hrefs.size === 1) openHref([...hrefs][0]);
  });

  addTools(el, chart, {
    name: s.map,
    title: data.title,
    csvRows: () => [[s.country, s.countryName, s.region, s.regionHref, s.partner],
      ...links.map((l) => [l.country, l.countryName || codes.name(String(l.country).toUpperCase()), l.region, l.regionHref, l.partner])],
  });
  return chart;
}
