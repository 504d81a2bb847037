// Shared helpers for the portal widgets: page language, UI strings, lazy library loading, downloads.
// Everything here is CSP-friendly: no inline scripts, no eval, styles only through the CSSOM.

const libBase = new URL('../../lib/', import.meta.url);

/** The page language ("ja" or "en"), from <html lang>. Japanese is the default. */
export function pageLang() {
  const lang = (document.documentElement.lang || 'ja').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'ja';
}

const strings = {
  ja: {
    png: 'PNG', svg: 'SVG', csv: 'CSV',
    download: (name, label, format) => `${name}「${label}」を${format}形式でダウンロード`,
    tools: (what) => `${what}のダウンロード`,
    chart: 'グラフ', map: '地図', network: 'ネットワーク図', timeline: 'タイムライン',
    noData: 'データなし',
    label: '区分',
    links: '連携数',
    regions: '地域',
    partners: '連携先',
    linkCount: (n) => `${n}件`,
    open: 'クリックで開く',
    kinds: { region: '地域', organisation: '機関', foreign: '海外連携先', programme: '事業', country: '国' },
    fiscalYear: '年度',
    code: 'コード', name: '名称', lat: '緯度', lon: '経度', group: '区分', href: 'URL',
    country: '国コード', countryName: '国名', region: '地域', regionHref: '地域URL', partner: '連携先',
    row: '行', from: '開始年度', to: '終了年度', bar: 'ラベル',
    source: '始点', sourceLabel: '始点名', target: '終点', targetLabel: '終点名', edgeLabel: '関係',
  },
  en: {
    png: 'PNG', svg: 'SVG', csv: 'CSV',
    download: (name, label, format) => `Download ${name} "${label}" as ${format}`,
    tools: (what) => `Downloads for ${what}`,
    chart: 'chart', map: 'map', network: 'network graph', timeline: 'timeline',
    noData: 'no data',
    label: 'Label',
    links: 'Links',
    regions: 'Regions',
    partners: 'Partners',
    linkCount: (n) => `${n} link${n === 1 ? '' : 's'}`,
    open: 'Click to open',
    kinds: { region: 'Region', organisation: 'Organisation', foreign: 'Foreign partner', programme: 'Programme', country: 'Country' },
    fiscalYear: 'Fiscal year',
    code: 'code', name: 'name', lat: 'latitude', lon: 'longitude', group: 'group', href: 'url',
    country: 'country', countryName: 'country name', region: 'region', regionHref: 'region url', partner: 'partner',
    row: 'row', from: 'from FY', to: 'to FY', bar: 'label',
    source: 'source', sourceLabel: 'source name', target: 'target', targetLabel: 'target name', edgeLabel: 'relation',
  },
};

/** The UI strings of the page language. */
export function t() {
  return strings[pageLang()];
}

/** Colour-blind-safe palette (Okabe–Ito, without the low-contrast yellow). */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D31', '#6B6ECF', '#B5CF6B'];

/** Japanese era of a fiscal year (April–March): FY2019 is 令和元年度 (also called 平成31年度). */
export function fiscalEra(fy) {
  if (fy >= 2019) return { era: '令和', year: fy - 2018 };
  if (fy >= 1989) return { era: '平成', year: fy - 1988 };
  return { era: '昭和', year: fy - 1925 };
}

/** "平成19年度 (2007)" in Japanese, "FY2007" in English. */
export function fiscalYearLabel(fy) {
  if (pageLang() === 'en') return `FY${fy}`;
  const { era, year } = fiscalEra(fy);
  return `${era}${year === 1 ? '元' : year}年度 (${fy})`;
}

/** A short axis label: "平成19\n2007" (two lines) in Japanese, "FY2007" in English. */
export function fiscalYearTick(fy) {
  if (pageLang() === 'en') return `FY${fy}`;
  const { era, year } = fiscalEra(fy);
  return `${era}${year === 1 ? '元' : year}\n${fy}`;
}

export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return t().noData;
  return new Intl.NumberFormat(pageLang() === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 2 }).format(value);
}

/** Escapes text for the HTML of echarts tooltips. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Navigates to a link from the data island; only same-origin or http(s) targets, never javascript: URLs. */
export function openHref(href) {
  if (!href) return;
  const url = new URL(href, window.location.href);
  if (url.protocol === 'http:' || url.protocol === 'https:') window.location.assign(url.href);
}

let echartsPromise;
/** Loads the vendored ECharts ES module once. */
export function loadEcharts() {
  echartsPromise ??= import(new URL('echarts/echarts.esm.min.js', libBase).href);
  return echartsPromise;
}

