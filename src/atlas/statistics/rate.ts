// Crude rates and confidence limits of Poisson counts.
//
// PHE practice (PHEindicatormethods phe_rate / calculate_ISRatio; PHE "Commonly used public
// health statistics and their confidence intervals"): exact chi-square limits for counts
// below 10, Byar's approximation (Breslow & Day 1987) from 10 upwards.
//   Byar lower = x·(1 − 1/(9x) − z/(3√x))³
//   Byar upper = (x+1)·(1 − 1/(9(x+1)) + z/(3√(x+1)))³

import { exactPoissonLower, exactPoissonUpper, zForConfidence } from './distributions.ts';
import { type Estimate, type EstimateOptions, missingEstimate } from './types.ts';

/** Counts below this use exact limits, counts at or above it Byar's method. */
export const BYAR_THRESHOLD = 10;

/** Byar's lower limit of a count for a given z, or NaN where it is negative (tiny counts). */
export function byarsLowerZ(x: number, z: number): number {
  const lower = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  return lower < 0 ? Number.NaN : lower;
}

/** Byar's upper limit of a count for a given z. */
export function byarsUpperZ(x: number, z: number): number {
  const x1 = x + 1;
  return x1 * (1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1))) ** 3;
}

/** Byar's lower limit of a count; null where the approximation goes negative (as PHE's NA). */
export function byarsLower(x: number, confidence = 0.95): number | null {
  const lower = byarsLowerZ(x, zForConfidence(confidence));
  return Number.isNaN(lower) ? null : lower;
}

/** Byar's upper limit of a count. */
export function byarsUpper(x: number, confidence = 0.95): number {
  return byarsUpperZ(x, zForConfidence(confidence));
}

/**
 * Lower confidence limit of a Poisson count: exact below 10, Byar's from 10. NaN for
 * invalid input (x < 0 or not finite).
 */
export function poissonCountLower(x: number, confidence = 0.95): number {
  if (!(x >= 0 && x < Number.POSITIVE_INFINITY)) return Number.NaN;
  if (x < BYAR_THRESHOLD) return exactPoissonLower(x, confidence);
  return byarsLowerZ(x, zForConfidence(confidence));
}

/** Upper confidence limit of a Poisson count: exact below 10, Byar's from 10. */
export function poissonCountUpper(x: number, confidence = 0.95): number {
  if (!(x >= 0 && x < Number.POSITIVE_INFINITY)) return Number.NaN;
  if (x < BYAR_THRESHOLD) return exactPoissonUpper(x, confidence);
  return byarsUpperZ(x, zForConfidence(confidence));
}

function isValidRateInput(x: number, n: number): boolean {
  return x >= 0 && n > 0 && x < Number.POSITIVE_INFINITY && n < Number.POSITIVE_INFINITY;
}

/**
 * Crude rate numerator/denominator × multiplier with exact (x < 10) or Byar (x ≥ 10)
 * limits. A numerator above the denominator is allowed (events can outnumber persons).
 * Missing/invalid input (NaN, x < 0, n ≤ 0) gives nulls. Defaults: confidence 0.95,
 * multiplier 1.
 */
export function rateEstimate(numerator: number, denominator: number, opts?: EstimateOptions): Estimate {
  const confidence = opts?.confidence ?? 0.95;
  const multiplier = opts?.multiplier ?? 1;
  if (!isValidRateInput(numerator, denominator)) return missingEstimate();
  const lower = poissonCountLower(numerator, confidence);
  return {
    value: (numerator / denominator) * multiplier,
    lower: Number.isNaN(lower) ? null : (lower / denominator) * multiplier,
    upper: (poissonCountUpper(numerator, confidence) / denominator) * multiplier,
  };
}

/**
 * Allocation-free variant for bulk recomputation: writes value, lower, upper (× multiplier)
 * to out[offset..offset + 2], NaN for not available.
 */
export function rateInto(
  out: Float64Array,
  offset: number,
  numerator: number,
  denominator: number,
  confidence = 0.95,
  multiplier = 1,
): void {
  if (!isValidRateInput(numerator, denominator)) {
    out[offset] = Number.NaN;
    out[offset + 1] = Number.NaN;
    out[offset + 2] = Number.NaN;
    return;
  }
  out[offset] = (numerator / denominator) * multiplier;
  out[offset + 1] = (poissonCountLower(numerator, confidence) / denominator) * multiplier;
  out[offset + 2] = (poissonCountUpper(numerator, confidence) / denominator) * multiplier;
}
