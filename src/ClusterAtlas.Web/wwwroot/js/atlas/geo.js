// Country geometry from the vendored world-atlas TopoJSON (Natural Earth), decoded with topojson-client,
// and ISO 3166-1 alpha-2 ↔ numeric codes and country names from the vendored i18n-iso-countries tables.
import { libJson, loadTopojson, pageLang } from './common.js';

export const JAPAN_ID = '392';

const featureCache = new Map();

/** GeoJSON features of world-atlas countries-110m or countries-50m, each with id = ISO numeric code ("392"). */
export async function countryFeatures(scale) {
  if (!featureCache.has(scale)) {
    featureCache.set(scale, Promise.all([loadTopojson(), libJson(`world-atlas/countries-${scale}.json`)]).then(([topojson, topology]) =>
      topojson.feature(topology, topology.objects.countries).features.map((f) => ({
        type: 'Feature',
        id: String(f.id ?? ''),
        // echarts matches data by properties.name; the numeric code is unique, the Natural Earth name is not.
        properties: { name: String(f.id ?? f.properties?.name ?? ''), neName: f.properties?.name ?? '' },
        geometry: planar(f.geometry),
      }))));
  }
  return featureCache.get(scale);
}

/**
 * world-atlas is made for spherical projections: a ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps
 * from 180° to -180°, which a flat map draws as a band across the world. Such rings are moved east of 180° instead.
 */
function planar(geometry) {
  if (!geometry) return geometry;
  const fixRing = (ring) => {
    const crosses = ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
    return crosses ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring;
  };
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(fixRing) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map(fixRing)) };
  return geometry;
}

let codesPromise;
/** Maps between ISO alpha-2 ("FI") and numeric ("246") codes, plus country names in the page language. */
export function countryCodes() {
  const lang = pageLang();
  codesPromise ??= Promise.all([libJson('i18n-iso-countries/codes.json'), libJson(`i18n-iso-countries/${lang}.json`)]).then(([codes, names]) => {
    const alpha2ToNumeric = new Map();
    const numericToAlpha2 = new Map();
    for (const [alpha2, , numeric] of codes) {
      alpha2ToNumeric.set(alpha2, numeric);
      numericToAlpha2.set(numeric, alpha2);
    }
    const overrides = lang === 'en' ? { TW: 'Taiwan', KR: 'South Korea', US: 'United States', GB: 'United Kingdom' } : {};
    const name = (alpha2) => {
      if (!alpha2) return '';
      if (overrides[alpha2]) return overrides[alpha2];
      const n = names.countries?.[alpha2];
      return Array.isArray(n) ? n[0] : (n ?? alpha2);
    };
    return { alpha2ToNumeric, numericToAlpha2, name };
  });
  return codesPromise;
}

/** Bounding box [[minLon, minLat], [maxLon, maxLat]] of a GeoJSON geometry. */
export function bbox(geometry) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]);
    } else {
      c.forEach(visit);
    }
  };
  visit(geometry.coordinates);
  return [[minX, minY], [maxX, maxY]];
}

/** The centre of the largest polygon of a geometry (good enough to pin a marker on a small country). */
export function markerPoint(geometry) {
  const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
  let best = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const [[x0, y0], [x1, y1]] = bbox({ coordinates: polygon });
    const area = (x1 - x0) * (y1 - y0);
    if (area > bestArea) { bestArea = area; best = [(x0 + x1) / 2, (y0 + y1) / 2]; }
  }
  return best;
}
