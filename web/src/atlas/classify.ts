// Classification of map values into colour classes, as the DHIS2 maps app does it: equal
// counts (quintiles), equal intervals, or natural breaks (Ckmeans: optimal 1-D k-means, the
// modern form of Jenks). Pure functions, no DOM.
//
// Bounds are ascending numbers [b0, b1, …, bk] for k classes. Class i holds the values v with
// b(i) ≤ v < b(i+1); the last class also holds its upper bound. Edge cases follow the fixes in
// dhis2/maps-app (#3637–#3661): missing values are ignored, all-equal values give one class
// (never a NaN legend), fewer distinct values than classes give fewer classes, and ties never
// produce empty or duplicate classes.

export type ClassMethod = 'quantile' | 'equal' | 'jenks';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks'];
export const DEFAULT_CLASS_COUNT = 5;

/** The finite values, sorted ascending. */
export function finiteSorted(values: readonly (number | null | undefined)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

function distinctCount(sorted: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Bounds from class starts (ascending, ties collapsed) and the maximum. A last class that
 * holds only the maximum is kept: [..., max, max]. */
function finish(starts: readonly number[], max: number): number[] {
  const out: number[] = [];
  for (const b of starts) if (out.length === 0 || b > out[out.length - 1]!) out.push(b);
  out.push(max);
  return out;
}

/** Equal counts: each class holds about n/k of the values; tied values stay in one class
 * (the higher one), so ties give fewer classes rather than empty ones. */
export function quantileBounds(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const starts = [sorted[0]!];
  for (let j = 1; j < k; j++) starts.push(sorted[Math.floor((j * n) / k)]!);
  return finish(starts, sorted[n - 1]!);
}

/** Equal intervals between the minimum and the maximum. */
export function equalIntervalBounds(sorted: readonly number[], k: number): number[] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const bounds = [min];
  for (let j = 1; j < k; j++) bounds.push(min + ((max - min) * j) / k);
  bounds.push(max);
  return bounds;
}

/** Natural breaks by Ckmeans (Wang & Song 2011): the k clusters of the sorted values with the
 * least total within-cluster sum of squares, by dynamic programming (O(k·n²), fine for the
 * few thousand areas of a map). Bounds are the smallest value of each cluster, and the maximum. */
export function naturalBreaksBounds(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const prefix = new Float64Array(n + 1);
  const prefix2 = new Float64Array(n + 1);
  // Shift by the median for numerical stability of the sums of squares.
  const shift = sorted[Math.floor(n / 2)]!;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]! - shift;
    prefix[i + 1] = prefix[i]! + x;
    prefix2[i + 1] = prefix2[i]! + x * x;
  }
  /** Sum of squared deviations of sorted[a..b] (inclusive). */
  const ssq = (a: number, b: number) => {
    const m = b - a + 1;
    const s = prefix[b + 1]! - prefix[a]!;
    return Math.max(0, prefix2[b + 1]! - prefix2[a]! - (s * s) / m);
  };
  // cost[c][i]: least cost of sorted[0..i] in c+1 clusters; start[c][i]: first index of the last cluster.
  const cost: Float64Array[] = [];
  const start: Int32Array[] = [];
  for (let c = 0; c < k; c++) {
    cost.push(new Float64Array(n).fill(Infinity));
    start.push(new Int32Array(n));
  }
  for (let i = 0; i < n; i++) {
    cost[0]![i] = ssq(0, i);
    start[0]![i] = 0;
  }
  for (let c = 1; c < k; c++) {
    for (let i = c; i < n; i++) {
      let best = Infinity;
      let bestJ = c;
      for (let j = c; j <= i; j++) {
        const v = cost[c - 1]![j - 1]! + ssq(j, i);
        if (v < best) {
          best = v;
          bestJ = j;
        }
      }
      cost[c]![i] = best;
      start[c]![i] = bestJ;
    }
  }
  const starts: number[] = [];
  let end = n - 1;
  for (let c = k - 1; c >= 0; c--) {
    const s = start[c]![end]!;
    starts.unshift(s);
    end = s - 1;
  }
  return finish(starts.map((s) => sorted[s]!), sorted[n - 1]!);
}

/**
 * Class bounds for the values by a method, at most `k` classes. Returns [] when there is no
 * value at all, [v, v] (one class) when all values are equal.
 */
export function classBounds(values: readonly (number | null | undefined)[], method: ClassMethod, k = DEFAULT_CLASS_COUNT): number[] {
  const sorted = finiteSorted(values);
  if (sorted.length === 0) return [];
  const distinct = distinctCount(sorted);
  if (distinct === 1) return [sorted[0]!, sorted[0]!];
  const classes = Math.max(1, Math.min(Math.floor(k), distinct));
  switch (method) {
    case 'quantile':
      return quantileBounds(sorted, classes);
    case 'equal':
      return equalIntervalBounds(sorted, classes);
    case 'jenks':
      return naturalBreaksBounds(sorted, classes);
  }
}

/** The number of classes the bounds describe. */
export const classCount = (bounds: readonly number[]) => Math.max(0, bounds.length - 1);

/** The class (0-based) of a value, or null for a missing value or no classes. Values outside
 * the bounds go to the nearest class. */
export function classOf(value: number | null | undefined, bounds: readonly number[]): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || bounds.length < 2) return null;
  const k = bounds.length - 1;
  // Largest i with bounds[i] ≤ value, by binary search over the inner bounds.
  let lo = 0;
  let hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many values fall in each class. */
export function classCounts(values: readonly (number | null | undefined)[], bounds: readonly number[]): number[] {
  const counts = new Array<number>(classCount(bounds)).fill(0);
  for (const v of values) {
    const c = classOf(v, bounds);
    if (c !== null) counts[c]!++;
  }
  return counts;
}

/** The fewest decimals (from `min` up to 4) at which all bounds print differently, so a legend
 * never shows "14,5 – 14,5" for two different numbers. */
export function legendDecimals(bounds: readonly number[], min = 1): number {
  for (let d = min; d < 4; d++) {
    const printed = bounds.map((b) => b.toFixed(d));
    if (printed.every((p, i) => i === 0 || p !== printed[i - 1] || bounds[i] === bounds[i - 1])) return d;
  }
  return 4;
}
