// chart: bar, line or stacked-bar over category labels (usually fiscal years). null = no data: a gap, never zero.
import { addTools, baseOption, ensureHeight, escapeHtml, formatNumber, initChart, palette, t } from './common.js';

const types = new Set(['bar', 'line', 'stacked-bar']);

export async function render(el, data) {
  const s = t();
  const type = types.has(data.type) ? data.type : 'bar';
  const labels = (data.labels ?? []).map(String);
  const series = (data.series ?? []).map((x) => ({
    name: String(x.name ?? ''),
    data: labels.map((_, i) => {
      const v = x.data?.[i];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  }));
  const unit = data.unit ? String(data.unit) : '';
  ensureHeight(el, 360);
  const { chart } = await initChart(el);
  const many = series.length > 1;

  chart.setOption({
    ...baseOption(el),
    color: palette,
    grid: { left: 16, right: 24, top: many ? 48 : 36, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: many ? { top: 4, type: 'scroll' } : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: type === 'line' ? 'line' : 'shadow' },
      formatter: (items) => {
        const list = Array.isArray(items) ? items : [items];
        const head = escapeHtml(list[0]?.axisValueLabel ?? '');
        const rows = list.map((p) => {
          const v = p.value === null || p.value === undefined || p.value === '-' ? null : p.value;
          return `${p.marker}${escapeHtml(p.seriesName)}: <b>${escapeHtml(formatNumber(v))}</b>${v === null || !unit ? '' : ' ' + escapeHtml(unit)}`;
        });
        return [head, ...rows].join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      boundaryGap: type !== 'line' || labels.length === 1,
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: unit,
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (v) => formatNumber(v) },
    },
    series: series.map((x) => ({
      name: x.name,
      type: type === 'line' ? 'line' : 'bar',
      stack: type === 'stacked-bar' ? 'total' : undefined,
      data: x.data,
      connectNulls: false,
      showSymbol: true,
      symbolSize: 6,
      barMaxWidth: 48,
      emphasis: { focus: 'series' },
    })),
  });

  addTools(el, chart, {
    name: s.chart,
    title: data.title,
    csvRows: () => {
      const header = [data.labelsName || s.label, ...series.map((x) => (unit ? `${x.name} (${unit})` : x.name))];
      return [header, ...labels.map((label, i) => [label, ...series.map((x) => x.data[i])])];
    },
  });
  return chart;
}
