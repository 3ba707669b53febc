// Derived atlas figures, computed from the stored counts: pure, no I/O.
//
// For every indicator and period: numerators and denominators are summed up the hierarchy
// (wijk → gemeente → provincie / GGD-regio / jeugdregio / Nederland; never an average of
// percentages), then each area gets its value with 95 % and 99.8 % limits, small-number and
// complementary suppression, its comparison with Nederland, its quintile within its level
// and an empirical-Bayes smoothed value; over the periods, the recent trend.
//
// Columnar typed arrays (one slot per area) keep a full recompute of ~500,000 cells fast.

import type { Area, AreaLevel } from './geography.ts';
import { AREA_LEVELS } from './geography.ts';
import {
  assignQuantiles,
  compareWithBenchmark,
  empiricalBayesByParent,
  empiricalBayesGlobal,
  proportionInto,
  proportionTrend,
  rateInto,
  rateTrend,
  type Comparison,
  type Polarity,
  type TrendResult,
} from './statistics/index.ts';

export const COMPARISONS: readonly Comparison[] = ['not-compared', 'better', 'similar', 'worse', 'higher', 'lower'];
export type Trend = TrendResult['trend'];
/** Index 0 = no trend computed (fewer than five published periods). */
export const TRENDS: readonly (Trend | null)[] = [null, 'increasing', 'decreasing', 'no-significant-change', 'cannot-be-calculated'];
export const SUPPRESSION_REASONS = [null, 'small-numbers', 'complementary'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export interface DerivableIndicator {
  id: string;
  method: 'proportion' | 'rate' | 'mean' | 'count';
  polarity: Polarity;
  multiplier: number;
  suppression: { minNumerator: number; minDenominator: number };
}

/** Stored counts of one indicator and period, one slot per area (NaN = no count stored). */
export interface StoredCounts {
  numerator: Float64Array;
  denominator: Float64Array;
  synthetic: Uint8Array;
  /** The datasets these counts come from (for the source shown with every figure). */
  datasetIds: Set<number>;
}

/** Derived figures of one indicator and period, one slot per area; NaN = not available. */
export interface DerivedSeries {
  indicatorId: string;
  period: number;
  datasetIds: ReadonlySet<number>;
  numerator: Float64Array;
  denominator: Float64Array;
  value: Float64Array;
  lower95: Float64Array;
  upper95: Float64Array;
  lower998: Float64Array;
  upper998: Float64Array;
  smoothed: Float64Array;
  /** Index into SUPPRESSION_REASONS. */
  suppression: Uint8Array;
  /** Comparison with Nederland, index into COMPARISONS. */
  comparison: Uint8Array;
  /** 1–5 within the area's level (1 = best where there is a polarity, else lowest); 0 = none. */
  quintile: Uint8Array;
  /** Recent trend over the five periods up to this one, index into TRENDS. */
  trend: Uint8Array;
  trendChisq: Float64Array;
  synthetic: Uint8Array;
}

/** The area hierarchy in the index form the computation needs. */
export interface Hierarchy {
  areas: readonly Area[];
  index: ReadonlyMap<string, number>;
  byLevel: Readonly<Record<AreaLevel, Int32Array>>;
  /** For each area, the indices of the areas it is summed from (empty for wijken). */
  children: readonly Int32Array[];
  /** For each wijk, the index of its gemeente (-1 for other levels). */
  gemeenteOf: Int32Array;
  netherlands: number;
}

export function buildHierarchy(areas: readonly Area[]): Hierarchy {
  const index = new Map(areas.map((a, i) => [a.code, i]));
  const lists: number[][] = areas.map(() => []);
  const gemeenteOf = new Int32Array(areas.length).fill(-1);
  areas.forEach((area, i) => {
    if (area.level === 'wijk') {
      const g = index.get(area.parents.gemeente!);
      if (g === undefined) throw new Error(`wijk ${area.code}: gemeente ${area.parents.gemeente} unknown`);
      lists[g]!.push(i);
      gemeenteOf[i] = g;
    } else if (area.level === 'gemeente') {
      for (const level of ['provincie', 'ggdregio', 'jeugdregio', 'land'] as const) {
        const parent = area.parents[level];
        if (parent === undefined) continue;
        const p = index.get(parent);
        if (p === undefined) throw new Error(`gemeente ${area.code}: ${level} ${parent} unknown`);
        lists[p]!.push(i);
      }
    }
  });
  const byLevel = Object.fromEntries(
    AREA_LEVELS.map((level) => [level, Int32Array.from(areas.flatMap((a, i) => (a.level === level ? [i] : [])))]),
  ) as Record<AreaLevel, Int32Array>;
  const netherlands = byLevel.land[0];
  if (netherlands === undefined) throw new Error('the geography has no Nederland area');
  return { areas, index, byLevel, children: lists.map((l) => Int32Array.from(l)), gemeenteOf, netherlands };
}

function emptySeries(indicatorId: string, period: number, size: number, datasetIds: ReadonlySet<number>): DerivedSeries {
  const nan = () => new Float64Array(size).fill(NaN);
  return {
    indicatorId,
    period,
    datasetIds,
    numerator: nan(),
    denominator: nan(),
    value: nan(),
    lower95: nan(),
    upper95: nan(),
    lower998: nan(),
    upper998: nan(),
    smoothed: nan(),
    suppression: new Uint8Array(size),
    comparison: new Uint8Array(size),
    quintile: new Uint8Array(size),
    trend: new Uint8Array(size),
    trendChisq: nan(),
    synthetic: new Uint8Array(size),
  };
}

/** Order in which parents are filled: gemeenten from wijken first, then regions and Nederland. */
const AGGREGATION_ORDER: readonly AreaLevel[] = ['gemeente', 'provincie', 'ggdregio', 'jeugdregio', 'land'];

/** One indicator, one period: aggregation, estimates, suppression, comparison, quintiles, smoothing. */
export function deriveSeries(h: Hierarchy, indicator: DerivableIndicator, period: number, stored: StoredCounts): DerivedSeries {
  const size = h.areas.length;
  const s = emptySeries(indicator.id, period, size, stored.datasetIds);
  s.numerator.set(stored.numerator);
  s.denominator.set(stored.denominator);
  s.synthetic.set(stored.synthetic);

  // 1. Sum up the hierarchy. A count stored at a parent itself wins over the sum of children.
  // Every parent with children that have counts forms an equation parent = Σ children, which
  // complementary suppression must protect.
  const equations: Int32Array[] = [];
  for (const level of AGGREGATION_ORDER) {
    for (const p of h.byLevel[level]) {
      let num = 0;
      let den = 0;
      let synthetic = 0;
      const members: number[] = [];
      for (const c of h.children[p]!) {
        if (Number.isNaN(s.denominator[c]!)) continue;
        num += s.numerator[c]!;
        den += s.denominator[c]!;
        synthetic |= s.synthetic[c]!;
        members.push(c);
      }
      if (members.length === 0) continue;
      equations.push(Int32Array.from([p, ...members]));
      if (!Number.isNaN(s.denominator[p]!)) continue;
      s.numerator[p] = num;
      s.denominator[p] = den;
      s.synthetic[p] = synthetic;
    }
  }

  // 2. Values and limits (the allocation-free forms: this loop runs ~1 million times in a recompute).
  const into = indicator.method === 'rate' ? rateInto : proportionInto;
  const { multiplier } = indicator;
  const scratch = new Float64Array(3);
  for (let i = 0; i < size; i++) {
    const den = s.denominator[i]!;
    if (Number.isNaN(den) || den <= 0) continue;
    const num = s.numerator[i]!;
    into(scratch, 0, num, den, 0.95, multiplier);
    s.value[i] = scratch[0]!;
    s.lower95[i] = scratch[1]!;
    s.upper95[i] = scratch[2]!;
    into(scratch, 0, num, den, 0.998, multiplier);
    s.lower998[i] = scratch[1]!;
    s.upper998[i] = scratch[2]!;
  }

  // 3. Suppression: small numbers first, then complementary until no equation has exactly one
  // hidden cell (one hidden cell could be recovered by subtracting the others).
  const { minNumerator, minDenominator } = indicator.suppression;
  for (let i = 0; i < size; i++) {
    const den = s.denominator[i]!;
    if (Number.isNaN(den)) continue;
    const num = s.numerator[i]!;
    if ((num >= 1 && num < minNumerator) || den < minDenominator) s.suppression[i] = 1;
  }
  applyComplementarySuppression(s, equations);

  // 4. Smoothing (wijken within their gemeente; gemeenten nationally) on the raw counts.
  smoothLevel(h, s, 'wijk', multiplier, true);
  smoothLevel(h, s, 'gemeente', multiplier, false);

  // 5. Hide everything of a suppressed cell. Its smoothed value would give it away as well.
  for (let i = 0; i < size; i++) {
    if (s.suppression[i] === 0) continue;
    for (const field of [s.numerator, s.denominator, s.value, s.lower95, s.upper95, s.lower998, s.upper998, s.smoothed]) field[i] = NaN;
  }

  // 6. Comparison with Nederland and quintiles within each level.
  const benchmark = s.value[h.netherlands]!;
  for (let i = 0; i < size; i++) s.comparison[i] = comparisonCode(s, i, benchmark, indicator.polarity, h.netherlands);
  for (const level of AREA_LEVELS) {
    const members = h.byLevel[level];
    if (members.length < 5) continue;
    const values = Array.from(members, (i) => (Number.isNaN(s.value[i]!) ? null : s.value[i]!));
    const quintiles = assignQuantiles(values, { quantiles: 5, invert: indicator.polarity === 'high-is-good' });
    members.forEach((i, k) => (s.quintile[i] = quintiles[k] ?? 0));
  }
  return s;
}

/** Comparison of area i with a benchmark value, as an index into COMPARISONS. */
export function comparisonCode(s: DerivedSeries, i: number, benchmark: number, polarity: Polarity, benchmarkArea: number): number {
  if (i === benchmarkArea || s.suppression[i] !== 0 || Number.isNaN(s.value[i]!) || Number.isNaN(benchmark)) return 0;
  const result = compareWithBenchmark(
    { value: s.value[i]!, lower: nullable(s.lower95[i]!), upper: nullable(s.upper95[i]!) },
    benchmark,
    polarity,
  );
  return COMPARISONS.indexOf(result);
}

const nullable = (x: number) => (Number.isNaN(x) ? null : x);

export function applyComplementarySuppression(s: DerivedSeries, equations: readonly Int32Array[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const cells of equations) {
      let hidden = 0;
      for (const c of cells) if (s.suppression[c] !== 0) hidden++;
      if (hidden !== 1) continue;
      // Hide the published cell with the smallest denominator: it loses the least information.
      let pick = -1;
      for (const c of cells) {
        if (s.suppression[c] !== 0) continue;
        if (pick === -1 || s.denominator[c]! < s.denominator[pick]!) pick = c;
      }
      if (pick === -1) continue;
      s.suppression[pick] = 2;
      changed = true;
    }
  }
}

