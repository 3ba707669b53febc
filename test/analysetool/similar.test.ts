// Similar municipalities: the neighbour computation on small hand-made sets with known
// distances, and on the real CBS figures of all 342 gemeenten.

import { describe, expect, it } from 'vitest';
import { loadGemeenteCharacteristics } from '../../src/atlas/geography.ts';
import {
  NEIGHBOUR_COUNT,
  SIMILARITY_VARIABLES,
  computeSimilarMunicipalities,
  nearestNeighbours,
  similarMunicipalities,
  transformValue,
} from '../../src/analysetool/similar.ts';

describe('nearest neighbours on hand-made sets', () => {
  // Four corners of a square: both variables have mean 0 and (population) sd 1, so z = x.
  const square = [
    { code: 'A', values: [-1, -1] },
    { code: 'B', values: [1, -1] },
    { code: 'C', values: [-1, 1] },
    { code: 'D', values: [1, 1] },
  ];

  it('standardizes to z-scores with the population standard deviation', () => {
    const result = nearestNeighbours(square, [1, 1], 2);
    expect(result.standardization).toEqual([{ mean: 0, sd: 1 }, { mean: 0, sd: 1 }]);
    expect(result.zScores.get('D')).toEqual([1, 1]);
    const line = nearestNeighbours([{ code: 'a', values: [0] }, { code: 'b', values: [1] }, { code: 'c', values: [2] }, { code: 'd', values: [3] }], [1], 1);
    expect(line.standardization[0]!.mean).toBe(1.5);
    expect(line.standardization[0]!.sd).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(line.neighbours.get('a')!.map((n) => n.code)).toEqual(['b']);
    expect(line.neighbours.get('a')![0]!.distance).toBeCloseTo(1 / Math.sqrt(1.25), 12);
  });

  it('computes weighted Euclidean distances', () => {
    const result = nearestNeighbours(square, [1, 0.25], 3);
    // A–C differs only in the second variable (weight 0.25): √(0.25·2²) = 1; A–B: √(1·2²) = 2; A–D: √(4 + 1) = √5.
    expect(result.neighbours.get('A')).toEqual([
      { code: 'C', distance: 1 },
      { code: 'B', distance: 2 },
      { code: 'D', distance: Math.sqrt(5) },
    ]);
    const equal = nearestNeighbours(square, [1, 1], 3);
    expect(equal.neighbours.get('D')!.map((n) => n.distance)).toEqual([2, 2, Math.sqrt(8)]);
  });

  it('breaks ties by code and never lists an area as its own neighbour', () => {
    const result = nearestNeighbours(
      [
        { code: 'GM0003', values: [0] },
        { code: 'GM0002', values: [1] },
        { code: 'GM0001', values: [2] },
      ],
      [1],
      2,
    );
    const list = result.neighbours.get('GM0002')!;
    expect(list.map((n) => n.code)).toEqual(['GM0001', 'GM0003']);
    expect(list[0]!.distance).toBe(list[1]!.distance);
    for (const [code, neighbours] of result.neighbours) expect(neighbours.map((n) => n.code)).not.toContain(code);
  });

  it('ignores a variable that does not vary, and refuses too few or duplicate observations', () => {
    const result = nearestNeighbours([{ code: 'x', values: [1, 5] }, { code: 'y', values: [2, 5] }, { code: 'z', values: [4, 5] }], [1, 1], 1);
    expect(result.standardization[1]).toEqual({ mean: 5, sd: 0 });
    expect(result.neighbours.get('x')![0]!.code).toBe('y');
    expect(() => nearestNeighbours(square, [1, 1], 4)).toThrow(/need more than 4/);
    expect(() => nearestNeighbours([...square, { code: 'A', values: [0, 0] }], [1, 1], 2)).toThrow(/duplicate code A/);
    expect(() => transformValue(0, 'log10', 'GM0000 density')).toThrow(/must be positive/);
  });
});

describe('similar municipalities of the 342 gemeenten (CBS KWB 2023)', () => {
  const sm = similarMunicipalities();

  it('uses five themes of equal weight', () => {
    const byTheme = new Map<string, number>();
    for (const v of SIMILARITY_VARIABLES) byTheme.set(v.theme, (byTheme.get(v.theme) ?? 0) + v.weight);
    expect([...byTheme.keys()].sort()).toEqual(['age', 'households', 'origin', 'size', 'urbanity']);
    for (const w of byTheme.values()) expect(w).toBeCloseTo(1, 12);
  });

  it(`gives every gemeente exactly ${NEIGHBOUR_COUNT} other gemeenten, nearest first`, () => {
    expect(sm.population).toBe(342);
    expect(sm.neighbours.size).toBe(342);
    for (const [code, list] of sm.neighbours) {
      expect(list).toHaveLength(NEIGHBOUR_COUNT);
      expect(new Set(list.map((n) => n.code)).size).toBe(NEIGHBOUR_COUNT);
      expect(list.map((n) => n.code)).not.toContain(code);
      for (let k = 1; k < list.length; k++) {
        const a = list[k - 1]!;
        const b = list[k]!;
        expect(a.distance < b.distance || (a.distance === b.distance && a.code < b.code)).toBe(true);
      }
    }
  });

  it('is reproducible: the same lists on every computation, whatever the input order', () => {
    const rows = loadGemeenteCharacteristics();
    const again = computeSimilarMunicipalities(rows);
    const reversed = computeSimilarMunicipalities([...rows].reverse());
    for (const [code, list] of sm.neighbours) {
      expect(again.neighbours.get(code)).toEqual(list);
      expect(reversed.neighbours.get(code)!.map((n) => n.code)).toEqual(list.map((n) => n.code));
    }
  });

  it('agrees with a distance computed independently from the raw CBS figures', () => {
    const rows = loadGemeenteCharacteristics();
    const raw = (v: (typeof SIMILARITY_VARIABLES)[number], r: (typeof rows)[number]) => (v.transform === 'log10' ? Math.log10(v.value(r)) : v.value(r));
    const z = (code: string) =>
      SIMILARITY_VARIABLES.map((v) => {
        const xs = rows.map((r) => raw(v, r));
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
        return (raw(v, rows.find((r) => r.code === code)!) - mean) / sd;
      });
    const rotterdam = z('GM0599');
    for (const n of sm.neighbours.get('GM0599')!.slice(0, 3)) {
      const other = z(n.code);
      const d = Math.sqrt(SIMILARITY_VARIABLES.reduce((s, v, k) => s + v.weight * (rotterdam[k]! - other[k]!) ** 2, 0));
      expect(n.distance).toBeCloseTo(d, 10);
    }
  });

  it('finds big cities for Rotterdam and no big city for a small rural gemeente', () => {
    const rotterdam = sm.neighbours.get('GM0599')!.map((n) => n.code);
    expect(rotterdam).toEqual(expect.arrayContaining(['GM0518', 'GM0363'])); // 's-Gravenhage, Amsterdam
    const schiermonnikoog = sm.neighbours.get('GM0088')!.map((n) => n.code);
    for (const city of ['GM0599', 'GM0518', 'GM0363', 'GM0344']) expect(schiermonnikoog).not.toContain(city);
  });
});
