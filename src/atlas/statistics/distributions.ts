// Distribution quantiles and the per-confidence-level constants derived from them.
//
// The quantile functions come from @stdlib; checked against R they agree to within one or
// two units in the last place (qnorm(0.975) = 1.9599639845400538, R 1.959963984540054),
// which is far inside the 1e-9 relative tolerance of the reference vectors.
//
// Every statistic here is evaluated hundreds of thousands of times during a full recompute
// with only a handful of distinct confidence levels, so the normal quantile for a confidence
// level is computed once and cached.

import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Standard normal quantile Φ⁻¹(p). */
export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Chi-square quantile; qchisq(p, 0) is 0 (a point mass at zero), as in R. */
export function qchisq(p: number, df: number): number {
  if (df === 0) return 0;
  return chisquareQuantile(p, df);
}

/** Gamma quantile with shape `shape` and rate 1; qgamma(p, 0) is 0. */
export function qgamma(p: number, shape: number): number {
  if (shape === 0) return 0;
  return gammaQuantile(p, shape, 1);
}

/** Student t quantile with `df` degrees of freedom. */
export function qt(p: number, df: number): number {
  return tQuantile(p, df);
}

/** True when `confidence` is a usable two-sided confidence level: 0 < confidence ≤ 1. */
export function isValidConfidence(confidence: number): boolean {
  return confidence > 0 && confidence <= 1;
}

function assertConfidence(confidence: number): void {
  if (!isValidConfidence(confidence)) {
    throw new RangeError(`confidence must be a fraction in (0, 1], e.g. 0.95 or 0.998; got ${confidence}`);
  }
}

// Two-sided z for a confidence level: z = Φ⁻¹(confidence + (1 − confidence)/2), written the
// way PHEindicatormethods writes it so the same floating-point argument reaches qnorm.
const zCache = new Map<number, number>();
let lastConfidence = Number.NaN;
let lastZ = Number.NaN;

/**
 * The two-sided normal critical value for a confidence level (0.95 → 1.959963984540054,
 * 0.998 → 3.090232306167813; 1 → Infinity). Cached per level. Throws a RangeError for a
 * confidence outside (0, 1] — that is a programming error, not a data condition.
 */
export function zForConfidence(confidence: number): number {
  if (confidence === lastConfidence) return lastZ;
  let z = zCache.get(confidence);
  if (z === undefined) {
    assertConfidence(confidence);
    z = confidence === 1 ? Number.POSITIVE_INFINITY : qnorm(confidence + (1 - confidence) / 2);
    zCache.set(confidence, z);
  }
  lastConfidence = confidence;
  lastZ = z;
  return z;
}

// Exact Poisson limits for small integer counts are needed for every small cell of a
// recompute; a qgamma call costs microseconds, so the limits for the counts 0..9 are
// tabulated per confidence level on first use.
const SMALL_COUNT_LIMIT = 10;
const exactTables = new Map<number, Float64Array>();

function exactTable(confidence: number): Float64Array {
  let table = exactTables.get(confidence);
  if (table === undefined) {
    assertConfidence(confidence);
    table = new Float64Array(2 * SMALL_COUNT_LIMIT);
    for (let x = 0; x < SMALL_COUNT_LIMIT; x++) {
      table[2 * x] = exactPoissonLowerUncached(x, confidence);
      table[2 * x + 1] = exactPoissonUpperUncached(x, confidence);
    }
    exactTables.set(confidence, table);
  }
  return table;
}

// The tail probabilities are written as PHEindicatormethods writes them, (1 − c)/2 and
// c + (1 − c)/2, so that the same floating-point arguments reach the quantile function.
function exactPoissonLowerUncached(x: number, confidence: number): number {
  if (confidence === 1) return 0;
  return qchisq((1 - confidence) / 2, 2 * x) / 2;
}

function exactPoissonUpperUncached(x: number, confidence: number): number {
  if (confidence === 1) return Number.POSITIVE_INFINITY;
  return qchisq(confidence + (1 - confidence) / 2, 2 * x + 2) / 2;
}

/**
 * Exact (chi-square / Garwood) lower confidence limit of a Poisson count x:
 * qchisq(α/2, 2x)/2. Zero for x = 0.
 */
export function exactPoissonLower(x: number, confidence: number): number {
  if (Number.isInteger(x) && x >= 0 && x < SMALL_COUNT_LIMIT) return exactTable(confidence)[2 * x]!;
  assertConfidence(confidence);
  return exactPoissonLowerUncached(x, confidence);
}

/** Exact (chi-square / Garwood) upper confidence limit of a Poisson count x: qchisq(1 − α/2, 2x + 2)/2. */
export function exactPoissonUpper(x: number, confidence: number): number {
  if (Number.isInteger(x) && x >= 0 && x < SMALL_COUNT_LIMIT) return exactTable(confidence)[2 * x + 1]!;
  assertConfidence(confidence);
  return exactPoissonUpperUncached(x, confidence);
}
