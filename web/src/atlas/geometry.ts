// From the API's TopoJSON (WGS84 longitude/latitude) to SVG paths.
//
// d3-geo's spherical projections need clockwise rings (the reverse of RFC 7946); a ring with
// the "wrong" winding is read as the whole globe minus the area and fills the viewport. We
// avoid that class of bug entirely: a planar transform (geoTransform) projects each point with
// the Mercator formulas and d3 draws the rings as plain planar polygons, where winding only
// matters for holes, which the paths fill with the even-odd rule. For an area the size of the
// Netherlands, Mercator at this scale looks like the familiar Dutch maps (RD New differs by a
// slight rotation).

import { geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface MapShape {
  code: string;
  name: string;
  /** SVG path data in the map's viewBox. */
  d: string;
  /** Centroid in the viewBox (for the tooltip and arrow-key navigation). */
  cx: number;
  cy: number;
  properties: Record<string, unknown>;
}

export interface MapGeometry {
  width: number;
  height: number;
  shapes: MapShape[];
}

const RAD = Math.PI / 180;

/** Web Mercator on the unit sphere (y grows southwards, as in SVG). */
export function mercator(lon: number, lat: number): [number, number] {
  return [lon * RAD, -Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2))];
}

function planar(scale: number, tx: number, ty: number) {
  return geoTransform({
    point(this: { stream: { point(x: number, y: number): void } }, lon: number, lat: number) {
      const [x, y] = mercator(lon, lat);
      this.stream.point(x * scale + tx, y * scale + ty);
    },
  });
}

export type GeoTopology = Topology & { attribution?: string };

/** The features of the topology's first (or named) object. */
export function topologyFeatures(topology: GeoTopology, objectName?: string): Feature<Geometry, Record<string, unknown>>[] {
  const name = objectName && topology.objects[objectName] ? objectName : Object.keys(topology.objects)[0];
  if (!name) return [];
  const collection = feature(topology, topology.objects[name] as GeometryCollection) as FeatureCollection<Geometry, Record<string, unknown>>;
  return collection.features;
}

/**
 * Projects the features to fit a box `width` wide and at most `maxHeight` high (the height
 * follows the shape, so a wide gemeente does not leave a tall empty map).
 */
export function projectFeatures(features: readonly Feature<Geometry, Record<string, unknown>>[], width = 600, maxHeight = 720, padding = 6): MapGeometry {
  const collection = { type: 'FeatureCollection', features } as FeatureCollection;
  const [[x0, y0], [x1, y1]] = geoPath(planar(1, 0, 0)).bounds(collection as GeoPermissibleObjects);
  const dx = Math.max(x1 - x0, 1e-9);
  const dy = Math.max(y1 - y0, 1e-9);
  const scale = Math.min((width - 2 * padding) / dx, (maxHeight - 2 * padding) / dy);
  const height = Math.ceil(dy * scale + 2 * padding);
  const tx = padding + (width - 2 * padding - dx * scale) / 2 - x0 * scale;
  const ty = padding - y0 * scale;
  const path = geoPath(planar(scale, tx, ty)).digits(1);
  const shapes: MapShape[] = [];
  for (const f of features) {
    const properties = (f.properties ?? {}) as Record<string, unknown>;
    const code = String(f.id ?? properties.statcode ?? '');
    const d = path(f as GeoPermissibleObjects);
    if (!code || !d) continue;
    const [cx, cy] = path.centroid(f as GeoPermissibleObjects);
    shapes.push({ code, name: String(properties.statnaam ?? code), d, cx, cy, properties });
  }
  return { width, height, shapes };
}
