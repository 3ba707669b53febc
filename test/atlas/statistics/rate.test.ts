import { afterAll, describe, expect, it } from 'vitest';
import {
  byarsLower,
  byarsUpper,
  exactPoissonLower,
  exactPoissonUpper,
  qchisq,
  qgamma,
  rateEstimate,
  rateInto,
} from '../../../src/atlas/statistics/index.ts';
import { ErrorTracker, expectCell, num, readVectors } from './vectors.ts';

const tracker = new ErrorTracker();
afterAll(() => tracker.report('phe_rate_byars_exact.csv + byars_count_limits.csv'));

describe('rateEstimate (exact < 10, Byar ≥ 10) against phe_rate_byars_exact.csv', () => {
  const rows = readVectors('phe_rate_byars_exact.csv');

  it('has all 52 rows', () => {
    expect(rows).toHaveLength(52);
  });

  it.each(rows.map((r) => [r.case_id!, r] as const))('%s', (_id, r) => {
    const est = rateEstimate(num(r.numerator), num(r.denominator), {
      confidence: Number(r.confidence),
      multiplier: Number(r.multiplier),
    });
    expectCell(tracker, 'rate value', est.value, r.value, `${r.case_id} value`);
    expectCell(tracker, 'rate lowercl', est.lower, r.lowercl, `${r.case_id} lower`);
    expectCell(tracker, 'rate uppercl', est.upper, r.uppercl, `${r.case_id} upper`);
  });

  it('rateInto writes the same numbers (NaN for NA)', () => {
    const out = new Float64Array(6);
    for (const r of rows) {
      const c = Number(r.confidence);
      const m = Number(r.multiplier);
      const est = rateEstimate(num(r.numerator), num(r.denominator), { confidence: c, multiplier: m });
      rateInto(out, 3, num(r.numerator), num(r.denominator), c, m);
      expect([out[3], out[4], out[5]]).toEqual([est.value ?? NaN, est.lower ?? NaN, est.upper ?? NaN]);
    }
  });
});

describe('Byar limits of a count against byars_count_limits.csv', () => {
  const rows = readVectors('byars_count_limits.csv');

  it('has all 7 rows', () => {
    expect(rows).toHaveLength(7);
  });

  it.each(rows.map((r) => [r.case_id!, r] as const))('%s', (_id, r) => {
    const x = Number(r.observed);
    const c = Number(r.confidence);
    // byars_fn_13: the lower limit of 1 at 99.8 % is negative, which PHE reports as NA.
    expectCell(tracker, 'byars lower', byarsLower(x, c), r.lowercl, `${r.case_id} lower`);
    expectCell(tracker, 'byars upper', byarsUpper(x, c), r.uppercl, `${r.case_id} upper`);
  });
});

describe('distribution quantiles', () => {
  it('qchisq(p, 0) is 0 and qgamma(p, 0) is 0', () => {
    expect(qchisq(0.025, 0)).toBe(0);
    expect(qchisq(0.999, 0)).toBe(0);
    expect(qgamma(0.5, 0)).toBe(0);
  });

  it('exact limits use qchisq(α/2, 2x)/2 and qchisq(1 − α/2, 2x + 2)/2, tabulated or not', () => {
    expect(exactPoissonLower(0, 0.95)).toBe(0);
    expect(exactPoissonUpper(0, 0.95)).toBeCloseTo(-Math.log(0.025), 13);
    // Non-integer counts below 10 are computed directly rather than from the table.
    expect(exactPoissonLower(2.5, 0.95)).toBeCloseTo(qchisq(0.025, 5) / 2, 15);
    expect(exactPoissonUpper(2, 0.95)).toBe(qchisq(0.975, 6) / 2);
  });
});

describe('rateEstimate edge cases', () => {
  it('allows numerator > denominator and zero counts', () => {
    expect(rateEstimate(250, 220).value).toBeCloseTo(250 / 220, 15);
    const zero = rateEstimate(0, 1000, { multiplier: 1000 });
    expect(zero.value).toBe(0);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(-Math.log(0.025), 13); // P(X = 0 | μ) = 0.025
  });

  it('returns nulls for invalid input', () => {
    const na = { value: null, lower: null, upper: null };
    expect(rateEstimate(1, 0)).toEqual(na);
    expect(rateEstimate(-1, 10)).toEqual(na);
    expect(rateEstimate(Number.NaN, 10)).toEqual(na);
  });
});
