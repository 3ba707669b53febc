// Recent trend marker, after Fingertips' TrendMarkerCalculator (fingertips-open, reused by
// FingertipsNext) and the Fingertips "Trend markers" guidance.
//
// Only the five most recent points count, numbered t = 1..5 in ascending period order.
// * Proportions: Cochran–Armitage χ² test for trend,
//     χ² = N·(N·Σx_t·t − X·Σn_t·t)² / (X·(N − X)·(N·Σn_t·t² − (Σn_t·t)²)),  N = Σn_t, X = Σx_t,
//   and the slopes for the robustness rule are ordinary least-squares slopes of
//   logit(p_t) = ln(x_t / (n_t − x_t)) on t.
// * Other value types (rates, DSRs, means …): weighted least squares of the value on t with
//   weights 1/SE², SE = (UCI95 − LCI95)/3.92; χ² = (b / SE_b)².
// Robustness: the slope is recomputed on the five points and on each of the five
// leave-one-out sets of four; a trend is only declared when all six slopes have the same
// sign. Significance: χ² above the 99.8 % point of χ²₁, 9.54953570608324.
//
// Deliberate differences from Fingertips, where its code yields a number by accident:
// * a series whose last five points are not all valid is 'cannot-be-calculated' (Fingertips
//   drops points without limits and, with none left, compares NaN and reports "no change");
// * a proportion point with x = 0 or x = n has no finite logit, so the trend is
//   'cannot-be-calculated' (Fingertips refuses x = n and lets x = 0 produce NaN slopes);
// * for proportions the direction comes from the logit slope (Fingertips' proportion
//   branch never sets its slope and would report every significant trend as decreasing).

/** The χ²₁ critical value at 99.8 % used by Fingertips. */
export const TREND_CHI_SQUARE_CRITICAL = 9.54953570608324;

/** Number of most recent points the trend uses. */
export const TREND_POINTS = 5;

export type TrendMarker = 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated';

export type TrendResult = {
  chisq: number | null;
  slope: number | null;
  trend: TrendMarker;
};

function cannot(): TrendResult {
  return { chisq: null, slope: null, trend: 'cannot-be-calculated' };
}

// Σt and n·Σt² − (Σt)² for t = 1..5 and for each set with one t left out, t ∈ {1..5}.
// Index 0 = all five points, index k = point k left out.
const T_SUM = [15, 14, 13, 12, 11, 10];
const T_SPREAD = [50, 20, 35, 40, 35, 20];

function decide(chisq: number, slope: number, robust: boolean): TrendResult {
  if (!Number.isFinite(chisq) || !Number.isFinite(slope)) return cannot();
  const significant = robust && chisq > TREND_CHI_SQUARE_CRITICAL;
  let trend: TrendMarker = 'no-significant-change';
  if (significant && slope > 0) trend = 'increasing';
  else if (significant && slope < 0) trend = 'decreasing';
  return { chisq, slope, trend };
}

/** All six slopes strictly positive, or all strictly negative. */
function sameSign(slopes: Float64Array): boolean {
  let positive = 0;
  let negative = 0;
  for (let k = 0; k < slopes.length; k++) {
    if (slopes[k]! > 0) positive++;
    else if (slopes[k]! < 0) negative++;
  }
  return positive === slopes.length || negative === slopes.length;
}

const slopesScratch = new Float64Array(TREND_POINTS + 1);

/**
 * Recent trend of a proportion series (points in ascending period order; the last five
 * are used). Fewer than five points, an invalid point (x < 0, n ≤ 0, x > n, NaN) or a
 * point with x = 0 or x = n among the last five → 'cannot-be-calculated'.
 */
