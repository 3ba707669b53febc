// Funnel plots: control limits around a baseline and the significance of each area, after
// PHEindicatormethods calculate_funnel_limits / assign_funnel_significance (formerly
// phe_funnels / phe_funnel_significance), which follow the Fingertips technical guidance.
//
// Three statistics:
// * proportion — control limits p0 ± z·√(p0(1 − p0)/N) around the pooled proportion
//   p0 = Σx/Σn. PHE writes them as `sigma_adjustment`, the roots of a quadratic; expanded,
//   that quadratic is (x − N·p0)² = z²·N·p0(1 − p0), i.e. this normal approximation. (It is
//   NOT the Wilson form Fingertips uses in its SPC comparator, see comparison.ts.)
// * ratio (observed/expected) — Poisson limits of the observed count;
// * rate (crude or DSR) — Poisson limits of the event count, turned into a population.
// Limits are at 95 % ("2s", tail 0.025) and 99.8 % ("3s", tail 0.001).
//
// The plotted grid reproduces PHE's: 100 points from the axis minimum to the axis maximum
// in geometric steps, with R's rounding rules. Its Poisson limits are computed by PHE's own
// bisection (inherited from the Fingertips Excel macro), which is only accurate to about
// 1e-7 relative; we reproduce that procedure so our funnels coincide with PHE's. The
// significance of areas uses the exact (< 10) / Byar (≥ 10) count limits, not the bisection.

import { zForConfidence } from './distributions.ts';
import { poissonCountLower, poissonCountUpper } from './rate.ts';

export type FunnelSignificance =
  | 'high-0.001'
  | 'high-0.025'
  | 'low-0.001'
  | 'low-0.025'
  | 'not-significant'
  | 'not-applicable';

/** Number of points in a funnel grid. */
export const FUNNEL_POINTS = 100;

// ---------------------------------------------------------------------------------------
// R compatibility helpers

/** R's round(): halves go to the even neighbour (IEC 60559), unlike Math.round. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Width of R's as.character() of a non-negative whole number: R prints e.g. 100000 as
 * "1e+05" (5 characters) because that is shorter than the fixed notation.
 */
export function rCharacterWidth(n: number): number {
  const fixed = String(Math.trunc(n)).length;
  if (n < 1) return fixed;
  const exponent = Math.floor(Math.log10(n));
  let mantissaDigits = String(Math.trunc(n)).replace(/0+$/, '').length;
  if (mantissaDigits > 15) mantissaDigits = 15;
  const exponentWidth = exponent >= 100 ? 5 : 4; // "e+05" / "e+100"
  const scientific = (mantissaDigits === 1 ? 1 : mantissaDigits + 1) + exponentWidth;
  return scientific < fixed ? scientific : fixed;
}

/** PHE's axis rounding down: 95 % of x floored to its leading digit(s). */
export function signifFloor(x: number, fraction = 0.95): number {
  if (x === 0) return 0;
  const n = rCharacterWidth(Math.floor(x * fraction)) - 1;
  return Math.floor((x * fraction) / 10 ** n) * 10 ** n;
}

/** PHE's axis rounding up: 105 % of x ceiled to its two leading digits. */
export function signifCeiling(x: number, fraction = 1.05): number {
  if (x === 0) return 0;
  const n = rCharacterWidth(Math.ceil(x * fraction)) - 2;
  return Math.ceil((x * fraction) / 10 ** n) * 10 ** n;
}

/** The geometric grid: `start`, then 99 steps towards `end`, each at least +1. */
function funnelAxis(start: number, end: number, exponentOffset: number): number[] {
  const axis = [start];
  for (let j = 2; j <= FUNNEL_POINTS; j++) {
    const previous = axis[j - 2]!;
    const step = roundHalfEven((end / previous) ** (1 / (FUNNEL_POINTS + 1 - (j - exponentOffset))) * previous);
    axis.push(Math.max(step, previous + 1));
  }
  return axis;
}

// ---------------------------------------------------------------------------------------
// PHE's bisection for Poisson funnel limits

/** P(lo ≤ X ≤ hi) for X ~ Poisson(mean), by PHE's rescaled series. */
function poissonProbabilityBetween(mean: number, lo: number, hi: number): number {
  let term = 1;
  let total = 0;
  let inside = 0;
  let k = 0;
  while (k <= mean || term > total * 1e-10) {
    total += term;
    if (k >= lo && k <= hi) inside += term;
    if (total > 1e30) {
      inside /= 1e30;
      total /= 1e30;
      term /= 1e30;
    }
    k += 1;
    term = (term * mean) / k;
  }
  return inside / total;
}

