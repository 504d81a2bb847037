// ClusterAtlas portal widgets (progressive enhancement). Contract: WIDGETS.md beside this file.
// A widget is an element with data-widget="chart|japan-map|world-map|timeline|network" and data-for="<id>" naming a
// <script type="application/json" id="<id>"> data island. Pages work without this script; it only draws the figures.
// State for tests and styling: data-widget-state="loading" | "ready" | "error" on each container.
// Loaded by the layout as <script type="module" src="/js/atlas.js"></script>; no inline scripts, no eval.

const modules = {
  chart: () => import('./atlas/chart.js'),
  'japan-map': () => import('./atlas/japan-map.js'),
  'world-map': () => import('./atlas/world-map.js'),
  timeline: () => import('./atlas/timeline.js'),
  network: () => import('./atlas/network.js'),
};

function readIsland(el) {
  const id = el.dataset.for;
  const island = id ? document.getElementById(id) : null;
  if (!island) throw new Error(`data island #${id} not found`);
  return JSON.parse(island.textContent || 'null');
}

async function enhance(el) {
  const kind = el.dataset.widget;
  if (el.dataset.widgetState) return; // already done (or in progress)
  el.dataset.widgetState = 'loading';
  try {
    const load = modules[kind];
    if (!load) throw new Error(`unknown widget "${kind}"`);
    const [data, module] = [readIsland(el), await load()];
    await module.render(el, data ?? {});
    el.dataset.widgetState = 'ready';
  } catch (error) {
    el.dataset.widgetState = 'error';
    el.dataset.widgetError = String(error?.message ?? error);
    console.error(`atlas: ${kind} widget #${el.dataset.for ?? '?'} failed`, error);
  }
}

/** Enhances every widget under root (the whole document by default). Safe to call again after adding content. */
export function enhanceAll(root = document) {
  return Promise.all([...root.querySelectorAll('[data-widget]')].map(enhance));
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => enhanceAll(), { once: true });
} else {
  enhanceAll();
}
