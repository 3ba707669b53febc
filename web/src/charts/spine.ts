// Geometry of a Fingertips-style spine chart, pure (no DOM): the benchmark sits in the centre,
// a bar shows the range of the area's level (min – 25th percentile – 75th percentile – max)
// and a marker the area's value. The axis is oriented so that "worse" is always on the left
// and "better" on the right: reversed for indicators where a low value is good. Without
// polarity the lowest values are on the left.

import type { Polarity } from './comparison.ts';

export interface LevelRange {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface SpineInput {
  value: number | null | undefined;
  benchmark: number | null | undefined;
  range: LevelRange | null | undefined;
  polarity: Polarity;
}

/** Positions on [0, 1], left to right. */
export interface SpineGeometry {
  /** True when higher values are drawn to the left (low is good). */
  reversed: boolean;
  /** The value in the centre: the benchmark, or the level median when there is no benchmark. */
  centre: number | null;
  /** Half the value span shown on either side of the centre. */
  halfSpan: number;
  benchmark: number | null;
  marker: number | null;
  /** Outer bar min–max and inner bar q1–q3 as [left, right]; null without a range. */
  outer: [number, number] | null;
  inner: [number, number] | null;
  /** What the left and right ends mean. */
  ends: { left: 'worse' | 'lower'; right: 'better' | 'higher' };
}

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export function spineGeometry({ value, benchmark, range, polarity }: SpineInput): SpineGeometry {
  const reversed = polarity === 'low-is-good';
  const ends = polarity === 'none' ? ({ left: 'lower', right: 'higher' } as const) : ({ left: 'worse', right: 'better' } as const);
  const centre = usable(benchmark) ? benchmark : range ? range.median : usable(value) ? value : null;
  if (centre === null) return { reversed, centre: null, halfSpan: 0, benchmark: null, marker: null, outer: null, inner: null, ends };

  // Fingertips scales each row so that the furthest of min, max (and the area itself) from
  // the benchmark reaches the end of the chart.
  const extremes = [range?.min, range?.max, usable(value) ? value : undefined].filter(usable);
  let halfSpan = Math.max(0, ...extremes.map((x) => Math.abs(x - centre)));
  if (halfSpan === 0) halfSpan = centre === 0 ? 1 : Math.abs(centre) * 0.1;

  const at = (x: number) => {
    const t = 0.5 + (x - centre) / (2 * halfSpan);
    return reversed ? 1 - t : t;
  };
  const span = (a: number, b: number): [number, number] => {
    const [p, q] = [at(a), at(b)];
    return p <= q ? [p, q] : [q, p];
  };
  return {
    reversed,
    centre,
    halfSpan,
    benchmark: usable(benchmark) ? at(benchmark) : null,
    marker: usable(value) ? at(value) : null,
    outer: range ? span(range.min, range.max) : null,
    inner: range ? span(range.q1, range.q3) : null,
    ends,
  };
}