/**
 * PHE's `poisson_funnel`: side 'low' gives the mean μ with P(X ≥ obs | μ) = p, side 'high'
 * the mean with P(X ≤ obs | μ) = p, found by bisection on v = μ/(1 + obs + μ) to a step of
 * 1e-7 (so the result is accurate to ~1e-7 relative, exactly as PHE's).
 */
export function phePoissonFunnel(observed: number, p: number, side: 'low' | 'high'): number {
  let v = 0.5;
  let dv = 0.5;
  while (dv > 1e-7) {
    dv /= 2;
    const mean = ((1 + observed) * v) / (1 - v);
    if (side === 'low') {
      if (poissonProbabilityBetween(mean, observed, 1e10) > p) v -= dv;
      else v += dv;
    } else if (poissonProbabilityBetween(mean, 0, observed) < p) v -= dv;
    else v += dv;
  }
  return ((1 + observed) * v) / (1 - v);
}

// ---------------------------------------------------------------------------------------
// Proportions

export interface ProportionFunnelPoint {
  population: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  baseline: number;
}

const Z_975 = (): number => zForConfidence(0.95);
const Z_999 = (): number => zForConfidence(0.998);

/**
 * PHE's funnel limits for a proportion (0–1 scale) around `average` at `population`:
 * average ∓ z·√(average·(1 − average)/population), not clamped.
 */
export function proportionFunnelLimits(average: number, population: number, z: number): { lower: number; upper: number } {
  const half = z * Math.sqrt((average * (1 - average)) / population);
  return { lower: average - half, upper: average + half };
}

/**
 * Control limits (× multiplier, clamped to [0, multiplier]) for a proportion funnel at one
 * population, around `average` (0–1).
 */
export function proportionFunnelPoint(population: number, average: number, multiplier = 100): ProportionFunnelPoint {
  const l2 = proportionFunnelLimits(average, population, Z_975());
  const l3 = proportionFunnelLimits(average, population, Z_999());
  return {
    population,
    lower95: Math.max(0, l2.lower * multiplier),
    upper95: Math.min(multiplier, l2.upper * multiplier),
    lower998: Math.max(0, l3.lower * multiplier),
    upper998: Math.min(multiplier, l3.upper * multiplier),
    baseline: average * multiplier,
  };
}

/** Pooled proportion Σx/Σn of all areas with both values present. */
export function pooledProportion(numerators: readonly number[], denominators: readonly number[]): number {
  let x = 0;
  let n = 0;
  for (let i = 0; i < numerators.length; i++) {
    const xi = numerators[i]!;
    const ni = denominators[i]!;
    if (Number.isNaN(xi) || Number.isNaN(ni)) continue;
    x += xi;
    n += ni;
  }
  return x / n;
}

function minMax(values: readonly number[]): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * The 100-point funnel for proportions (PHE calculate_funnel_limits, statistic
 * "proportion"): baseline = Σx/Σn, population axis from 1 (or ~95 % of the smallest
 * denominator when the denominators are within a factor 2) to ~105 % of the largest.
 */
export function proportionFunnel(
  numerators: readonly number[],
  denominators: readonly number[],
  opts?: { multiplier?: number },
): ProportionFunnelPoint[] {
  const multiplier = opts?.multiplier ?? 100;
  const average = pooledProportion(numerators, denominators);
  const { min, max } = minMax(denominators);
  const axisMin = max > 2 * min ? 0 : signifFloor(min);
  const axisMax = signifCeiling(max);
  return funnelAxis(Math.max(1, axisMin), axisMax, 0).map((population) =>
    proportionFunnelPoint(population, average, multiplier),
  );
}

/**
 * Significance of each area against the pooled proportion's funnel (99.8 % checked before
 * 95 %). Rows with a missing value get 'not-applicable'.
 */
export function proportionFunnelSignificance(
  numerators: readonly number[],
  denominators: readonly number[],
): FunnelSignificance[] {
  const average = pooledProportion(numerators, denominators);
  const z2 = Z_975();
  const z3 = Z_999();
  return numerators.map((x, i) => {
    const n = denominators[i]!;
    if (!(x >= 0) || !(n > 0) || x > n) return 'not-applicable';
    const p = x / n;
    const l3 = proportionFunnelLimits(average, n, z3);
    const l2 = proportionFunnelLimits(average, n, z2);
    if (p < l3.lower) return 'low-0.001';
    if (p < l2.lower) return 'low-0.025';
    if (p > l3.upper) return 'high-0.001';
    if (p > l2.upper) return 'high-0.025';
    return 'not-significant';
  });
}

