// Proportions with Wilson score confidence intervals.
//
// Method: Wilson (1927), as in PHE's "Technical Guide – Confidence Intervals" and
// PHEindicatormethods (wilson_lower / wilson_upper, phe_proportion):
//   lower, upper = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²))
// x may be non-integer. A 100 % confidence level gives the interval (0, 1).

import { zForConfidence } from './distributions.ts';
import { type Estimate, type EstimateOptions, missingEstimate } from './types.ts';

/** True when (x, n) is a valid proportion input: finite, 0 ≤ x ≤ n and n > 0. */
export function isValidProportionInput(x: number, n: number): boolean {
  // Written so that NaN fails every comparison.
  return x >= 0 && n > 0 && x <= n && n < Number.POSITIVE_INFINITY;
}

/** Wilson score lower limit on the 0–1 scale for a given z (z = Infinity → 0). */
export function wilsonLowerZ(x: number, n: number, z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 0;
  const z2 = z * z;
  return (2 * x + z2 - z * Math.sqrt(z2 + 4 * x * (1 - x / n))) / 2 / (n + z2);
}

/** Wilson score upper limit on the 0–1 scale for a given z (z = Infinity → 1). */
export function wilsonUpperZ(x: number, n: number, z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  const z2 = z * z;
  return (2 * x + z2 + z * Math.sqrt(z2 + 4 * x * (1 - x / n))) / 2 / (n + z2);
}

/** Wilson score lower limit (0–1 scale) of x successes out of n at a confidence level. */
export function wilsonLower(x: number, n: number, confidence = 0.95): number {
  return wilsonLowerZ(x, n, zForConfidence(confidence));
}

/** Wilson score upper limit (0–1 scale) of x successes out of n at a confidence level. */
export function wilsonUpper(x: number, n: number, confidence = 0.95): number {
  return wilsonUpperZ(x, n, zForConfidence(confidence));
}

/**
 * Proportion numerator/denominator with its Wilson interval, all × multiplier.
 * Invalid or missing input (NaN, x < 0, n ≤ 0, x > n) gives an Estimate of nulls; no
 * exception is thrown for data. Defaults: confidence 0.95, multiplier 1.
 */
export function proportionEstimate(numerator: number, denominator: number, opts?: EstimateOptions): Estimate {
  const confidence = opts?.confidence ?? 0.95;
  const multiplier = opts?.multiplier ?? 1;
  if (!isValidProportionInput(numerator, denominator)) return missingEstimate();
  const z = zForConfidence(confidence);
  return {
    value: (numerator / denominator) * multiplier,
    lower: wilsonLowerZ(numerator, denominator, z) * multiplier,
    upper: wilsonUpperZ(numerator, denominator, z) * multiplier,
  };
}

/**
 * Allocation-free variant for bulk recomputation: writes value, lower, upper (× multiplier)
 * to out[offset], out[offset + 1], out[offset + 2], with NaN for not available.
 */
export function proportionInto(
  out: Float64Array,
  offset: number,
  numerator: number,
  denominator: number,
  confidence = 0.95,
  multiplier = 1,
): void {
  if (!isValidProportionInput(numerator, denominator)) {
    out[offset] = Number.NaN;
    out[offset + 1] = Number.NaN;
    out[offset + 2] = Number.NaN;
    return;
  }
  const z = zForConfidence(confidence);
  out[offset] = (numerator / denominator) * multiplier;
  out[offset + 1] = wilsonLowerZ(numerator, denominator, z) * multiplier;
  out[offset + 2] = wilsonUpperZ(numerator, denominator, z) * multiplier;
}
