// Means with a Student-t confidence interval (PHEindicatormethods calculate_mean / phe_mean):
//   mean ± |t(n − 1, (1 − c)/2)| · sd / √n, with sd the sample standard deviation (n − 1).

import { qt } from './distributions.ts';
import { isValidConfidence } from './distributions.ts';
import { type Estimate, missingEstimate } from './types.ts';

export interface MeanEstimate extends Estimate {
  /** Number of (non-missing) values used. */
  count: number;
  /** Sample standard deviation (n − 1 denominator), null for fewer than 2 values. */
  sd: number | null;
}

const tCache = new Map<string, number>();

function tCritical(confidence: number, df: number): number {
  const key = `${confidence}:${df}`;
  let t = tCache.get(key);
  if (t === undefined) {
    if (!isValidConfidence(confidence)) {
      throw new RangeError(`confidence must be a fraction in (0, 1], e.g. 0.95; got ${confidence}`);
    }
    t = confidence === 1 ? Number.POSITIVE_INFINITY : Math.abs(qt((1 - confidence) / 2, df));
    tCache.set(key, t);
  }
  return t;
}

/**
 * Mean with Student-t interval from summary figures: sum of the values, their count and
 * the sample standard deviation. The interval is null when count < 2 or sd is missing.
 */
export function meanEstimateFromSummary(
  sum: number,
  count: number,
  sd: number | null,
  opts?: { confidence?: number },
): Estimate {
  const confidence = opts?.confidence ?? 0.95;
  if (!(count > 0) || !Number.isFinite(sum)) return missingEstimate();
  const value = sum / count;
  if (count < 2 || sd === null || !(sd >= 0)) return { value, lower: null, upper: null };
  const half = (tCritical(confidence, count - 1) * sd) / Math.sqrt(count);
  return { value, lower: value - half, upper: value + half };
}

/**
 * Mean of the values with a Student-t interval. NaN values are ignored (treated as
 * missing). No values → all null; one value → value only.
 */
export function meanEstimate(values: readonly number[], opts?: { confidence?: number }): MeanEstimate {
  let count = 0;
  let sum = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
  }
  if (count === 0) return { value: null, lower: null, upper: null, count: 0, sd: null };
  let sd: number | null = null;
  if (count >= 2) {
    // Two-pass variance: the mean first, then the squared deviations, for accuracy.
    const mean = sum / count;
    let squares = 0;
    for (const v of values) {
      if (Number.isNaN(v)) continue;
      squares += (v - mean) ** 2;
    }
    sd = Math.sqrt(squares / (count - 1));
  }
  return { ...meanEstimateFromSummary(sum, count, sd, opts), count, sd };
}
