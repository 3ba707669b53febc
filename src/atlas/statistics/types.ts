// Shared vocabulary of the statistics engine.

/** Which direction of an indicator is favourable. 'none' = no judgement (higher/lower only). */
export type Polarity = 'low-is-good' | 'high-is-good' | 'none';

/**
 * Outcome of comparing an area with a benchmark. 'higher'/'lower' are used when the polarity
 * is 'none'; 'not-compared' when a value, a limit or the benchmark is missing.
 */
export type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';

/**
 * A point estimate with its confidence interval, already multiplied by the multiplier
 * (e.g. ×100 for a percentage, ×1000 for a rate per 1000). `null` means not available
 * (missing or invalid input, or suppressed by the method).
 */
export interface Estimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface EstimateOptions {
  /** Two-sided confidence level as a fraction in (0, 1]; default 0.95. */
  confidence?: number;
  /** Scale of the reported value and limits (1, 100, 1000, 100000 …); default 1. */
  multiplier?: number;
}

/** An Estimate with every field missing. */
export function missingEstimate(): Estimate {
  return { value: null, lower: null, upper: null };
}

/** Number → number, NaN/±Infinity → null. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
