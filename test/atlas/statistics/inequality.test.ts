// Slope/relative index of inequality against phe_sii_testdata.csv (PHEindicatormethods
// testdata_SII.xlsx). The SII/RII/intercept point estimates are deterministic and are
// checked to 1e-9. The confidence limits are Monte-Carlo percentiles; upstream
// (tests/testthat/testSII.R) accepts them within a tolerance of 0.05, and so do we, per
// value (relative).

import { afterAll, describe, expect, it } from 'vitest';
import { type SiiOptions, type SiiValueType, slopeIndexOfInequality } from '../../../src/atlas/statistics/index.ts';
import { ErrorTracker, expectCell, readVectors, relativeError, type Row } from './vectors.ts';

const tracker = new ErrorTracker();
afterAll(() => tracker.report('phe_sii_testdata.csv'));

const VALUE_TYPE: Record<string, SiiValueType> = { '0': 'normal', '1': 'rate', '2': 'proportion' };

// The CSV's Confidence column does not always carry the level used (e.g. "98% CI" rows say
// 95); the parameters of each test are those of the upstream testSII.R calls, which the
// descriptions name.
function optionsFor(description: string, valueType: SiiValueType): SiiOptions {
  let confidence: number[] = [0.95];
  if (/multiple CIs \(95 and 98\)|95% and 98%/i.test(description)) confidence = [0.95, 0.98];
  else if (/multiple CIs/.test(description)) confidence = [0.95, 0.99];
  else if (/98%/.test(description)) confidence = [0.98];
  else if (/99%/.test(description)) confidence = [0.99];
  let multiplier = 1;
  if (description.includes('(x 100)')) multiplier = 100;
  else if (description.includes('(x -100)')) multiplier = -100;
  else if (description.includes('negative multiplier')) multiplier = -1;
  return { valueType, confidence, multiplier, transform: description.includes('transform'), repetitions: 100000 };
}

const rows = readVectors('phe_sii_testdata.csv');
const groups = new Map<string, Row[]>();
for (const r of rows) {
  const key = `${r.TestDescription}|${r.Area}|${r.Grouping1}|${r.Grouping2}`;
  groups.set(key, [...(groups.get(key) ?? []), r]);
}
// Only the calculation tests carry expected results; the "error handling" and "warning
// handling" sets test R's argument checks and have none.
const cases = [...groups.entries()].filter(([, g]) => g[0]!.sii !== '');

describe('slopeIndexOfInequality against phe_sii_testdata.csv', () => {
  it('has 505 rows and 44 expected results', () => {
    expect(rows).toHaveLength(505);
    expect(cases).toHaveLength(44);
  });

  it.each(cases)('%s', (_key, g) => {
    const first = g[0]!;
    const valueType = VALUE_TYPE[first.ValueType!]!;
    const opts = optionsFor(first.TestDescription!, valueType);
    const result = slopeIndexOfInequality(
      {
        populations: g.map((r) => Number(r.Population)),
        values: g.map((r) => Number(r.Value)),
        lower95: g.map((r) => Number(r.LowerCL)),
        upper95: g.map((r) => Number(r.UpperCL)),
      },
      opts,
    );
    expect(result).not.toBeNull();
    expectCell(tracker, 'sii', result!.sii, first.sii, 'sii');
    if (first.rii !== '') expectCell(tracker, 'rii', result!.rii, first.rii, 'rii');
    if (first.Intercept !== '') expectCell(tracker, 'intercept', result!.intercept, first.Intercept, 'intercept');
    // "testing quintiles" has only the SII (from PHE's Excel tool), no limits.
    for (const [k, suffix] of [[0, '1'], [1, '2']] as const) {
      const limits = result!.limits[k];
      const columns = [
        ['sii_lowercl_', limits?.siiLower],
        ['sii_uppercl_', limits?.siiUpper],
        ['rii_lowercl_', limits?.riiLower],
        ['rii_uppercl_', limits?.riiUpper],
      ] as const;
      for (const [column, actual] of columns) {
        const expected = first[column + suffix];
        if (expected === undefined || expected === '') continue;
        const error = relativeError(actual!, Number(expected));
        tracker.record('simulated limits', error);
        expect(error, `${column}${suffix}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(0.05);
      }
    }
  });
});

describe('slopeIndexOfInequality behaviour', () => {
  const input = { populations: [100, 100, 100, 100, 100], values: [10, 9, 8, 7, 6], standardErrors: [0.5, 0.5, 0.5, 0.5, 0.5] };

  it('gives the gap across the whole range for a straight line', () => {
    const r = slopeIndexOfInequality(input, { repetitions: 2000 })!;
    // Ranks 0.1 … 0.9 with values falling 1 per 0.2: slope −5, value at rank 0 = 10.5.
    expect(r.sii).toBeCloseTo(-5, 12);
    expect(r.intercept).toBeCloseTo(10.5, 12);
    expect(r.rii).toBeCloseTo(5.5 / 10.5, 12);
    expect(r.limits[0]!.siiLower).toBeLessThan(-5);
    expect(r.limits[0]!.siiUpper).toBeGreaterThan(-5);
  });

  it('is reproducible for a seed', () => {
    expect(slopeIndexOfInequality(input, { repetitions: 1000, seed: 7 })).toEqual(
      slopeIndexOfInequality(input, { repetitions: 1000, seed: 7 }),
    );
  });

  it('refuses unusable input', () => {
    expect(slopeIndexOfInequality({ ...input, populations: [100, 0, 100, 100, 100] })).toBeNull();
    expect(slopeIndexOfInequality({ populations: input.populations, values: input.values })).toBeNull();
    expect(slopeIndexOfInequality({ ...input, values: [0.2, 1.2, 0.3, 0.3, 0.3] }, { valueType: 'proportion' })).toBeNull();
  });
});
