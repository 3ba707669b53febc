// Geometry of the trend chart, pure (no DOM): a value per period with its 95 % interval
// (band and whiskers), the benchmark line, a y axis from zero with nice ticks. Periods with
// no published value (suppressed) break the lines and the band instead of being bridged.

import { compareInterval, type Comparison, type Polarity } from './comparison.ts';
import { linear, niceTicks, px } from './scale.ts';

export interface TrendInput {
  period: number;
  value: number | null;
  lowercl95: number | null;
  uppercl95: number | null;
  benchmarkValue: number | null;
  suppressed: boolean;
}

export interface TrendLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface TrendPointGeometry {
  period: number;
  x: number;
  /** Null for periods without a value. */
  y: number | null;
  yLower: number | null;
  yUpper: number | null;
  comparison: Comparison;
}

export interface TrendGeometry {
  layout: TrendLayout;
  /** Plot area. */
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: { value: number; y: number }[];
  xTicks: { period: number; x: number }[];
  points: TrendPointGeometry[];
  /** Polyline point lists of the value, one per run of consecutive periods with a value. */
  valueRuns: string[];
  /** Polygons of the 95 % band, one per run of consecutive periods with both limits. */
  bandRuns: string[];
  /** Polyline point lists of the benchmark. */
  benchmarkRuns: string[];
}

export const DEFAULT_TREND_LAYOUT: TrendLayout = { width: 720, height: 320, margin: { top: 20, right: 24, bottom: 44, left: 64 } };

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Split a sequence into runs of consecutive items that satisfy `keep`. */
export function runs<T>(items: readonly T[], keep: (item: T) => boolean): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (keep(item)) current.push(item);
    else if (current.length) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

export function trendGeometry(series: readonly TrendInput[], polarity: Polarity, layout: TrendLayout = DEFAULT_TREND_LAYOUT): TrendGeometry {
  const sorted = [...series].sort((a, b) => a.period - b.period);
  const { width, height, margin } = layout;
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };

  // The y axis starts at zero (all indicators are counts, proportions or rates) and reaches
  // past the highest upper limit or benchmark.
  const highs = sorted.flatMap((p) => [p.value, p.uppercl95, p.benchmarkValue]).filter(usable);
  const top = highs.length ? Math.max(...highs) : 1;
  const ticks = niceTicks(0, top > 0 ? top : 1, 5);
  const yMax = ticks[ticks.length - 1]!;
  const y = linear([0, yMax], [plot.bottom, plot.top]);

  const periods = sorted.map((p) => p.period);
  const first = periods[0] ?? 0;
  const last = periods[periods.length - 1] ?? first;
  // Half a step of padding on both sides, so the first and last whiskers are not on the axes.
  const step = (plot.right - plot.left) / Math.max(1, last - first + 1);
  const x = linear([first, last], [plot.left + step / 2, plot.right - step / 2]);
  const xAt = (period: number) => (first === last ? (plot.left + plot.right) / 2 : x(period));

  const points: TrendPointGeometry[] = sorted.map((p) => {
    const hasValue = !p.suppressed && usable(p.value);
    return {
      period: p.period,
      x: px(xAt(p.period)),
      y: hasValue ? px(y(p.value!)) : null,
      yLower: hasValue && usable(p.lowercl95) ? px(y(p.lowercl95)) : null,
      yUpper: hasValue && usable(p.uppercl95) ? px(y(p.uppercl95)) : null,
      comparison: hasValue ? compareInterval(p.value, p.lowercl95, p.uppercl95, p.benchmarkValue, polarity) : 'not-compared',
    };
  });

  const line = (run: { x: number; y: number }[]) => run.map((q) => `${q.x},${q.y}`).join(' ');
  const valueRuns = runs(points, (p) => p.y !== null).map((r) => line(r.map((p) => ({ x: p.x, y: p.y! }))));
  const bandRuns = runs(points, (p) => p.yLower !== null && p.yUpper !== null).map((r) =>
    [...r.map((p) => `${p.x},${p.yUpper}`), ...[...r].reverse().map((p) => `${p.x},${p.yLower}`)].join(' '),
  );
  const benchmarkRuns = runs(sorted, (p) => usable(p.benchmarkValue)).map((r) => line(r.map((p) => ({ x: px(xAt(p.period)), y: px(y(p.benchmarkValue!)) }))));

  return {
    layout,
    plot,
    yTicks: ticks.map((value) => ({ value, y: px(y(value)) })),
    xTicks: periods.map((period) => ({ period, x: px(xAt(period)) })),
    points,
    valueRuns,
    bandRuns,
    benchmarkRuns,
  };
}
