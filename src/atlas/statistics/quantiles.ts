// Quantile (quintile, decile …) classification of areas.
//
// assignQuantiles follows PHEindicatormethods phe_quantile / assign_quantiles (the OHID
// "Assigning deprivation categories" method): with N non-missing values and Q quantiles,
//   rank = minimum rank of the value (ties share the lowest rank),
//   q = ⌊(Q + 1) − ⌈((N + 1) − rank) / (N / Q)⌉⌋, with 0 becoming 1,
// and no quantiles at all when N < Q. With invert the ranking is of (max − value), so the
// highest values get quantile 1.
//
// categoryBounds follows Fingertips' ValueCategoriesCalculator (quintile/quartile legends).

import type { Polarity } from './types.ts';

export interface QuantileOptions {
  /** Number of quantiles (5 = quintiles, 10 = deciles …). */
  quantiles: number;
  /**
   * phe_quantile's `invert`, default TRUE as in phe_quantile: quantile 1 holds the HIGHEST
   * values. Pass false for quantile 1 = lowest values.
   */
  invert?: boolean;
}

/**
 * Assigns each value its quantile (1..Q) within the whole array, with phe_quantile
 * semantics (see module comment). null/NaN values get null; when fewer than Q values are
 * present every entry is null.
 */
export function assignQuantiles(values: readonly (number | null)[], opts: QuantileOptions): (number | null)[] {
  const q = opts.quantiles;
  const invert = opts.invert ?? true;
  const out: (number | null)[] = new Array<number | null>(values.length).fill(null);
  if (!(q >= 1)) return out;

  // Indices of present values, sorted by the ranking key.
  const present: number[] = [];
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    present.push(i);
    if (v > max) max = v;
  }
  const n = present.length;
  if (n < q) return out;
  // phe_quantile ranks max − value when inverting; that (not −value) is what decides ties.
  const key = new Float64Array(values.length);
  for (const i of present) key[i] = invert ? max - (values[i] as number) : (values[i] as number);
  present.sort((a, b) => key[a]! - key[b]!);

  const perQuantile = n / q;
  let rank = 1;
  for (let k = 0; k < n; k++) {
    const i = present[k]!;
    if (k > 0 && key[i] !== key[present[k - 1]!]) rank = k + 1;
    const quantile = Math.floor(q + 1 - Math.ceil((n + 1 - rank) / perQuantile));
    out[i] = quantile === 0 ? 1 : quantile;
  }
  return out;
}

/**
 * assignQuantiles within groups (e.g. wijken within each gemeente): values sharing a group
 * key are classified together. The result is in input order.
 */
export function assignQuantilesGrouped(
  values: readonly (number | null)[],
  groupKeys: readonly string[],
  opts: QuantileOptions,
): (number | null)[] {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const key = groupKeys[i]!;
    let members = groups.get(key);
    if (!members) {
      members = [];
      groups.set(key, members);
    }
    members.push(i);
  }
  const out: (number | null)[] = new Array<number | null>(values.length).fill(null);
  for (const members of groups.values()) {
    const result = assignQuantiles(
      members.map((i) => values[i] ?? null),
      opts,
    );
    for (let k = 0; k < members.length; k++) out[members[k]!] = result[k]!;
  }
  return out;
}

/**
 * The phe_quantile `invert` that makes quantile 1 the least favourable group: invert for
 * 'low-is-good' (the highest values are worst), not for 'high-is-good'. With no polarity
 * quantile 1 holds the lowest values.
 */
export function invertForPolarity(polarity: Polarity): boolean {
  return polarity === 'low-is-good';
}

// .NET Math.Round(x, 10, MidpointRounding.AwayFromZero), as Fingertips uses to remove
// floating-point artefacts such as 30.400000000000002.
function roundTo10Places(x: number): number {
  const scaled = Math.abs(x) * 1e10;
  return (Math.sign(x) * Math.round(scaled)) / 1e10;
}

/**
 * Category bounds (Fingertips ValueCategoriesCalculator): [min, P(1/k), …, P((k−1)/k), max]
 * where P(f) interpolates linearly at position (N − 1)·f + 1 of the sorted values. Needs
 * more than 3 values, otherwise returns []. NaN values are ignored.
 * For 1..50 and k = 5: [1, 10.8, 20.6, 30.4, 40.2, 50].
 */
export function categoryBounds(values: readonly number[], categories: number): number[] {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const count = sorted.length;
  if (count <= 3 || categories < 1) return [];
  const bounds = [sorted[0]!];
  const step = 1 / categories;
  for (let i = 1; i < categories; i++) {
    const position = (count - 1) * (step * i) + 1;
    if (position === 1) {
      bounds.push(sorted[0]!);
      continue;
    }
    if (position === count) {
      bounds.push(sorted[count - 1]!);
      continue;
    }
    const k = Math.trunc(position);
    const d = position - k;
    bounds.push(roundTo10Places(sorted[k - 1]! + d * (sorted[k]! - sorted[k - 1]!)));
  }
  bounds.push(sorted[count - 1]!);
  return bounds;
}

/**
 * Category (1..k) of a value for bounds from categoryBounds: the first k with
 * value ≤ bounds[k]. null for a missing value, empty bounds or a value outside them.
 * With polarity 'high-is-good' the numbering is reversed (category 1 = highest values).
 */
export function categoryOf(value: number | null, bounds: readonly number[], polarity: Polarity = 'none'): number | null {
  if (value === null || Number.isNaN(value) || bounds.length < 2) return null;
  const k = bounds.length - 1;
  for (let c = 1; c <= k; c++) {
    if (value <= bounds[c]!) return polarity === 'high-is-good' ? k + 1 - c : c;
  }
  return null;
}