let topojsonPromise;
/** Loads topojson-client (a UMD bundle that sets globalThis.topojson when imported as a module). */
export function loadTopojson() {
  topojsonPromise ??= import(new URL('topojson-client/topojson-client.min.js', libBase).href).then(() => {
    if (!globalThis.topojson?.feature) throw new Error('topojson-client did not load');
    return globalThis.topojson;
  });
  return topojsonPromise;
}

const jsonCache = new Map();
/** Fetches a vendored JSON file under /lib once per page. */
export function libJson(path) {
  if (!jsonCache.has(path)) {
    jsonCache.set(path, fetch(new URL(path, libBase)).then((r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r.json();
    }));
  }
  return jsonCache.get(path);
}

/**
 * Gives the container a height when the page's CSS has not (echarts needs a sized box). With atLeast, the box grows
 * to px whatever the CSS says (the timeline needs room for every row).
 */
export function ensureHeight(el, px, atLeast = false) {
  if (el.clientHeight < (atLeast ? px : 40)) el.style.height = `${px}px`;
  if (el.clientWidth < 40) el.style.width = '100%';
}

/** The font of the page, so Japanese renders with the same CJK font as the text around the figure. */
export function pageFont(el) {
  return getComputedStyle(el).fontFamily || 'sans-serif';
}

/** Common echarts text settings. */
export function baseOption(el) {
  return {
    textStyle: { fontFamily: pageFont(el), color: '#222' },
    animationDuration: 300,
    aria: { enabled: false },
  };
}

/** Starts an echarts instance with the SVG renderer (crisp, printable, countable in tests). */
export async function initChart(el) {
  const echarts = await loadEcharts();
  const chart = echarts.init(el, null, { renderer: 'svg', locale: 'EN' });
  if ('ResizeObserver' in window) {
    let frame = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => { if (!chart.isDisposed()) chart.resize(); });
    }).observe(el);
  }
  return { echarts, chart };
}

function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function csvCell(value) {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (RFC 4180, CRLF) from rows of cells. */
export function toCsv(rows) {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const TITLE_SPACE = 30;

/**
 * The chart exactly as it is drawn now (zoom, pan, the settled network layout, label placement) as a standalone SVG
 * document: the live SVG of the echarts SVG renderer, nested under a white background and, when given, a title band.
 */
export function chartSvg(chart, title, fontFamily) {
  const width = chart.getWidth();
  const height = chart.getHeight();
  const top = title ? TITLE_SPACE : 0;
  const inner = chart.renderToSVGString().replace(/^<svg\b/, `<svg x="0" y="${top}"`);
  const heading = title
    ? `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold" fill="#222" font-family="${escapeHtml(fontFamily)}">${escapeHtml(title)}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height + top}" viewBox="0 0 ${width} ${height + top}">` +
    `<rect width="100%" height="100%" fill="#fff"/>${heading}${inner}</svg>`;
}

/** Rasterises an SVG document (at pixelRatio) into a PNG blob. */
export async function svgToPng(svg, pixelRatio = 2) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * pixelRatio);
    canvas.height = Math.round(image.naturalHeight * pixelRatio);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Adds the download buttons (PNG, SVG, CSV) right after the widget container: outside the role="img" box so that
 * they stay reachable by keyboard and screen readers.
 */
export function addTools(el, chart, { name, title, csvRows }) {
  const s = t();
  const label = el.getAttribute('aria-label') || title || s.chart;
  const base = (el.dataset.filename || el.dataset.for || 'figure').replace(/[^\w.-]+/g, '-').replace(/-data$/, '');
  const tools = document.createElement('div');
  tools.className = 'atlas-widget-tools';
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', s.tools(label));
  const button = (format, action) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'atlas-download';
    b.dataset.format = format.toLowerCase();
    b.textContent = format;
    b.setAttribute('aria-label', s.download(name, label, format));
    b.addEventListener('click', async () => {
      b.disabled = true;
      try { await action(); } catch (e) { console.error('atlas: download failed', e); } finally { b.disabled = false; }
    });
    tools.append(b);
  };
  const font = pageFont(el);
  button('PNG', async () => saveBlob(await svgToPng(chartSvg(chart, title, font), 2), `${base}.png`));
  button('SVG', async () => saveBlob(new Blob([chartSvg(chart, title, font)], { type: 'image/svg+xml' }), `${base}.svg`));
  if (csvRows) {
    // A byte-order mark so that spreadsheet programs read the Japanese as UTF-8.
    button('CSV', async () => saveBlob(new Blob(['\uFEFF', toCsv(csvRows())], { type: 'text/csv;charset=utf-8' }), `${base}.csv`));
  }
  el.after(tools);
  return tools;
}