export function proportionTrend(points: readonly { numerator: number; denominator: number }[]): TrendResult {
  if (points.length < TREND_POINTS) return cannot();
  const first = points.length - TREND_POINTS;
  let n = 0;
  let x = 0;
  let xt = 0;
  let nt = 0;
  let nt2 = 0;
  // Logit sums per leave-out set: Σlogit and Σlogit·t.
  let sumLogit = 0;
  let sumLogitT = 0;
  const logits = [0, 0, 0, 0, 0];
  for (let k = 0; k < TREND_POINTS; k++) {
    const p = points[first + k]!;
    const xi = p.numerator;
    const ni = p.denominator;
    if (!(xi > 0) || !(ni > xi) || !Number.isFinite(ni)) return cannot();
    const t = k + 1;
    n += ni;
    x += xi;
    xt += xi * t;
    nt += ni * t;
    nt2 += ni * t * t;
    const logit = Math.log(xi / (ni - xi));
    logits[k] = logit;
    sumLogit += logit;
    sumLogitT += logit * t;
  }
  const chisq = (n * (n * xt - x * nt) ** 2) / (x * (n - x) * (n * nt2 - nt * nt));

  for (let leave = 0; leave <= TREND_POINTS; leave++) {
    let sl = sumLogit;
    let slt = sumLogitT;
    let m = TREND_POINTS;
    if (leave > 0) {
      sl -= logits[leave - 1]!;
      slt -= logits[leave - 1]! * leave;
      m = TREND_POINTS - 1;
    }
    slopesScratch[leave] = (m * slt - sl * T_SUM[leave]!) / T_SPREAD[leave]!;
  }
  return decide(chisq, slopesScratch[0]!, sameSign(slopesScratch));
}

/**
 * Recent trend of a series of values with 95 % limits (rates, DSRs, means …), points in
 * ascending period order; the last five are used. Any of those five without a value or
 * both limits, or with UCI95 ≤ LCI95, → 'cannot-be-calculated'.
 */
export function rateTrend(
  points: readonly { value: number | null; lower95: number | null; upper95: number | null }[],
): TrendResult {
  if (points.length < TREND_POINTS) return cannot();
  const first = points.length - TREND_POINTS;
  const w = [0, 0, 0, 0, 0];
  const y = [0, 0, 0, 0, 0];
  for (let k = 0; k < TREND_POINTS; k++) {
    const p = points[first + k]!;
    if (p.value === null || p.lower95 === null || p.upper95 === null) return cannot();
    const se = (p.upper95 - p.lower95) / 3.92;
    const weight = 1 / (se * se);
    if (!(se > 0) || !Number.isFinite(weight) || !Number.isFinite(p.value)) return cannot();
    w[k] = weight;
    y[k] = p.value;
  }
  let chisq = Number.NaN;
  for (let leave = 0; leave <= TREND_POINTS; leave++) {
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    for (let k = 0; k < TREND_POINTS; k++) {
      const t = k + 1;
      if (t === leave) continue;
      const wk = w[k]!;
      s1 += wk;
      s2 += wk * y[k]! * t;
      s3 += wk * t;
      s4 += wk * y[k]!;
      s5 += wk * t * t;
    }
    const det = s1 * s5 - s3 * s3;
    slopesScratch[leave] = (s1 * s2 - s3 * s4) / det;
    if (leave === 0) {
      const seSlope = Math.sqrt(s1 / det);
      chisq = (slopesScratch[0]! / seSlope) ** 2;
    }
  }
  return decide(chisq, slopesScratch[0]!, sameSign(slopesScratch));
}

/**
 * Whether a significant trend is an improvement, as FingertipsNext words it
 * ("increasing and getting better"): 'better' or 'worse' by polarity; null when there is
 * no significant trend or no polarity.
 */
export function trendJudgement(marker: TrendMarker, polarity: 'low-is-good' | 'high-is-good' | 'none'): 'better' | 'worse' | null {
  if (polarity === 'none' || (marker !== 'increasing' && marker !== 'decreasing')) return null;
  return (marker === 'increasing') === (polarity === 'high-is-good') ? 'better' : 'worse';
}