function smoothLevel(h: Hierarchy, s: DerivedSeries, level: AreaLevel, multiplier: number, byParent: boolean): void {
  const members = Array.from(h.byLevel[level]).filter((i) => s.denominator[i]! > 0);
  if (members.length === 0) return;
  const nums = members.map((i) => s.numerator[i]!);
  const dens = members.map((i) => s.denominator[i]!);
  const smoothed = byParent
    ? empiricalBayesByParent(nums, dens, members.map((i) => String(h.gemeenteOf[i])))
    : empiricalBayesGlobal(nums, dens);
  members.forEach((i, k) => {
    const v = smoothed[k]!;
    s.smoothed[i] = Number.isFinite(v) ? v * multiplier : NaN;
  });
}

/** Recent trend for every area and period, from the five periods up to it (all published). */
export function deriveTrends(indicator: DerivableIndicator, seriesByPeriod: readonly DerivedSeries[]): void {
  const window = 5;
  for (let k = window - 1; k < seriesByPeriod.length; k++) {
    const target = seriesByPeriod[k]!;
    const span = seriesByPeriod.slice(k - window + 1, k + 1);
    // Only consecutive years make a trend.
    if (span[window - 1]!.period - span[0]!.period !== window - 1) continue;
    for (let i = 0; i < target.value.length; i++) {
      if (span.some((p) => p.suppression[i] !== 0 || Number.isNaN(p.value[i]!))) continue;
      const result =
        indicator.method === 'proportion'
          ? proportionTrend(span.map((p) => ({ numerator: p.numerator[i]!, denominator: p.denominator[i]! })))
          : rateTrend(span.map((p) => ({ value: p.value[i]!, lower95: nullable(p.lower95[i]!), upper95: nullable(p.upper95[i]!) })));
      target.trend[i] = TRENDS.indexOf(result.trend);
      target.trendChisq[i] = result.chisq ?? NaN;
    }
  }
}

export interface Atlas {
  hierarchy: Hierarchy;
  indicators: readonly DerivableIndicator[];
  periods: readonly number[];
  /** series.get(indicatorId)![k] is the series of periods[k]. */
  series: ReadonlyMap<string, readonly DerivedSeries[]>;
}

/** Full recompute: every indicator, every period. */
export function deriveAtlas(
  hierarchy: Hierarchy,
  indicators: readonly DerivableIndicator[],
  periods: readonly number[],
  counts: (indicatorId: string, period: number) => StoredCounts | undefined,
): Atlas {
  const size = hierarchy.areas.length;
  const series = new Map<string, DerivedSeries[]>();
  for (const indicator of indicators) {
    const list = periods.map((period) => {
      const stored = counts(indicator.id, period) ?? emptyCounts(size);
      return deriveSeries(hierarchy, indicator, period, stored);
    });
    deriveTrends(indicator, list);
    series.set(indicator.id, list);
  }
  return { hierarchy, indicators, periods, series };
}

export function emptyCounts(size: number): StoredCounts {
  return {
    numerator: new Float64Array(size).fill(NaN),
    denominator: new Float64Array(size).fill(NaN),
    synthetic: new Uint8Array(size),
    datasetIds: new Set(),
  };
}
