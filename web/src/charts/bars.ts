// Geometry of the compare-areas bar chart, pure (no DOM): one horizontal bar per area from
// zero to its value, whiskers for the 95 % interval, a vertical benchmark line; sorting by
// value or by name. Suppressed areas keep a row (without a bar) so that none disappears.

import type { Comparison } from './comparison.ts';
import { linear, niceTicks, px } from './scale.ts';

export interface BarInput {
  area: string;
  name: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  comparison: Comparison;
  suppressed: boolean;
}

export type BarSort = 'value' | 'name';

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * By value: highest first, areas without a value last (by name); by name: alphabetical in
 * the language's collation (Dutch: "'s-Gravenhage" among the G's is left to Intl).
 */
export function sortBars<T extends BarInput>(rows: readonly T[], by: BarSort, locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', ignorePunctuation: true });
  const byName = (a: T, b: T) => collator.compare(a.name, b.name) || a.area.localeCompare(b.area);
  if (by === 'name') return [...rows].sort(byName);
  return [...rows].sort((a, b) => {
    const va = !a.suppressed && usable(a.value);
    const vb = !b.suppressed && usable(b.value);
    if (va && vb) return b.value! - a.value! || byName(a, b);
    if (va !== vb) return va ? -1 : 1;
    return byName(a, b);
  });
}

export interface BarLayout {
  width: number;
  /** Width of the area names column, left of the plot. */
  labelWidth: number;
  /** Room right of the plot for the value label. */
  valueWidth: number;
  rowHeight: number;
  barHeight: number;
  top: number;
  /** Room below the rows for the axis. */
  bottom: number;
}

export const DEFAULT_BAR_LAYOUT: BarLayout = { width: 720, labelWidth: 210, valueWidth: 72, rowHeight: 28, barHeight: 16, top: 8, bottom: 36 };

export interface BarGeometry<T extends BarInput> {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: { value: number; x: number }[];
  benchmark: number | null;
  rows: (T & { y: number; barStart: number; barEnd: number | null; whisker: [number, number] | null })[];
}

export function barGeometry<T extends BarInput>(rows: readonly T[], benchmark: number | null, layout: BarLayout = DEFAULT_BAR_LAYOUT): BarGeometry<T> {
  const plot = {
    left: layout.labelWidth,
    right: layout.width - layout.valueWidth,
    top: layout.top,
    bottom: layout.top + rows.length * layout.rowHeight,
  };
  const highs = rows.flatMap((r) => (r.suppressed ? [] : [r.value, r.upper])).filter(usable);
  if (usable(benchmark)) highs.push(benchmark);
  const top = highs.length ? Math.max(...highs) : 1;
  const ticks = niceTicks(0, top > 0 ? top : 1, 5);
  const x = linear([0, ticks[ticks.length - 1]!], [plot.left, plot.right]);
  return {
    width: layout.width,
    height: plot.bottom + layout.bottom,
    plot,
    ticks: ticks.map((value) => ({ value, x: px(x(value)) })),
    benchmark: usable(benchmark) ? px(x(benchmark)) : null,
    rows: rows.map((r, i) => {
      const shown = !r.suppressed && usable(r.value);
      return {
        ...r,
        y: px(plot.top + i * layout.rowHeight + layout.rowHeight / 2),
        barStart: px(plot.left),
        barEnd: shown ? px(x(r.value!)) : null,
        whisker: shown && usable(r.lower) && usable(r.upper) ? [px(x(r.lower)), px(x(r.upper))] : null,
      };
    }),
  };
}