// ---------------------------------------------------------------------------------------
// Ratios (observed / expected)

export interface RatioFunnelPoint {
  observed: number;
  /** Expected count at which `observed` is the 95 % lower limit, and the plotted limit. */
  lower95Expected: number;
  lower95: number;
  upper95Expected: number;
  upper95: number;
  lower998Expected: number;
  lower998: number;
  upper998Expected: number;
  upper998: number;
}

/**
 * The 100-point funnel for observed/expected ratios (PHE statistic "ratio"). The grid runs
 * over observed counts; for each the expected counts at the limits come from PHE's Poisson
 * bisection. ratioType 'count' reports limit − 1 (excess ratio), 'isr' reports limit × 100.
 */
export function ratioFunnel(
  observed: readonly number[],
  expected: readonly number[],
  opts: { ratioType: 'count' | 'isr' },
): RatioFunnelPoint[] {
  const { min, max } = minMax(expected);
  const axisMin = max > 2 * min ? 0 : signifFloor(min);
  const axisMax = signifCeiling(max);
  const scale = opts.ratioType === 'isr' ? (r: number): number => r * 100 : (r: number): number => r - 1;
  // The ratio grid's exponent runs one step behind the proportion grid's (PHE: offset j − 1).
  return funnelAxis(Math.max(1, axisMin), axisMax, 1).map((o) => {
    const lower95Expected = phePoissonFunnel(o, 0.025, 'high');
    const upper95Expected = phePoissonFunnel(o, 0.025, 'low');
    const lower998Expected = phePoissonFunnel(o, 0.001, 'high');
    const upper998Expected = phePoissonFunnel(o, 0.001, 'low');
    return {
      observed: o,
      lower95Expected,
      lower95: scale(o / lower95Expected),
      upper95Expected,
      upper95: scale(o / upper95Expected),
      lower998Expected,
      lower998: scale(o / lower998Expected),
      upper998Expected,
      upper998: scale(o / upper998Expected),
    };
  });
}

/**
 * Significance of each observed/expected ratio: 'high-…' when the lower limit of O/E is
 * above 1, 'low-…' when the upper limit is below 1 (exact limits below 10, Byar above).
 */
export function ratioFunnelSignificance(
  observed: readonly number[],
  expected: readonly number[],
): FunnelSignificance[] {
  return observed.map((o, i) => {
    const e = expected[i]!;
    if (!(o >= 0) || !(e > 0)) return 'not-applicable';
    return classifyAgainst(1, o, e);
  });
}

function classifyAgainst(reference: number, observed: number, scale: number): FunnelSignificance {
  if (reference < poissonCountLower(observed, 0.998) / scale) return 'high-0.001';
  if (reference < poissonCountLower(observed, 0.95) / scale) return 'high-0.025';
  if (reference > poissonCountUpper(observed, 0.998) / scale) return 'low-0.001';
  if (reference > poissonCountUpper(observed, 0.95) / scale) return 'low-0.025';
  return 'not-significant';
}

// ---------------------------------------------------------------------------------------
// Rates (crude or directly standardised)

export type FunnelRateType = 'crude' | 'dsr';

export interface RateFunnelPoint {
  events: number;
  /** Annual population at which `events` sits on the lower 95 % limit, and that limit. */
  lower95Population: number;
  lower95: number;
  upper95Population: number;
  upper95: number;
  lower998Population: number;
  lower998: number;
  upper998Population: number;
  upper998: number;
  baseline: number;
}

export interface RateFunnelOptions {
  rateType: FunnelRateType;
  /** The rates are per `multiplier` (e.g. 100000). */
  multiplier: number;
  /** Number of years pooled in each area's count (populations are shown per year). */
  yearsOfData: number;
  /** Optional populations; without them the denominator is derived as multiplier × events / rate. */
  denominators?: readonly number[];
}

/**
 * The denominators PHE uses for rate funnels: for DSRs multiplier × events / rate (missing
 * when there are no events); for crude rates the given population, or else
 * multiplier × events / rate.
 */
