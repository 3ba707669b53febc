import { afterAll, describe, expect, it } from 'vitest';
import { proportionEstimate, proportionInto, wilsonLower, wilsonUpper, zForConfidence } from '../../../src/atlas/statistics/index.ts';
import { ErrorTracker, expectCell, num, readVectors } from './vectors.ts';

const tracker = new ErrorTracker();
afterAll(() => tracker.report('phe_proportion_wilson.csv'));

describe('proportionEstimate (Wilson) against phe_proportion_wilson.csv', () => {
  const rows = readVectors('phe_proportion_wilson.csv');

  it('has all 55 rows', () => {
    expect(rows).toHaveLength(55);
  });

  it.each(rows.map((r) => [r.case_id!, r] as const))('%s', (_id, r) => {
    const est = proportionEstimate(num(r.numerator), num(r.denominator), {
      confidence: Number(r.confidence),
      multiplier: Number(r.multiplier),
    });
    expectCell(tracker, 'value', est.value, r.value, `${r.case_id} value`);
    expectCell(tracker, 'lowercl', est.lower, r.lowercl, `${r.case_id} lower`);
    expectCell(tracker, 'uppercl', est.upper, r.uppercl, `${r.case_id} upper`);
  });

  it('proportionInto writes the same numbers (NaN for NA)', () => {
    const out = new Float64Array(3);
    for (const r of rows) {
      const opts = { confidence: Number(r.confidence), multiplier: Number(r.multiplier) };
      const est = proportionEstimate(num(r.numerator), num(r.denominator), opts);
      proportionInto(out, 0, num(r.numerator), num(r.denominator), opts.confidence, opts.multiplier);
      expect([out[0], out[1], out[2]]).toEqual([est.value ?? NaN, est.lower ?? NaN, est.upper ?? NaN]);
    }
  });
});

describe('proportionEstimate edge cases', () => {
  it('defaults to 95 % and multiplier 1', () => {
    expect(proportionEstimate(65, 100)).toEqual(proportionEstimate(65, 100, { confidence: 0.95, multiplier: 1 }));
    expect(proportionEstimate(65, 100).value).toBe(0.65);
  });

  it('gives (0, 1) at 100 % confidence, as PHE does', () => {
    expect(proportionEstimate(3, 10, { confidence: 1, multiplier: 100 })).toEqual({ value: 30, lower: 0, upper: 100 });
  });

  it('handles 0 and n successes', () => {
    const zero = proportionEstimate(0, 20);
    expect(zero.value).toBe(0);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeGreaterThan(0);
    const all = proportionEstimate(20, 20);
    expect(all.upper).toBeCloseTo(1, 15);
    expect(all.lower).toBeLessThan(1);
  });

  it('returns nulls, not exceptions, for invalid data', () => {
    const na = { value: null, lower: null, upper: null };
    expect(proportionEstimate(5, 0)).toEqual(na);
    expect(proportionEstimate(-1, 10)).toEqual(na);
    expect(proportionEstimate(11, 10)).toEqual(na);
    expect(proportionEstimate(Number.NaN, 10)).toEqual(na);
    expect(proportionEstimate(1, Number.POSITIVE_INFINITY)).toEqual(na);
  });

  it('accepts any confidence level and rejects impossible ones', () => {
    const e90 = proportionEstimate(50, 100, { confidence: 0.9 });
    const e95 = proportionEstimate(50, 100, { confidence: 0.95 });
    expect(e90.lower!).toBeGreaterThan(e95.lower!);
    expect(() => proportionEstimate(50, 100, { confidence: 95 })).toThrow(RangeError);
    expect(() => proportionEstimate(50, 100, { confidence: 0 })).toThrow(RangeError);
  });

  it('caches z per confidence level with the published values', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(zForConfidence(0.998)).toBeCloseTo(3.090232306167813, 14);
    expect(wilsonLower(65, 100)).toBeCloseTo(0.55254443296887967, 14);
    expect(wilsonUpper(65, 100, 0.998)).toBeCloseTo(0.77835406140896968, 14);
  });
});
