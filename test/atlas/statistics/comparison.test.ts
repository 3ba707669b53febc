import { describe, expect, it } from 'vitest';
import {
  type Comparison,
  type Polarity,
  compareSpcDsr,
  compareSpcProportion,
  compareWithBenchmark,
  compareWithBenchmarkTwoLevels,
  poissonLimitsOfExpected,
  proportionEstimate,
  qgamma,
} from '../../../src/atlas/statistics/index.ts';
import { readVectors } from './vectors.ts';

// Fingertips' Significance names → ours (its polarity ids: RagLowIsGood, RagHighIsGood).
const SIGNIFICANCE: Record<string, Comparison> = { Better: 'better', Same: 'similar', Worse: 'worse' };
const POLARITY: Record<string, Polarity> = { RagLowIsGood: 'low-is-good', RagHighIsGood: 'high-is-good' };

describe('SPC comparators against fingertips_benchmark_spc.csv', () => {
  const rows = readVectors('fingertips_benchmark_spc.csv');

  it('has 16 rows: 10 for proportions, 6 for DSRs', () => {
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.comparator_method === 'SpcForProportions')).toHaveLength(10);
  });

  it.each(rows.map((r) => [r.case_id!, r] as const))('%s', (_id, r) => {
    const unit = Number(r.unit);
    const polarity = POLARITY[r.polarity!]!;
    let result: Comparison;
    if (r.comparator_method === 'SpcForProportions') {
      // The test passes the rounded z itself (1.96 or 3.0902) as the confidence variable.
      result = compareSpcProportion(
        Number(r.value) / unit,
        Number(r.denominator),
        Number(r.comparator_value) / unit,
        polarity,
        { z: Number(r.confidence_variable) },
      );
    } else {
      // SpcForDsr passes the tail probability (0.025 or 0.001) as the confidence variable.
      result = compareSpcDsr(Number(r.value), Number(r.denominator), Number(r.comparator_value), polarity, {
        unit,
        tailProbability: Number(r.confidence_variable),
      });
    }
    expect(result).toBe(SIGNIFICANCE[r.expected_significance!]);
  });

  it('reports higher/lower without a polarity and not-compared without data', () => {
    const p = rows[0]!;
    const args = [Number(p.value) / 100, Number(p.denominator), Number(p.comparator_value) / 100] as const;
    expect(compareSpcProportion(...args, 'none', { z: 1.96 })).toBe('lower');
    expect(compareSpcProportion(...args, 'high-is-good', { z: 1.96 })).toBe('worse');
    expect(compareSpcProportion(null, 100, 0.5, 'none')).toBe('not-compared');
    expect(compareSpcDsr(5, 1000, null, 'none', { unit: 1000 })).toBe('not-compared');
  });

  it('computes Fingertips PoisLow/PoisHigh in closed form', () => {
    // Integer E: the usual exact limits; non-integer E: whole-count sums (⌈E⌉ / ⌊E⌋ + 1).
    expect(poissonLimitsOfExpected(5, 0.025).lower).toBeCloseTo(qgamma(0.025, 5), 14);
    expect(poissonLimitsOfExpected(5, 0.025).upper).toBeCloseTo(qgamma(0.975, 6), 14);
    expect(poissonLimitsOfExpected(5.3, 0.025)).toEqual(poissonLimitsOfExpected(5.9, 0.025));
    expect(poissonLimitsOfExpected(0, 0.025).lower).toBe(0);
  });
});

describe('compareWithBenchmark (Fingertips SingleOverlappingCIsForOneCILevel)', () => {
  const est = { value: 10, lower: 8, upper: 12 };

  it('is similar when the benchmark lies inside the interval, limits included', () => {
    for (const b of [8, 9.5, 10, 12]) expect(compareWithBenchmark(est, b, 'low-is-good')).toBe('similar');
  });

  it('judges by polarity outside the interval', () => {
    expect(compareWithBenchmark(est, 7, 'high-is-good')).toBe('better');
    expect(compareWithBenchmark(est, 7, 'low-is-good')).toBe('worse');
    expect(compareWithBenchmark(est, 13, 'high-is-good')).toBe('worse');
    expect(compareWithBenchmark(est, 13, 'low-is-good')).toBe('better');
  });

  it('says higher/lower when there is no polarity', () => {
    expect(compareWithBenchmark(est, 7, 'none')).toBe('higher');
    expect(compareWithBenchmark(est, 13, 'none')).toBe('lower');
    expect(compareWithBenchmark(est, 10, 'none')).toBe('similar');
  });

  it('does not compare when anything is missing', () => {
    expect(compareWithBenchmark(est, null, 'none')).toBe('not-compared');
    expect(compareWithBenchmark({ value: null, lower: 1, upper: 2 }, 1, 'none')).toBe('not-compared');
    expect(compareWithBenchmark({ value: 1, lower: null, upper: 2 }, 1, 'none')).toBe('not-compared');
    expect(compareWithBenchmark({ value: 1, lower: 0, upper: null }, 1, 'none')).toBe('not-compared');
    expect(compareWithBenchmark(est, Number.NaN, 'none')).toBe('not-compared');
  });

  it('works on Wilson intervals of real counts', () => {
    // 65/100 has 95 % CI 55.3–73.6 %.
    const e = proportionEstimate(65, 100, { multiplier: 100 });
    expect(compareWithBenchmark(e, 60, 'high-is-good')).toBe('similar');
    expect(compareWithBenchmark(e, 50, 'high-is-good')).toBe('better');
    expect(compareWithBenchmark(e, 80, 'high-is-good')).toBe('worse');
  });
});

describe('compareWithBenchmarkTwoLevels (Fingertips SingleOverlappingCIsForTwoCILevels)', () => {
  const e95 = { value: 10, lower: 8, upper: 12 };
  const e998 = { value: 10, lower: 6, upper: 14 };

  it('grades by the 95 % and 99.8 % intervals', () => {
    expect(compareWithBenchmarkTwoLevels(e95, e998, 9, 'high-is-good')).toBe('similar');
    expect(compareWithBenchmarkTwoLevels(e95, e998, 7, 'high-is-good')).toBe('better');
    expect(compareWithBenchmarkTwoLevels(e95, e998, 5, 'high-is-good')).toBe('best');
    expect(compareWithBenchmarkTwoLevels(e95, e998, 13, 'high-is-good')).toBe('worse');
    expect(compareWithBenchmarkTwoLevels(e95, e998, 15, 'high-is-good')).toBe('worst');
  });

  it('flips with polarity and says higher/lower without one', () => {
    expect(compareWithBenchmarkTwoLevels(e95, e998, 5, 'low-is-good')).toBe('worst');
    expect(compareWithBenchmarkTwoLevels(e95, e998, 13, 'low-is-good')).toBe('better');
    expect(compareWithBenchmarkTwoLevels(e95, e998, 7, 'none')).toBe('higher');
    expect(compareWithBenchmarkTwoLevels(e95, e998, 15, 'none')).toBe('much-lower');
    expect(compareWithBenchmarkTwoLevels(e95, { value: 10, lower: null, upper: 14 }, 7, 'none')).toBe('not-compared');
  });
});
