// Means, directly standardised rates (DSR) and indirect standardisation (ISR) against the
// PHEindicatormethods vectors.

import { afterAll, describe, expect, it } from 'vitest';
import {
  ESP2013,
  dsrEstimate,
  dsrEstimateNonIndependent,
  expectedCount,
  isRate,
  isRateFromTotals,
  isRatio,
  isRatioFromTotals,
  meanEstimate,
  meanEstimateFromSummary,
} from '../../../src/atlas/statistics/index.ts';
import { ErrorTracker, expectCell, num, readVectors, type Row } from './vectors.ts';

const tracker = new ErrorTracker();
afterAll(() => tracker.report('phe_mean_* / phe_dsr_* / phe_isr_*'));

function groupBy(rows: Row[], key: (r: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return groups;
}

describe('meanEstimate (Student t) against phe_mean_expected.csv', () => {
  const inputs = readVectors('phe_mean_inputs.csv');
  const expected = readVectors('phe_mean_expected.csv');
  const byArea = groupBy(inputs, (r) => r.area!);

  it('has 26 input values and 6 expected rows', () => {
    expect(inputs).toHaveLength(26);
    expect(expected).toHaveLength(6);
  });

  it.each(expected.map((r) => [`${r.area} @ ${r.confidence}`, r] as const))('%s', (_label, r) => {
    // "No grouping" pools all 26 values.
    const values = (r.area === 'No grouping' ? inputs : byArea.get(r.area!)!).map((v) => Number(v.value));
    const est = meanEstimate(values, { confidence: Number(r.confidence) });
    expect(est.count).toBe(Number(r.value_count));
    expectCell(tracker, 'mean sd', est.sd, r.stdev, `${r.area} sd`);
    expectCell(tracker, 'mean value', est.value, r.value, `${r.area} value`);
    expectCell(tracker, 'mean lowercl', est.lower, r.lowercl, `${r.area} lower`);
    expectCell(tracker, 'mean uppercl', est.upper, r.uppercl, `${r.area} upper`);

    const fromSummary = meanEstimateFromSummary(Number(r.value_sum), Number(r.value_count), Number(r.stdev), {
      confidence: Number(r.confidence),
    });
    expectCell(tracker, 'mean (summary) lowercl', fromSummary.lower, r.lowercl, `${r.area} summary lower`);
    expectCell(tracker, 'mean (summary) uppercl', fromSummary.upper, r.uppercl, `${r.area} summary upper`);
  });

  it('gives no interval for a single value and nothing for none', () => {
    expect(meanEstimate([4])).toEqual({ value: 4, lower: null, upper: null, count: 1, sd: null });
    expect(meanEstimate([])).toEqual({ value: null, lower: null, upper: null, count: 0, sd: null });
    expect(meanEstimate([1, Number.NaN, 3]).count).toBe(2);
  });
});

describe('DSR (Dobson) against phe_dsr_expected.csv', () => {
  const inputs = readVectors('phe_dsr_inputs.csv');
  const expected = readVectors('phe_dsr_expected.csv');
  const byArea = groupBy(inputs, (r) => `${r.dataset}|${r.area}`);

  // The testdata_1976 99.8 % rows are flagged SUSPECT in the vectors README: the upstream
  // sheet's limits are 10× too large and the upstream tests never check them. They are not
  // reproducible by the published method, so they are left out here.
  const usable = expected.filter((r) => !r.note!.startsWith('SUSPECT'));

  it('has 24 expected rows, 2 of them SUSPECT', () => {
    expect(expected).toHaveLength(24);
    expect(usable).toHaveLength(22);
  });

  it.each(usable.map((r) => [`${r.dataset} ${r.area} ×${r.multiplier} @ ${r.confidence}`, r] as const))(
    '%s',
    (_label, r) => {
      const bands = byArea.get(`${r.dataset}|${r.area}`)!;
      const counts = bands.map((b) => num(b.count)); // an empty count is NA, counted as 0
      const pops = bands.map((b) => Number(b.pop));
      const std = bands.map((b) => Number(b.stdpop));
      // Suppressed rows give the multiplier as "(any)".
      const multiplier = r.multiplier === '(any)' ? 100000 : Number(r.multiplier);
      const opts = { confidence: Number(r.confidence), multiplier };
      const est =
        r.dataset === 'nonindependent'
          ? dsrEstimateNonIndependent(counts, pops, std, bands.map((b) => Number(b.eventfreq)), opts)
          : dsrEstimate(counts, pops, std, opts);
      expect(est.totalCount).toBe(Number(r.total_count));
      expect(est.totalPopulation).toBe(Number(r.total_pop));
      expectCell(tracker, 'dsr value', est.value, r.value, `${r.area} value`);
      expectCell(tracker, 'dsr lowercl', est.lower, r.lowercl, `${r.area} lower`);
      expectCell(tracker, 'dsr uppercl', est.upper, r.uppercl, `${r.area} upper`);
    },
  );

  it('uses ESP2013 by default and the esp2013 inputs carry it', () => {
    const big = byArea.get('esp2013|testdata_big')!;
    expect(big.map((b) => Number(b.stdpop))).toEqual([...ESP2013]);
    const counts = big.map((b) => Number(b.count));
    const pops = big.map((b) => Number(b.pop));
    expect(dsrEstimate(counts, pops)).toEqual(dsrEstimate(counts, pops, ESP2013, { multiplier: 100000 }));
  });

  it('returns nulls for invalid input', () => {
    expect(dsrEstimate([20, 30], [100, 0], [1, 1]).value).toBeNull();
    expect(dsrEstimate([20, 30], [100], [1, 1]).value).toBeNull();
  });
});

describe('ISR against phe_isr_expected.csv', () => {
  const inputs = readVectors('phe_isr_inputs.csv');
  const expected = readVectors('phe_isr_expected.csv');
  const byArea = groupBy(inputs, (r) => r.area!);

  it('has 28 expected rows', () => {
    expect(expected).toHaveLength(28);
  });

  // From the observed and expected totals given in each row: all 28 rows, including the
  // "own reference" Area1/Area2 variant (its O and E are in the row itself).
  it.each(expected.map((r, i) => [`${i + 1} ${r.function} ${r.area} ×${r.multiplier} @ ${r.confidence}`, r] as const))(
    'from totals: %s',
    (_label, r) => {
      const opts = { confidence: Number(r.confidence), multiplier: Number(r.multiplier) };
      const O = Number(r.observed);
      const E = Number(r.expected);
      const est =
        r.function === 'calculate_ISRate'
          ? isRateFromTotals(O, E, Number(r.ref_rate) / Number(r.multiplier), opts)
          : isRatioFromTotals(O, E, opts);
      expectCell(tracker, 'isr (totals) value', est.value, r.value, 'value');
      expectCell(tracker, 'isr (totals) lowercl', est.lower, r.lowercl, 'lower');
      expectCell(tracker, 'isr (totals) uppercl', est.upper, r.uppercl, 'upper');
    },
  );

  // From the age-band inputs: the Area1/Area2 rows come from an "own reference" variant
  // whose inputs are not in phe_isr_inputs.csv (vectors README), so only the testdata_*
  // areas can be rebuilt from age bands.
  const fromBands = expected.filter((r) => byArea.has(r.area!));

  it('can rebuild 24 rows from age bands', () => {
    expect(fromBands).toHaveLength(24);
  });

  it.each(fromBands.map((r, i) => [`${i + 1} ${r.function} ${r.area} ×${r.multiplier} @ ${r.confidence}`, r] as const))(
    'from age bands: %s',
    (_label, r) => {
      const bands = byArea.get(r.area!)!;
      const counts = bands.map((b) => num(b.count));
      const pops = bands.map((b) => Number(b.pop));
      const refCounts = bands.map((b) => Number(b.refcount));
      const refPops = bands.map((b) => Number(b.refpop));
      expectCell(tracker, 'isr expected count', expectedCount(pops, refCounts, refPops), r.expected, 'E');
      const opts = { confidence: Number(r.confidence), multiplier: Number(r.multiplier) };
      const est =
        r.function === 'calculate_ISRate'
          ? isRate(counts, pops, refCounts, refPops, opts)
          : isRatio(counts, pops, refCounts, refPops, opts);
      expect(est.observed).toBe(Number(r.observed));
      expectCell(tracker, 'isr (bands) value', est.value, r.value, 'value');
      expectCell(tracker, 'isr (bands) lowercl', est.lower, r.lowercl, 'lower');
      expectCell(tracker, 'isr (bands) uppercl', est.upper, r.uppercl, 'upper');
    },
  );
});
