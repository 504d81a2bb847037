// network: regions ↔ organisations ↔ foreign partners ↔ programmes ↔ countries as a force-directed graph.
// Zoom and pan (roam), drag nodes, legend by kind, click a node to open its page.
import { addTools, baseOption, ensureHeight, escapeHtml, initChart, openHref, palette, t } from './common.js';

const kindOrder = ['region', 'programme', 'organisation', 'foreign', 'country'];
const kindColour = { region: palette[0], programme: palette[1], organisation: palette[2], foreign: palette[3], country: palette[4] };

export async function render(el, data) {
  const s = t();
  const nodes = (data.nodes ?? []).filter((n) => n && n.id != null);
  const ids = new Set(nodes.map((n) => String(n.id)));
  const edges = (data.edges ?? []).filter((e) => ids.has(String(e.source)) && ids.has(String(e.target)));
  // Room grows with the graph (the page's CSS may give less); forces scale with the room per node, so that the
  // settled graph fills the box without running off its edges.
  ensureHeight(el, Math.min(760, 420 + nodes.length * 3), true);
  const { chart } = await initChart(el);
  const spacing = Math.sqrt((el.clientWidth * (el.clientHeight - 60)) / Math.max(1, nodes.length));

  const kinds = [...new Set(nodes.map((n) => n.kind ?? 'other'))]
    .sort((a, b) => (kindOrder.indexOf(a) + 1 || 99) - (kindOrder.indexOf(b) + 1 || 99));
  const kindName = (k) => s.kinds[k] ?? k;
  const degree = new Map();
  for (const e of edges) {
    degree.set(String(e.source), (degree.get(String(e.source)) ?? 0) + 1);
    degree.set(String(e.target), (degree.get(String(e.target)) ?? 0) + 1);
  }
  const big = nodes.length > 120;
  const label = new Map(nodes.map((n) => [String(n.id), String(n.label ?? n.id)]));

  chart.setOption({
    ...baseOption(el),
    legend: { top: 4, data: kinds.map(kindName), selectedMode: 'multiple' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => p.dataType === 'edge'
        ? `${escapeHtml(p.data.sourceLabel)} — ${escapeHtml(p.data.targetLabel)}${p.data.label ? `<br>${escapeHtml(p.data.label)}` : ''}`
        : `<b>${escapeHtml(p.data.name)}</b><br>${escapeHtml(kindName(p.data.kind))}${p.data.href ? `<br><small>${escapeHtml(s.open)}</small>` : ''}`,
    },
    series: [{
      type: 'graph',
      layout: 'force',
      roam: true,
      draggable: true,
      scaleLimit: { min: 0.2, max: 8 },
      top: 40, bottom: 8, left: 8, right: 8,
      categories: kinds.map((k) => ({ name: kindName(k), itemStyle: { color: kindColour[k] ?? '#777' } })),
      force: {
        repulsion: Math.max(40, Math.min(220, spacing * 1.6)),
        gravity: nodes.length > 30 ? 0.2 : 0.05,
        edgeLength: [Math.max(20, spacing * 0.35), Math.max(50, Math.min(170, spacing * 0.9))],
        friction: 0.2,
        layoutAnimation: true,
      },
      label: {
        show: true,
        position: 'right',
        fontSize: 11,
        color: '#1a1a1a',
        textBorderColor: '#fff',
        textBorderWidth: 2,
        width: 160,
        overflow: 'truncate',
      },
      labelLayout: { hideOverlap: big },
      lineStyle: { color: '#9aa5ad', width: 1, opacity: 0.7, curveness: 0.05 },
      emphasis: { focus: 'adjacency', lineStyle: { width: 2, opacity: 1 }, label: { fontWeight: 'bold' } },
      data: nodes.map((n) => {
        const d = degree.get(String(n.id)) ?? 0;
        const kind = n.kind ?? 'other';
        return {
          id: String(n.id),
          name: String(n.label ?? n.id),
          kind,
          href: n.href,
          category: kinds.indexOf(kind),
          symbolSize: Math.min(34, (kind === 'region' || kind === 'programme' ? 12 : 8) + 3 * Math.sqrt(d)),
          cursor: n.href ? 'pointer' : 'default',
        };
      }),
      edges: edges.map((e) => ({
        source: String(e.source),
        target: String(e.target),
        label: e.label ?? '',
        sourceLabel: label.get(String(e.source)),
        targetLabel: label.get(String(e.target)),
      })),
    }],
  });
  chart.on('click', (p) => { if (p.dataType === 'node') openHref(p.data?.href); });

  addTools(el, chart, {
    name: s.network,
    title: data.title,
    csvRows: () => [[s.source, s.sourceLabel, s.target, s.targetLabel, s.edgeLabel],
      ...edges.map((e) => [e.source, label.get(String(e.source)), e.target, label.get(String(e.target)), e.label])],
  });
  return chart;
}
