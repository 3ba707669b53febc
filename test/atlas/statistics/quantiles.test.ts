import { describe, expect, it } from 'vitest';
import {
  assignQuantiles,
  assignQuantilesGrouped,
  categoryBounds,
  categoryOf,
  invertForPolarity,
} from '../../../src/atlas/statistics/index.ts';
import { cell, readVectors, type Row } from './vectors.ts';

describe('assignQuantiles against phe_quantile.csv', () => {
  const rows = readVectors('phe_quantile.csv');

  // How PHEindicatormethods' tests (testQuantiles.R) group and invert each set:
  // * GroupSet "IndSexReg": grouped by indicator/sex and region (ParentCode); invert from
  //   the row (the Polarity field);
  // * GroupSet "IndSex": one group per test set, invert from the row. The "BadPolarity" set
  //   mixes invert values within its group, which upstream uses to test the error
  //   "invert field values must take the same logical value"; our API takes one invert per
  //   call, and the sheet's expected quantiles for that set are those of invert = TRUE
  //   (its first row), which is what we use;
  // * GroupSet "None": all rows form one group and phe_quantile's default invert = TRUE
  //   applies (the upstream call passes no invert; the row's invert column is not used).
  function groupOf(r: Row): string {
    if (r.GroupSet === 'IndSexReg') return `${r.Test}|IndSexReg|${r.IndSexRef}|${r.ParentCode}`;
    if (r.GroupSet === 'IndSex') return `${r.Test}|IndSex`;
    return 'None';
  }
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = groupOf(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }

  it('has 1017 rows (987 with a quantile, 30 NA) in 23 groups', () => {
    expect(rows).toHaveLength(1017);
    expect(rows.filter((r) => r.expected_quantile === '')).toHaveLength(30);
    expect(groups.size).toBe(23);
  });

  it.each([...groups.entries()])('group %s', (key, members) => {
    const invert = key === 'None' ? true : members[0]!.invert === 'TRUE';
    const result = assignQuantiles(
      members.map((r) => cell(r.Value)),
      { quantiles: Number(members[0]!.nquantiles), invert },
    );
    expect(result).toEqual(members.map((r) => cell(r.expected_quantile)));
  });

  it('assignQuantilesGrouped gives the same as per-group calls', () => {
    const sets = rows.filter((r) => r.GroupSet === 'IndSexReg' && r.Test === 'Gooddata' && r.invert === 'TRUE');
    const grouped = assignQuantilesGrouped(
      sets.map((r) => cell(r.Value)),
      sets.map((r) => `${r.IndSexRef}|${r.ParentCode}`),
      { quantiles: 10, invert: true },
    );
    expect(grouped).toEqual(sets.map((r) => cell(r.expected_quantile)));
  });
});

describe('assignQuantiles semantics', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('puts the highest values in quantile 1 by default (phe_quantile invert = TRUE)', () => {
    expect(assignQuantiles(values, { quantiles: 5 })).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(assignQuantiles(values, { quantiles: 5, invert: false })).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives ties the same quantile and leaves missing values out', () => {
    expect(assignQuantiles([1, 1, 1, 2, null, 3], { quantiles: 2, invert: false })).toEqual([1, 1, 1, 2, null, 2]);
  });

  it('assigns nothing when there are fewer values than quantiles', () => {
    expect(assignQuantiles([1, 2, 3], { quantiles: 5 })).toEqual([null, null, null]);
  });

  it('maps polarity so that quantile 1 is the least favourable', () => {
    expect(invertForPolarity('low-is-good')).toBe(true);
    expect(invertForPolarity('high-is-good')).toBe(false);
  });
});

describe('categoryBounds against fingertips_quintile_bounds.csv', () => {
  const [row] = readVectors('fingertips_quintile_bounds.csv');

  it('reproduces the quintile bounds of 1..50', () => {
    const values = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(row!.input).toContain('1..50');
    expect(categoryBounds(values, 5)).toEqual(row!.expected_bounds!.split(';').map(Number));
  });

  it('needs more than 3 values', () => {
    expect(categoryBounds([1, 2, 3], 5)).toEqual([]);
    expect(categoryBounds([4, 1, 3, 2], 4)).toEqual([1, 1.75, 2.5, 3.25, 4]);
  });

  it('assigns categories by the bounds, reversed when high is good', () => {
    const bounds = categoryBounds(
      Array.from({ length: 50 }, (_, i) => i + 1),
      5,
    );
    expect(categoryOf(1, bounds)).toBe(1);
    expect(categoryOf(10.8, bounds)).toBe(1);
    expect(categoryOf(10.9, bounds)).toBe(2);
    expect(categoryOf(50, bounds)).toBe(5);
    expect(categoryOf(50, bounds, 'high-is-good')).toBe(1);
    expect(categoryOf(51, bounds)).toBeNull();
    expect(categoryOf(null, bounds)).toBeNull();
  });
});
