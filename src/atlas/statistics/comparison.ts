// Comparing an area with a benchmark (national or regional value), after the Fingertips
// comparators (fingertips-open PholioVisualisationWS/Analysis/*Comparer.cs) and the
// FingertipsNext benchmark engine, which adds Higher/Lower where no polarity applies.

import { qgamma, zForConfidence } from './distributions.ts';
import type { Comparison, Estimate, Polarity } from './types.ts';

/**
 * Direction of an area relative to a benchmark, turned into a judgement by the polarity:
 * 'higher' → better when high is good, worse when low is good, 'higher' when no polarity.
 */
export function judge(direction: 'higher' | 'lower', polarity: Polarity): Comparison {
  if (polarity === 'none') return direction;
  const good = (direction === 'higher') === (polarity === 'high-is-good');
  return good ? 'better' : 'worse';
}

function usable(x: number | null | undefined): x is number {
  return x !== null && x !== undefined && Number.isFinite(x);
}

/**
 * Fingertips "SingleOverlappingCIsForOneCILevel": 'similar' when the benchmark lies inside
 * [lower, upper] (limits inclusive); otherwise better/worse by polarity, or higher/lower
 * when the polarity is 'none'. 'not-compared' when the value, either limit or the
 * benchmark is missing. The benchmark must be on the same scale as the estimate
 * (i.e. multiplied by the same multiplier).
 */
export function compareWithBenchmark(est: Estimate, benchmark: number | null, polarity: Polarity): Comparison {
  const { value, lower, upper } = est;
  if (!usable(value) || !usable(lower) || !usable(upper) || !usable(benchmark)) return 'not-compared';
  if (benchmark >= lower && benchmark <= upper) return 'similar';
  return judge(value < benchmark ? 'lower' : 'higher', polarity);
}

/** Outcome of the two-CI-level comparison: adds a second, stronger grade. */
export type TwoLevelComparison = Comparison | 'best' | 'worst' | 'much-higher' | 'much-lower';

/**
 * Fingertips "SingleOverlappingCIsForTwoCILevels": 'similar' when the benchmark is inside
 * the 95 % interval; better/worse (higher/lower) when it lies between the 95 % and
 * 99.8 % limits; best/worst (much-higher/much-lower when the polarity is 'none') when it
 * lies outside the 99.8 % interval. Both intervals are on the estimate's scale.
 */
export function compareWithBenchmarkTwoLevels(
  est95: Estimate,
  est998: Estimate,
  benchmark: number | null,
  polarity: Polarity,
): TwoLevelComparison {
  const value = est95.value;
  if (
    !usable(value) ||
    !usable(est95.lower) ||
    !usable(est95.upper) ||
    !usable(est998.lower) ||
    !usable(est998.upper) ||
    !usable(benchmark)
  ) {
    return 'not-compared';
  }
  if (benchmark >= est95.lower && benchmark <= est95.upper) return 'similar';
  // Benchmark below the interval: the area is higher; above: the area is lower.
  if (benchmark <= est95.lower && benchmark >= est998.lower) return judge('higher', polarity);
  if (benchmark >= est95.upper && benchmark <= est998.upper) return judge('lower', polarity);
  const direction = value < benchmark ? 'lower' : 'higher';
  if (polarity === 'none') return direction === 'higher' ? 'much-higher' : 'much-lower';
  return judge(direction, polarity) === 'better' ? 'best' : 'worst';
}

/**
 * Fingertips "SpcForProportions": Wilson control limits around the benchmark proportion p0
 * at the area's denominator N (E = N·p0, A = 2E + z², B = z·√(z² + 4E(1 − E/N)),
 * C = 2(N + z²), limits (A ∓ B)/C). The area is higher when p > upper, lower when p < lower.
 * `proportion` and `benchmark` are on the 0–1 scale. `z` overrides the confidence level
 * (Fingertips' tests use the rounded z values 1.96 and 3.0902).
 */
export function compareSpcProportion(
  proportion: number | null,
  denominator: number | null,
  benchmark: number | null,
  polarity: Polarity,
  opts?: { confidence?: number; z?: number },
): Comparison {
  if (!usable(proportion) || !usable(denominator) || !usable(benchmark) || !(denominator > 0)) return 'not-compared';
  const z = opts?.z ?? zForConfidence(opts?.confidence ?? 0.95);
  const { lower, upper } = spcProportionLimits(benchmark, denominator, z);
  if (proportion > upper) return judge('higher', polarity);
  if (proportion < lower) return judge('lower', polarity);
  return 'similar';
}

/** Wilson control limits (0–1 scale) around benchmark proportion p0 for denominator N. */
export function spcProportionLimits(p0: number, denominator: number, z: number): { lower: number; upper: number } {
  const z2 = z * z;
  const expected = denominator * p0;
  const a = 2 * expected + z2;
  const b = z * Math.sqrt(z2 + 4 * expected * (1 - expected / denominator));
  const c = 2 * (denominator + z2);
  return { lower: (a - b) / c, upper: (a + b) / c };
}

/**
 * Exact Poisson limits of a possibly non-integer expected count E as Fingertips computes
 * them (StatisticalMethods.PoisLow / PoisHigh): the mean μ at which P(X ≥ E) = p (lower)
 * or P(X ≤ E) = p (upper), the sums running over whole counts. That is
 * lower = qgamma(p, ⌈E⌉), upper = qgamma(1 − p, ⌊E⌋ + 1), computed here in closed form
 * rather than by Fingertips' bisection.
 */
export function poissonLimitsOfExpected(expected: number, tailProbability: number): { lower: number; upper: number } {
  return {
    lower: qgamma(tailProbability, Math.ceil(expected)),
    upper: qgamma(1 - tailProbability, Math.floor(expected) + 1),
  };
}

/**
 * Fingertips "SpcForDsr": E = benchmark × denominator / unit; control limits are the
 * Poisson limits of E (tail probability 0.025 for 95 %, 0.001 for 99.8 %) divided by the
 * denominator and multiplied by the unit. `value` and `benchmark` are per `unit`.
 */
export function compareSpcDsr(
  value: number | null,
  denominator: number | null,
  benchmark: number | null,
  polarity: Polarity,
  opts: { unit: number; tailProbability?: number; confidence?: number },
): Comparison {
  if (!usable(value) || !usable(denominator) || !usable(benchmark) || !(denominator > 0) || !(benchmark >= 0)) {
    return 'not-compared';
  }
  const p = opts.tailProbability ?? (1 - (opts.confidence ?? 0.95)) / 2;
  const expected = benchmark * (denominator / opts.unit);
  const limits = poissonLimitsOfExpected(expected, p);
  const lower = (limits.lower / denominator) * opts.unit;
  const upper = (limits.upper / denominator) * opts.unit;
  if (value > upper) return judge('higher', polarity);
  if (value < lower) return judge('lower', polarity);
  return 'similar';
}
