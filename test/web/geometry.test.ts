// Projection of the shipped CBS TopoJSON: every gemeente is drawn inside the map and none
// fills the whole viewport (the classic symptom of d3-geo and RFC 7946 ring winding).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectFeatures, topologyFeatures, type GeoTopology } from '../../web/src/atlas/geometry.ts';
import { subsetTopology } from '../../src/atlas/geo.ts';

const topology = JSON.parse(readFileSync(new URL('../../data/geo/nl_gemeente_regio_2023.topo.json', import.meta.url), 'utf8')) as GeoTopology;

/** Bounding box of the numbers in an SVG path. */
function pathBox(d: string) {
  const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

describe('projectFeatures', () => {
  const { width, height, shapes } = projectFeatures(topologyFeatures(topology, 'gemeente'), 600, 720);

  it('draws all 342 gemeenten with their CBS codes and names', () => {
    expect(shapes).toHaveLength(342);
    expect(shapes.find((s) => s.code === 'GM0599')?.name).toBe('Rotterdam');
  });

  it('fits the Netherlands in the box with a Dutch-looking aspect ratio', () => {
    expect(width).toBe(600);
    expect(height).toBeLessThanOrEqual(720);
    // Mercator at 52°N: the country is a little taller than wide.
    expect(height / width).toBeGreaterThan(1.05);
    expect(height / width).toBeLessThan(1.3);
  });

  it('keeps every shape small and inside the viewport (no ring fills the map)', () => {
    for (const s of shapes) {
      const b = pathBox(s.d);
      expect(b.x0).toBeGreaterThanOrEqual(-1);
      expect(b.x1).toBeLessThanOrEqual(width + 1);
      expect(b.y0).toBeGreaterThanOrEqual(-1);
      expect(b.y1).toBeLessThanOrEqual(height + 1);
      expect((b.x1 - b.x0) * (b.y1 - b.y0)).toBeLessThan(width * height * 0.25);
    }
  });

  it('puts Groningen north-east of Maastricht', () => {
    const groningen = shapes.find((s) => s.code === 'GM0014')!;
    const maastricht = shapes.find((s) => s.code === 'GM0935')!;
    expect(groningen.cx).toBeGreaterThan(maastricht.cx);
    expect(groningen.cy).toBeLessThan(maastricht.cy);
  });

  it('fits a single gemeente to the width (drill-down)', () => {
    const one = subsetTopology(topology as never, 'gemeente', (g) => g.id === 'GM0599' || g.properties?.statcode === 'GM0599') as unknown as GeoTopology;
    const map = projectFeatures(topologyFeatures(one), 600, 720);
    expect(map.shapes).toHaveLength(1);
    const b = pathBox(map.shapes[0]!.d);
    expect(b.x1 - b.x0).toBeGreaterThan(580);
    expect(map.height).toBeLessThan(600);
  });
});
