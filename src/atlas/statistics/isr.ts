// Indirect standardisation: standardised ratios (SMR-like) and indirectly standardised
// rates, as in PHEindicatormethods calculate_ISRatio / calculate_ISRate.
//   E = Σ n_i · (refcount_i / refpop_i)
//   ratio = O/E × multiplier; limits = exact (O < 10) or Byar (O ≥ 10) limits of O, / E
//   rate  = ratio × (Σ refcount / Σ refpop) × multiplier

import { poissonCountLower, poissonCountUpper } from './rate.ts';
import { type Estimate, type EstimateOptions, missingEstimate } from './types.ts';

export interface IsrEstimate extends Estimate {
  observed: number;
  expected: number;
}

/** Expected count E = Σ n_i · refcount_i / refpop_i. NaN for invalid input. */
export function expectedCount(
  populations: readonly number[],
  referenceCounts: readonly number[],
  referencePopulations: readonly number[],
): number {
  if (populations.length !== referenceCounts.length || populations.length !== referencePopulations.length) {
    return Number.NaN;
  }
  let expected = 0;
  for (let i = 0; i < populations.length; i++) {
    const n = populations[i]!;
    const rc = referenceCounts[i]!;
    const rp = referencePopulations[i]!;
    if (!(n >= 0) || !(rc >= 0) || !(rp > 0)) return Number.NaN;
    expected += n * (rc / rp);
  }
  return expected;
}

/** Sum of counts, a missing count (NaN) counting as 0; NaN if any count is negative. */
export function observedCount(counts: readonly number[]): number {
  let observed = 0;
  for (const c of counts) {
    if (Number.isNaN(c)) continue;
    if (c < 0) return Number.NaN;
    observed += c;
  }
  return observed;
}

/**
 * Indirectly standardised ratio O/E × multiplier (default 100) with exact (O < 10) or
 * Byar (O ≥ 10) limits of O divided by E. Invalid input (O < 0, E ≤ 0) → nulls.
 */
export function isRatioFromTotals(observed: number, expected: number, opts?: EstimateOptions): IsrEstimate {
  return isScaled(observed, expected, opts?.multiplier ?? 100, opts?.confidence ?? 0.95);
}

/**
 * Indirectly standardised rate: O/E × reference rate × multiplier (default 100000), the
 * reference rate being on the 0–1 scale (Σ refcount / Σ refpop).
 */
export function isRateFromTotals(
  observed: number,
  expected: number,
  referenceRate: number,
  opts?: EstimateOptions,
): IsrEstimate {
  if (!(referenceRate >= 0)) return { ...missingEstimate(), observed, expected };
  return isScaled(observed, expected, referenceRate * (opts?.multiplier ?? 100000), opts?.confidence ?? 0.95);
}

function isScaled(observed: number, expected: number, scale: number, confidence: number): IsrEstimate {
  if (!(observed >= 0) || !(expected > 0) || !Number.isFinite(observed) || !Number.isFinite(expected)) {
    return { ...missingEstimate(), observed, expected };
  }
  const lower = poissonCountLower(observed, confidence);
  return {
    value: (observed / expected) * scale,
    lower: Number.isNaN(lower) ? null : (lower / expected) * scale,
    upper: (poissonCountUpper(observed, confidence) / expected) * scale,
    observed,
    expected,
  };
}

/** Indirectly standardised ratio from age-band data (see isRatioFromTotals). */
export function isRatio(
  counts: readonly number[],
  populations: readonly number[],
  referenceCounts: readonly number[],
  referencePopulations: readonly number[],
  opts?: EstimateOptions,
): IsrEstimate {
  return isRatioFromTotals(
    observedCount(counts),
    expectedCount(populations, referenceCounts, referencePopulations),
    opts,
  );
}

/** Indirectly standardised rate from age-band data (see isRateFromTotals). */
export function isRate(
  counts: readonly number[],
  populations: readonly number[],
  referenceCounts: readonly number[],
  referencePopulations: readonly number[],
  opts?: EstimateOptions,
): IsrEstimate {
  let refCount = 0;
  let refPopulation = 0;
  for (let i = 0; i < referenceCounts.length; i++) {
    refCount += referenceCounts[i]!;
    refPopulation += referencePopulations[i]!;
  }
  return isRateFromTotals(
    observedCount(counts),
    expectedCount(populations, referenceCounts, referencePopulations),
    refCount / refPopulation,
    opts,
  );
}