export function derivedRateDenominators(
  events: readonly number[],
  rates: readonly number[],
  opts: { rateType: FunnelRateType; multiplier: number; denominators?: readonly number[] },
): number[] {
  return events.map((ev, i) => {
    if (opts.rateType === 'dsr') return ev === 0 ? Number.NaN : (opts.multiplier * ev) / rates[i]!;
    if (opts.denominators) return opts.denominators[i]!;
    return (opts.multiplier * ev) / rates[i]!;
  });
}

function sumFinite(values: readonly number[]): number {
  let s = 0;
  for (const v of values) if (!Number.isNaN(v)) s += v;
  return s;
}

/**
 * The 100-point funnel for rates (PHE statistic "rate"). The baseline is Σevents / Σderived
 * denominators; the grid runs over event counts, and each limit is expressed as the annual
 * population at which that many events sit on the limit, plus the limit as a rate.
 */
export function rateFunnel(
  events: readonly number[],
  rates: readonly number[],
  opts: RateFunnelOptions,
): RateFunnelPoint[] {
  const { multiplier, yearsOfData } = opts;
  const denominators = derivedRateDenominators(events, rates, opts);
  const average = sumFinite(events) / sumFinite(denominators);
  const { min, max } = minMax(denominators);
  let axisMin = max > 2 * min ? 0 : signifFloor(min / yearsOfData) * yearsOfData;
  let axisMax = signifCeiling(max / yearsOfData) * yearsOfData;
  axisMin = Math.floor(axisMin * average);
  axisMax = Math.ceil(axisMax * average);
  return funnelAxis(Math.max(1, axisMin), axisMax, 0).map((e) => {
    const lower95Population = phePoissonFunnel(e, 0.025, 'high') / average;
    const upper95Population = phePoissonFunnel(e, 0.025, 'low') / average;
    const lower998Population = phePoissonFunnel(e, 0.001, 'high') / average;
    const upper998Population = phePoissonFunnel(e, 0.001, 'low') / average;
    return {
      events: e,
      lower95Population: lower95Population / yearsOfData,
      lower95: (e / lower95Population) * multiplier,
      upper95Population: upper95Population / yearsOfData,
      upper95: (e / upper95Population) * multiplier,
      lower998Population: lower998Population / yearsOfData,
      lower998: (e / lower998Population) * multiplier,
      upper998Population: upper998Population / yearsOfData,
      upper998: (e / upper998Population) * multiplier,
      baseline: average * multiplier,
    };
  });
}

/**
 * Significance of each area's rate against the weighted average rate Σevents / Σderived
 * denominators. Crude rates with no events use the given population as denominator. DSRs
 * with fewer than 10 events are 'not-applicable' (PHE does not assess them).
 */
export function rateFunnelSignificance(
  events: readonly number[],
  rates: readonly number[],
  populations: readonly number[],
  opts: { rateType: FunnelRateType; multiplier: number },
): FunnelSignificance[] {
  const denominators = events.map((ev, i) => {
    if (ev === 0) return opts.rateType === 'dsr' ? Number.NaN : populations[i]!;
    return (ev / rates[i]!) * opts.multiplier;
  });
  const average = sumFinite(events) / sumFinite(denominators);
  return events.map((ev, i) => {
    if (opts.rateType === 'dsr' && ev < 10) return 'not-applicable';
    const d = denominators[i]!;
    if (!(ev >= 0) || !(d > 0)) return 'not-applicable';
    return classifyAgainst(average, ev, d);
  });
}

/**
 * Places areas on a rate funnel (PHE calculate_funnel_points / phe_funnel_convert_points):
 * the rate to plot and the annual denominator. DSRs with fewer than 10 events are not
 * plotted (NaN). Crude rates use multiplier × events / rate, or the given population when
 * there are no events.
 */
export function rateFunnelPoints(
  events: readonly number[],
  rates: readonly number[],
  opts: RateFunnelOptions,
): { rate: number; denominator: number }[] {
  const { multiplier, yearsOfData } = opts;
  return events.map((ev, i) => {
    const rate = rates[i]!;
    if (opts.rateType === 'dsr') {
      if (ev < 10) return { rate: Number.NaN, denominator: Number.NaN };
      return { rate, denominator: (multiplier * ev) / rate / yearsOfData };
    }
    if (opts.denominators && ev === 0) return { rate, denominator: opts.denominators[i]! / yearsOfData };
    return { rate, denominator: (multiplier * ev) / rate / yearsOfData };
  });
}
