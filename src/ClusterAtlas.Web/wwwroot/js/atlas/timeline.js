// timeline: one row per region (or programme), bars over fiscal years (April–March). A bar from 2007 to 2011 covers
// FY2007 to FY2011 inclusive. Overlapping bars in one row get their own lanes. One series (colour, legend entry) per
// bar label, or per group when the page names its groups in data.groupLabels ({ "kc-2": "知的クラスター創成事業 第Ⅱ期" }).
import { addTools, baseOption, ensureHeight, escapeHtml, fiscalYearLabel, fiscalYearTick, initChart, openHref, palette, t } from './common.js';

function lanes(bars) {
  const ends = [];
  return bars
    .map((b, i) => ({ b, i }))
    .sort((x, y) => x.b.from - y.b.from || x.b.to - y.b.to)
    .map(({ b, i }) => {
      let lane = ends.findIndex((end) => end < b.from);
      if (lane < 0) { lane = ends.length; ends.push(b.to); } else { ends[lane] = b.to; }
      return { i, lane };
    })
    .reduce((acc, x) => { acc[x.i] = x.lane; return acc; }, { count: ends.length || 1 });
}

export async function render(el, data) {
  const s = t();
  const rows = (data.rows ?? []).map((r) => ({
    label: String(r.label ?? ''),
    href: r.href,
    bars: (r.bars ?? []).filter((b) => Number.isFinite(b.from)).map((b) => ({ ...b, to: Number.isFinite(b.to) ? b.to : b.from })),
  }));
  const years = rows.flatMap((r) => r.bars.flatMap((b) => [b.from, b.to]));
  const min = Number.isFinite(data.min) ? data.min : Math.min(...years);
  const max = Number.isFinite(data.max) ? data.max : Math.max(...years);
  ensureHeight(el, Math.max(160, rows.length * 30 + 90), true);
  const { chart } = await initChart(el);

  // Items: [from, to + 1, rowIndex, lane, laneCount, barIndex], grouped into one series per group.
  const groupLabels = data.groupLabels ?? {};
  const groups = new Map();
  rows.forEach((row, r) => {
    const laneOf = lanes(row.bars);
    row.bars.forEach((b, k) => {
      // Colour and legend by group when the page names its groups (data.groupLabels), else by the bar's label.
      const g = String(b.group ?? '');
      const key = Object.hasOwn(groupLabels, g) ? `group:${g}` : `label:${b.label ?? g}`;
      if (!groups.has(key)) groups.set(key, { name: String(groupLabels[g] ?? b.label ?? g), items: [] });
      groups.get(key).items.push({ value: [b.from, b.to + 1, r, laneOf[k], laneOf.count], bar: b, row });
    });
  });

  const renderItem = (params, api, text) => {
    const start = api.coord([api.value(0), api.value(2)]);
    const end = api.coord([api.value(1), api.value(2)]);
    const band = api.size([0, 1])[1] * 0.76;
    const laneCount = api.value(4);
    const h = band / laneCount;
    const y = start[1] - band / 2 + api.value(3) * h;
    const rect = { x: start[0], y: y + 1, width: Math.max(2, end[0] - start[0] - 1), height: Math.max(2, h - 2) };
    return {
      type: 'rect',
      shape: { ...rect, r: 2 },
      style: api.style(),
      textContent: text && h >= 14 ? {
        style: { text, fill: '#fff', fontSize: Math.min(12, h - 4), width: rect.width - 8, overflow: 'truncate', ellipsis: '…' },
      } : undefined,
      textConfig: { position: 'insideLeft', distance: 4 },
      transition: ['shape'],
    };
  };

  const series = [...groups.values()].map((g, i) => ({
    name: g.name,
    type: 'custom',
    renderItem: (params, api) => renderItem(params, api, String(g.items[params.dataIndex]?.bar.label ?? '')),
    encode: { x: [0, 1], y: 2, tooltip: [0, 1] },
    itemStyle: { color: palette[i % palette.length] },
    cursor: 'pointer',
    data: g.items.map((x) => ({ value: x.value, bar: x.bar, row: x.row })),
  }));

  const width = el.clientWidth || 800;
  const span = max - min + 1;
  chart.setOption({
    ...baseOption(el),
    legend: groups.size > 1 ? { top: 4, type: 'scroll' } : { show: false },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const b = p.data?.bar;
        if (!b) return '';
        return `<b>${escapeHtml(p.data.row.label)}</b><br>${escapeHtml(b.label ?? '')}<br>${escapeHtml(fiscalYearLabel(b.from))} – ${escapeHtml(fiscalYearLabel(b.to))}`;
      },
    },
    grid: { left: 8, right: 16, top: groups.size > 1 ? 36 : 12, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'value',
      min,
      max: max + 1,
      interval: Math.max(1, Math.ceil((span * 58) / Math.max(200, width - 220))),
      position: 'top',
      splitLine: { lineStyle: { color: '#e3e3e3' } },
      axisLabel: {
        formatter: (v) => (v > max ? '' : fiscalYearTick(v)),
        fontSize: 11,
        align: 'left',
        lineHeight: 14,
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      triggerEvent: true,
      axisTick: { show: false },
      axisLabel: { width: Math.min(260, Math.max(120, width * 0.3)), overflow: 'truncate', ellipsis: '…', color: '#0b4f8a' },
    },
    series,
  });
  chart.on('click', (p) => {
    if (p.componentType === 'series') openHref(p.data?.row?.href);
    else if (p.componentType === 'yAxis') openHref(rows.find((r) => r.label === p.value)?.href);
  });

  addTools(el, chart, {
    name: s.timeline,
    title: data.title,
    csvRows: () => [[s.row, s.href, s.from, s.to, s.bar, s.group],
      ...rows.flatMap((r) => r.bars.map((b) => [r.label, r.href, b.from, b.to, b.label, b.group]))],
  });
  return chart;
}
