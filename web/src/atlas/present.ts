// Words and numbers for one area's figures, shared by the map labels, tooltip, panel and table.

import type { Format } from '../i18n/index.ts';
import type { atlas } from '../i18n/atlas.ts';
import type { Comparison, Text, Trend, ValueRow } from '../lib/api.ts';

type M = (typeof atlas)['nl'];

export interface Presenter {
  value(row: ValueRow | undefined): string;
  interval(row: ValueRow | undefined): string;
  count(row: ValueRow | undefined): string;
  comparison(row: ValueRow | undefined, benchmark: string): string;
  comparisonWord(c: Comparison, benchmark: string): string;
  /** "slechter" (for a table whose heading names the benchmark). */
  comparisonShort(row: ValueRow | undefined): string;
  trend(trend: Trend | undefined): string;
  quintile(row: ValueRow | undefined): string;
  smoothed(row: ValueRow | undefined): string;
  /** "Groningen: 18,3% (95%-interval 16,8–19,9%), slechter dan Nederland" */
  label(name: string, row: ValueRow | undefined, benchmark: string): string;
  format(v: number | null | undefined): string;
}

export function presenter(t: M, f: Format, unit: Text, decimals = 1): Presenter {
  const suppressedText = (row: ValueRow) => (row.suppressionReason === 'complementary' ? t.suppressedComplementary : t.suppressed);
  const format = (v: number | null | undefined) => f.value(v, unit, decimals);
  const has = (row: ValueRow | undefined): row is ValueRow => !!row && !row.suppressed && typeof row.value === 'number';
  const comparisonWord = (c: Comparison, benchmark: string) => (c === 'not-compared' ? t.notCompared : t[c](benchmark));
  const self: Presenter = {
    format,
    value: (row) => (!row ? t.missing : row.suppressed ? suppressedText(row) : typeof row.value === 'number' ? format(row.value) : t.missing),
    interval: (row) =>
      has(row) && typeof row.lowercl95 === 'number' && typeof row.uppercl95 === 'number'
        ? `${f.number(row.lowercl95, decimals)} – ${format(row.uppercl95)}`
        : '–',
    count: (row) => (has(row) && typeof row.numerator === 'number' ? `${f.count(row.numerator)} / ${f.count(row.denominator)}` : '–'),
    comparisonWord,
    comparisonShort: (row) =>
      !has(row)
        ? '–'
        : { better: t.shortBetter, similar: t.shortSimilar, worse: t.shortWorse, higher: t.shortHigher, lower: t.shortLower, 'not-compared': t.notCompared }[row.comparison],
    comparison: (row, benchmark) => (has(row) ? comparisonWord(row.comparison, benchmark) : '–'),
    trend: (trend) =>
      trend === 'increasing' ? t.trendIncreasing : trend === 'decreasing' ? t.trendDecreasing : trend === 'no-significant-change' ? t.trendNoChange : trend === 'cannot-be-calculated' ? t.trendCannot : '–',
    quintile: (row) => (has(row) && row.quintile ? String(row.quintile) : '–'),
    smoothed: (row) => (has(row) && typeof row.smoothed === 'number' ? format(row.smoothed) : '–'),
    label(name, row, benchmark) {
      if (!has(row)) return `${name}: ${self.value(row)}`;
      const interval = self.interval(row);
      return `${name}: ${format(row.value)} (${t.interval} ${interval}), ${self.comparison(row, benchmark)}`;
    },
  };
  return self;
}

/** Sentence case for a legend entry: "beter dan Nederland" → "Beter dan Nederland". */
export const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase() + s.slice(1) : s);
