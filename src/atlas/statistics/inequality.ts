// Slope and relative index of inequality (SII, RII), after PHEindicatormethods phe_sii and
// Low & Low (2004), "Measuring the gap", J Public Health 26:388.
//
// The quantiles (e.g. deprivation deciles) are ordered from most to least deprived. Each
// gets a = its share of the population and b = the midpoint of its range in the cumulative
// population (the relative rank, 0–1). The regression
//   √a·y = β0·√a + β1·b·√a        (no free intercept; the √a weighting handles unequal sizes)
// gives the fitted value at the bottom of the scale, β0, and the slope β1:
//   SII = β1 × multiplier,   RII = (β0 + β1) / β0   (inverted when the multiplier < 0).
// With `transform` the regression is run on log(rate) or logit(proportion) and the fitted
// values at rank 0 and 1 are transformed back: SII = Y1 − Y0, RII = Y1 / Y0.
//
// Confidence limits come from simulation, as PHE does: each quantile's value is redrawn
// from a normal distribution (on the log/logit scale for rates/proportions) with its
// standard error, the SII/RII recomputed, and the percentiles of the simulated values
// taken. The generator is seeded, so the same input always gives the same limits.

import { Rng } from '../../platform/random.ts';
import { qnorm, zForConfidence } from './distributions.ts';

export type SiiValueType = 'normal' | 'rate' | 'proportion';

export interface SiiInput {
  /** Population of each quantile, most deprived first; all > 0. */
  populations: readonly number[];
  /** Indicator value of each quantile (a proportion on the 0–1 scale for 'proportion'). */
  values: readonly number[];
  /** Standard errors (on the log/logit scale for rates/proportions), or else: */
  standardErrors?: readonly number[];
  /** 95 % confidence limits of each value, from which the standard errors are derived. */
  lower95?: readonly number[];
  upper95?: readonly number[];
}

export interface SiiOptions {
  /** 'normal' (default), 'rate' (log scale) or 'proportion' (logit scale). */
  valueType?: SiiValueType;
  /** Scales the SII; a negative multiplier also inverts the RII (polarity). Default 1. */
  multiplier?: number;
  /** Confidence levels of the simulated limits; default [0.95]. */
  confidence?: number | readonly number[];
  /** Number of simulations; default 100000 (PHE's default). */
  repetitions?: number;
  /** Regress on the log/logit scale and transform back (PHE's `transform = TRUE`). */
  transform?: boolean;
  /** Seed of the random number generator; default 1. */
  seed?: number;
}

export interface SiiLimits {
  confidence: number;
  siiLower: number;
  siiUpper: number;
  riiLower: number;
  riiUpper: number;
}

export interface SiiResult {
  sii: number;
  rii: number;
  /** The fitted value at the most deprived end (rank 0), untransformed and unscaled. */
  intercept: number;
  limits: SiiLimits[];
}

const identity = (x: number): number => x;
const logit = (p: number): number => Math.log(p / (1 - p));
const expit = (t: number): number => Math.exp(t) / (1 + Math.exp(t));

function scaleFunctions(valueType: SiiValueType): { to: (x: number) => number; from: (t: number) => number } {
  if (valueType === 'rate') return { to: Math.log, from: Math.exp };
  if (valueType === 'proportion') return { to: logit, from: expit };
  return { to: identity, from: identity };
}

/**
 * Regression weights: β0 = Σ w0_i·v_i and β1 = Σ w1_i·v_i for values v, which makes each
 * simulated regression two dot products.
 */
function regressionWeights(populations: readonly number[]): { w0: Float64Array; w1: Float64Array } {
  const n = populations.length;
  let total = 0;
  for (const p of populations) total += p;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    a[i] = populations[i]! / total;
    b[i] = cumulative + a[i]! / 2;
    cumulative += a[i]!;
  }
  // Normal equations of √a·y on (√a, b·√a): entries Σa, Σab, Σab².
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  for (let i = 0; i < n; i++) {
    s11 += a[i]!;
    s12 += a[i]! * b[i]!;
    s22 += a[i]! * b[i]! * b[i]!;
  }
  const det = s11 * s22 - s12 * s12;
  const w0 = new Float64Array(n);
  const w1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    w0[i] = (a[i]! * (s22 - s12 * b[i]!)) / det;
    w1[i] = (a[i]! * (s11 * b[i]! - s12)) / det;
  }
  return { w0, w1 };
}


