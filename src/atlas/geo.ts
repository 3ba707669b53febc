// Map geometry: the shipped CBS TopoJSON, cut down to one level (and for wijken optionally to
// one gemeente) with only the arcs that level uses, so a browser loads no more than it draws.

import { readFileSync } from 'node:fs';
import { dataDir, GEOGRAPHY_ATTRIBUTION, type AreaLevel } from './geography.ts';

type Topology = { type: 'Topology'; transform?: unknown; arcs: number[][][]; objects: Record<string, { type: string; geometries: Geometry[] }> };
type Geometry = { type: string; id?: string; arcs?: unknown; properties?: Record<string, unknown> };

const SOURCES: Partial<Record<AreaLevel, { file: string; object: string }>> = {
  provincie: { file: 'geo/nl_gemeente_regio_2023.topo.json', object: 'provincie' },
  ggdregio: { file: 'geo/nl_gemeente_regio_2023.topo.json', object: 'ggdregio' },
  jeugdregio: { file: 'geo/nl_gemeente_regio_2023.topo.json', object: 'jeugdregio' },
  gemeente: { file: 'geo/nl_gemeente_regio_2023.topo.json', object: 'gemeente' },
  wijk: { file: 'geo/nl_wijk_2024.topo.json', object: 'wijk' },
};

export const MAP_LEVELS = Object.keys(SOURCES) as AreaLevel[];

/** Walks the arc references of a geometry (nested arrays of arc indices; ~i = i reversed). */
function eachArc(arcs: unknown, visit: (index: number) => number): unknown {
  if (typeof arcs === 'number') {
    const real = arcs < 0 ? ~arcs : arcs;
    const mapped = visit(real);
    return arcs < 0 ? ~mapped : mapped;
  }
  return Array.isArray(arcs) ? arcs.map((a) => eachArc(a, visit)) : arcs;
}

export function subsetTopology(topology: Topology, object: string, keep: (g: Geometry) => boolean): Topology {
  const geometries = topology.objects[object]!.geometries.filter(keep);
  const remap = new Map<number, number>();
  const arcs: number[][][] = [];
  const rewritten = geometries.map((g) => ({
    ...g,
    id: g.id ?? (g.properties?.statcode as string | undefined),
    arcs: eachArc(g.arcs, (i) => {
      let mapped = remap.get(i);
      if (mapped === undefined) {
        mapped = arcs.length;
        remap.set(i, mapped);
        arcs.push(topology.arcs[i]!);
      }
      return mapped;
    }),
  }));
  return {
    type: 'Topology',
    ...(topology.transform ? { transform: topology.transform } : {}),
    arcs,
    objects: { [object]: { type: 'GeometryCollection', geometries: rewritten } },
  } as Topology;
}

/** Serialised topologies, made once per level (and per gemeente for wijken) and kept. */
export class GeoLibrary {
  private readonly files = new Map<string, Topology>();
  private readonly cache = new Map<string, Buffer>();

  private file(name: string): Topology {
    let t = this.files.get(name);
    if (!t) this.files.set(name, (t = JSON.parse(readFileSync(dataDir + name, 'utf8')) as Topology));
    return t;
  }

  /** TopoJSON (UTF-8 bytes) for a level; undefined if the level has no map. */
  topology(level: AreaLevel, gemeente?: string): Buffer | undefined {
    const source = SOURCES[level];
    if (!source) return undefined;
    const key = `${level}|${gemeente ?? ''}`;
    let text = this.cache.get(key);
    if (text === undefined) {
      const subset = subsetTopology(this.file(source.file), source.object, (g) => !gemeente || g.properties?.gemeentecode === gemeente || g.properties?.statcode === gemeente);
      text = Buffer.from(JSON.stringify({ ...subset, attribution: GEOGRAPHY_ATTRIBUTION }));
      this.cache.set(key, text);
    }
    return text;
  }
}
