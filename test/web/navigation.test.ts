// Keyboard movement over the map and sorting of the table.

import { describe, expect, it } from 'vitest';
import { findByPrefix, nameKey, neighbourInDirection } from '../../web/src/atlas/navigation.ts';
import { sortRows } from '../../web/src/atlas/table-sort.ts';

describe('neighbourInDirection', () => {
  //   0 . 1
  //   . 2 .
  //   3 . 4      (x right, y down, as in SVG)
  const points = [
    { cx: 0, cy: 0 },
    { cx: 2, cy: 0 },
    { cx: 1, cy: 1 },
    { cx: 0, cy: 2 },
    { cx: 2, cy: 2 },
  ];
  it('goes to the nearest area in the direction of the arrow', () => {
    expect(neighbourInDirection(points, 0, 'right')).toBe(1);
    expect(neighbourInDirection(points, 0, 'down')).toBe(3);
    expect(neighbourInDirection(points, 4, 'up')).toBe(1);
    expect(neighbourInDirection(points, 4, 'left')).toBe(3);
    expect(neighbourInDirection(points, 2, 'right')).not.toBeNull();
  });
  it('stays put at the edge', () => {
    expect(neighbourInDirection(points, 0, 'left')).toBeNull();
    expect(neighbourInDirection(points, 0, 'up')).toBeNull();
    expect(neighbourInDirection(points, 4, 'right')).toBeNull();
  });
  it('prefers an area straight ahead over a nearer one far to the side', () => {
    const row = [
      { cx: 0, cy: 0 },
      { cx: 10, cy: 0 },
      { cx: 3, cy: 5 },
    ];
    expect(neighbourInDirection(row, 0, 'right')).toBe(1);
  });
  it('can reach every area of a grid from the corner', () => {
    const grid = Array.from({ length: 25 }, (_, i) => ({ cx: i % 5, cy: Math.floor(i / 5) }));
    const seen = new Set<number>([0]);
    const queue = [0];
    while (queue.length) {
      const at = queue.shift()!;
      for (const d of ['left', 'right', 'up', 'down'] as const) {
        const n = neighbourInDirection(grid, at, d);
        if (n !== null && !seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    expect(seen.size).toBe(25);
  });
});

describe('findByPrefix', () => {
  const names = ['Aa en Hunze', 'Aalsmeer', 'Almere', "'s-Gravenhage", 'Schiedam', 'Utrecht'];
  it('finds the next name with the typed letters, wrapping round', () => {
    expect(findByPrefix(names, 'a', 0)).toBe(1);
    expect(findByPrefix(names, 'a', 2)).toBe(0);
    expect(findByPrefix(names, 'al', -1)).toBe(2);
    expect(findByPrefix(names, 'U', 0)).toBe(5);
    expect(findByPrefix(names, 'x', 0)).toBeNull();
  });
  it("files 's-Gravenhage under s", () => {
    expect(nameKey("'s-Gravenhage")).toBe('sgravenhage');
    expect(findByPrefix(names, 'sg', -1)).toBe(3);
  });
});

describe('sortRows', () => {
  const rows = [
    { name: 'Utrecht', value: 12, lowercl95: 11, uppercl95: 13, denominator: 3000, comparison: 'similar', quintile: 3, smoothed: 12, trend: 'increasing', suppressed: false },
    { name: 'Ameland', comparison: 'not-compared', suppressed: true },
    { name: 'Almere', value: 15, lowercl95: 14, uppercl95: 17, denominator: 2500, comparison: 'worse', quintile: 5, smoothed: 14.9, trend: 'no-significant-change', suppressed: false },
    { name: 'Delft', value: 9, lowercl95: 6, uppercl95: 12, denominator: 800, comparison: 'better', quintile: 1, smoothed: 10, trend: null, suppressed: false },
  ];
  const names = (sorted: { name: string }[]) => sorted.map((r) => r.name);
  it('sorts by name in Dutch order', () => {
    expect(names(sortRows(rows, { key: 'name', dir: 'asc' }))).toEqual(['Almere', 'Ameland', 'Delft', 'Utrecht']);
    expect(names(sortRows(rows, { key: 'name', dir: 'desc' }))).toEqual(['Utrecht', 'Delft', 'Ameland', 'Almere']);
  });
  it('keeps suppressed and missing figures last in both directions', () => {
    expect(names(sortRows(rows, { key: 'value', dir: 'asc' }))).toEqual(['Delft', 'Utrecht', 'Almere', 'Ameland']);
    expect(names(sortRows(rows, { key: 'value', dir: 'desc' }))).toEqual(['Almere', 'Utrecht', 'Delft', 'Ameland']);
    expect(names(sortRows(rows, { key: 'trend', dir: 'asc' }))).toEqual(['Almere', 'Utrecht', 'Ameland', 'Delft']);
  });
  it('sorts comparison from better to worse, intervals by width, counts by denominator', () => {
    expect(names(sortRows(rows, { key: 'comparison', dir: 'asc' }))).toEqual(['Delft', 'Utrecht', 'Almere', 'Ameland']);
    expect(names(sortRows(rows, { key: 'interval', dir: 'asc' }))).toEqual(['Utrecht', 'Almere', 'Delft', 'Ameland']);
    expect(names(sortRows(rows, { key: 'count', dir: 'desc' }))).toEqual(['Utrecht', 'Almere', 'Delft', 'Ameland']);
  });
});