/** R's default (type 7) sample quantile of sorted data. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * SII and RII with simulated confidence limits; null when the input is unusable (fewer
 * than 2 quantiles, a population ≤ 0, a missing value or standard error, a rate ≤ 0 or a
 * proportion outside (0, 1), or no standard errors and no limits).
 */
export function slopeIndexOfInequality(input: SiiInput, opts?: SiiOptions): SiiResult | null {
  const valueType = opts?.valueType ?? 'normal';
  const multiplier = opts?.multiplier ?? 1;
  const repetitions = Math.max(1, Math.floor(opts?.repetitions ?? 100000));
  const transform = (opts?.transform ?? false) && valueType !== 'normal';
  const confidences = typeof opts?.confidence === 'number' ? [opts.confidence] : [...(opts?.confidence ?? [0.95])];
  for (const c of confidences) zForConfidence(c); // validates

  const { populations, values } = input;
  const n = populations.length;
  if (n < 2 || values.length !== n) return null;
  const scale = scaleFunctions(valueType);
  const z95 = qnorm(0.975);
  const centre = new Float64Array(n); // values on the simulation scale
  const se = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pop = populations[i]!;
    const v = values[i]!;
    if (!(pop > 0) || !Number.isFinite(v)) return null;
    if (valueType === 'rate' && !(v > 0)) return null;
    if (valueType === 'proportion' && !(v > 0 && v < 1)) return null;
    centre[i] = scale.to(v);
    let s: number;
    if (input.standardErrors) s = input.standardErrors[i]!;
    else if (input.lower95 && input.upper95) s = (scale.to(input.upper95[i]!) - scale.to(input.lower95[i]!)) / z95 / 2;
    else return null;
    if (!(s >= 0) || !Number.isFinite(s)) return null;
    se[i] = s;
  }

  const { w0, w1 } = regressionWeights(populations);
  const estimate = (v: Float64Array, backTransformEach: boolean): { sii: number; rii: number; y0: number } => {
    let b0 = 0;
    let b1 = 0;
    for (let i = 0; i < n; i++) {
      const y = backTransformEach ? scale.from(v[i]!) : v[i]!;
      b0 += w0[i]! * y;
      b1 += w1[i]! * y;
    }
    let y0: number;
    let y1: number;
    if (transform) {
      y0 = scale.from(b0);
      y1 = scale.from(b0 + b1);
    } else {
      y0 = b0;
      y1 = b0 + b1;
    }
    const rii = y1 / y0;
    return { sii: multiplier * (y1 - y0), rii: multiplier < 0 ? 1 / rii : rii, y0 };
  };

  // Point estimate: without transform the regression is on the values as given.
  const point = estimate(centre, !transform);

  const siiDraws = new Float64Array(repetitions);
  const riiDraws = new Float64Array(repetitions);
  const draw = new Float64Array(n);
  const rng = new Rng(opts?.seed ?? 1);
  for (let r = 0; r < repetitions; r++) {
    for (let i = 0; i < n; i++) draw[i] = centre[i]! + se[i]! * rng.normal();
    const e = estimate(draw, !transform);
    siiDraws[r] = e.sii;
    riiDraws[r] = e.rii;
  }
  siiDraws.sort();
  riiDraws.sort();
  const limits = confidences.map((c) => {
    const lo = (1 - c) / 2;
    const hi = c + (1 - c) / 2;
    return {
      confidence: c,
      siiLower: quantileSorted(siiDraws, lo),
      siiUpper: quantileSorted(siiDraws, hi),
      riiLower: quantileSorted(riiDraws, lo),
      riiUpper: quantileSorted(riiDraws, hi),
    };
  });
  return { sii: point.sii, rii: point.rii, intercept: point.y0, limits };
}
