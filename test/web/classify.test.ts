// Map classification: equal counts, equal intervals, natural breaks, and the edge cases the
// DHIS2 maps app had to fix (ties, few values, all-equal values, missing values).

import { describe, expect, it } from 'vitest';
import {
  classBounds,
  classCount,
  classCounts,
  classOf,
  equalIntervalBounds,
  finiteSorted,
  legendDecimals,
  naturalBreaksBounds,
  quantileBounds,
} from '../../web/src/atlas/classify.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('classBounds', () => {
  it('quintiles put (about) a fifth of the values in each class', () => {
    const values = range(100);
    const bounds = classBounds(values, 'quantile');
    expect(bounds).toEqual([1, 21, 41, 61, 81, 100]);
    expect(classCounts(values, bounds)).toEqual([20, 20, 20, 20, 20]);
  });

  it('quintiles of 342 values differ by at most one per class', () => {
    const values = range(342).map((i) => Math.sqrt(i));
    const counts = classCounts(values, classBounds(values, 'quantile'));
    expect(counts.reduce((a, b) => a + b)).toBe(342);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('equal intervals split the range evenly', () => {
    expect(classBounds([0, 1, 3, 5, 10], 'equal')).toEqual([0, 2, 4, 6, 8, 10]);
    expect(equalIntervalBounds([5, 15], 2)).toEqual([5, 10, 15]);
  });

  it('natural breaks find obvious clusters', () => {
    const values = [1, 1.1, 1.2, 5, 5.1, 5.2, 9, 9.1, 9.3, 20, 21, 40, 41];
    const bounds = classBounds(values, 'jenks');
    expect(bounds).toEqual([1, 5, 9, 20, 40, 41]);
    expect(classCounts(values, bounds)).toEqual([3, 3, 3, 2, 2]);
  });

  it('natural breaks minimise the within-class sum of squares (checked by brute force)', () => {
    const values = [2, 3, 3.5, 7, 8, 8.2, 12, 15, 15.5, 16];
    const sorted = finiteSorted(values);
    const ssq = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((a, x) => a + (x - m) ** 2, 0);
    };
    // Every way to cut 10 sorted values into 3 non-empty runs.
    let best = Infinity;
    for (let i = 1; i < sorted.length - 1; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        best = Math.min(best, ssq(sorted.slice(0, i)) + ssq(sorted.slice(i, j)) + ssq(sorted.slice(j)));
      }
    }
    const bounds = naturalBreaksBounds(sorted, 3);
    const groups: number[][] = [[], [], []];
    for (const v of sorted) groups[classOf(v, bounds)!]!.push(v);
    expect(groups.reduce((a, g) => a + ssq(g), 0)).toBeCloseTo(best, 10);
  });

  it('ignores missing values (null, undefined, NaN, Infinity)', () => {
    const bounds = classBounds([null, 1, undefined, 2, NaN, 3, Infinity, 4, 5], 'quantile');
    expect(bounds).toEqual([1, 2, 3, 4, 5, 5]);
    expect(classCounts([null, 1, 2, 3, 4, 5], bounds)).toEqual([1, 1, 1, 1, 1]);
  });

  it('gives no classes without values', () => {
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      expect(classBounds([], method)).toEqual([]);
      expect(classBounds([null, undefined, NaN], method)).toEqual([]);
    }
    expect(classOf(3, [])).toBeNull();
  });

  it('gives one class, never NaN, when all values are equal', () => {
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      const bounds = classBounds([7.5, 7.5, 7.5], method);
      expect(bounds).toEqual([7.5, 7.5]);
      expect(classCount(bounds)).toBe(1);
      expect(classOf(7.5, bounds)).toBe(0);
    }
    expect(classBounds([4], 'jenks')).toEqual([4, 4]);
  });

  it('gives fewer classes than asked when there are fewer distinct values', () => {
    for (const method of ['equal', 'jenks'] as const) {
      const bounds = classBounds([1, 1, 2, 2, 3], method);
      expect(classCount(bounds)).toBe(3);
      expect(classCounts([1, 1, 2, 2, 3], bounds)).toEqual([2, 2, 1]);
    }
    // Equal counts cannot split 5 values with ties into 3 equal groups: 2 classes, none empty.
    const q = classBounds([1, 1, 2, 2, 3], 'quantile');
    expect(classCounts([1, 1, 2, 2, 3], q)).toEqual([2, 3]);
  });

  it('keeps ties in one class and never makes an empty quantile class', () => {
    // Many equal values (e.g. 0%): DHIS2's "equal counts with many ties" case.
    const values = [0, 0, 0, 0, 0, 0, 0, 1, 2, 3];
    const bounds = classBounds(values, 'quantile');
    const counts = classCounts(values, bounds);
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(counts[0]).toBe(7);
    expect(new Set(bounds.slice(0, -1)).size).toBe(bounds.length - 1);
  });

  it('keeps a last class holding only tied maxima', () => {
    const values = [1, 2, 3, 3, 3, 3, 3, 3, 3, 3];
    const bounds = quantileBounds(finiteSorted(values), 5);
    expect(bounds).toEqual([1, 3, 3]);
    expect(classCounts(values, bounds)).toEqual([2, 8]);
  });

  it('never asks for more classes than values', () => {
    expect(classBounds([1, 2], 'jenks', 5)).toEqual([1, 2, 2]);
    expect(classCounts([1, 2], classBounds([1, 2], 'jenks', 5))).toEqual([1, 1]);
  });
});

describe('classOf', () => {
  const bounds = [0, 10, 20, 30];
  it('puts a value on an inner bound in the upper class and the maximum in the last', () => {
    expect(classOf(0, bounds)).toBe(0);
    expect(classOf(9.99, bounds)).toBe(0);
    expect(classOf(10, bounds)).toBe(1);
    expect(classOf(25, bounds)).toBe(2);
    expect(classOf(30, bounds)).toBe(2);
  });
  it('clamps values outside the bounds and rejects missing ones', () => {
    expect(classOf(-5, bounds)).toBe(0);
    expect(classOf(99, bounds)).toBe(2);
    expect(classOf(null, bounds)).toBeNull();
    expect(classOf(undefined, bounds)).toBeNull();
    expect(classOf(NaN, bounds)).toBeNull();
  });
});

describe('legendDecimals', () => {
  it('uses one decimal when that tells the bounds apart, more when needed', () => {
    expect(legendDecimals([1, 2.5, 3])).toBe(1);
    expect(legendDecimals([14.41, 14.44, 15])).toBe(2);
    expect(legendDecimals([1, 1.0004, 2])).toBe(4);
    expect(legendDecimals([1, 3, 3])).toBe(1);
  });
});
