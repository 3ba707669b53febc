// Comparison with a benchmark, as the charts show it: the map's colour-blind-safe fill, a
// shape and a word, so colour is never the only cue. Pure: no DOM, no React.

import { COMPARISON_FILL } from '../atlas/palette.ts';

export type Polarity = 'low-is-good' | 'high-is-good' | 'none';
export type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';

export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle-up' | 'triangle-down' | 'ring';

export interface ComparisonStyle {
  /** Fill of markers and bars. */
  fill: string;
  /** Outline: dark for every filled style, so the shape meets 3:1 contrast on white. */
  stroke: string;
  shape: MarkerShape;
  /** Text colour on top of the fill (for bar labels inside the bar). */
  ink: string;
}

/**
 * The same colours as the atlas map (blue better, grey similar, orange worse; dark / light
 * purple for higher / lower without polarity), so a colour means one thing on every screen.
 */
export const COMPARISON_STYLES: Record<Comparison, ComparisonStyle> = {
  better: { fill: COMPARISON_FILL.better, stroke: '#1b1b1b', shape: 'circle', ink: '#ffffff' },
  similar: { fill: COMPARISON_FILL.similar, stroke: '#1b1b1b', shape: 'diamond', ink: '#1b1b1b' },
  worse: { fill: COMPARISON_FILL.worse, stroke: '#1b1b1b', shape: 'square', ink: '#1b1b1b' },
  higher: { fill: COMPARISON_FILL.higher, stroke: '#1b1b1b', shape: 'triangle-up', ink: '#ffffff' },
  lower: { fill: COMPARISON_FILL.lower, stroke: '#1b1b1b', shape: 'triangle-down', ink: '#1b1b1b' },
  'not-compared': { fill: '#ffffff', stroke: '#595959', shape: 'ring', ink: '#1b1b1b' },
};

/** The order in legends. */
export const COMPARISON_ORDER: readonly Comparison[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not-compared'];

/** The comparisons an indicator with this polarity can produce (for its legend). */
export function comparisonsFor(polarity: Polarity): Comparison[] {
  return polarity === 'none' ? ['higher', 'similar', 'lower', 'not-compared'] : ['better', 'similar', 'worse', 'not-compared'];
}

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The server's 95 % comparison (Fingertips' overlapping-interval method), for points the API
 * gives no comparison for, such as earlier years on the trend chart: similar when the
 * benchmark lies within the interval (inclusive), otherwise better/worse by polarity, or
 * higher/lower without polarity.
 */
export function compareInterval(value: number | null | undefined, lower: number | null | undefined, upper: number | null | undefined, benchmark: number | null | undefined, polarity: Polarity): Comparison {
  if (!usable(value) || !usable(lower) || !usable(upper) || !usable(benchmark)) return 'not-compared';
  if (benchmark >= lower && benchmark <= upper) return 'similar';
  const direction = value < benchmark ? 'lower' : 'higher';
  if (polarity === 'none') return direction;
  return (direction === 'higher') === (polarity === 'high-is-good') ? 'better' : 'worse';
}

/** SVG path of a marker shape centred on (x, y) with "radius" r (same visual weight for all). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  switch (shape) {
    case 'circle':
    case 'ring':
      return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
    case 'diamond': {
      const d = r * 1.25;
      return `M${f(x)},${f(y - d)}L${f(x + d)},${f(y)}L${f(x)},${f(y + d)}L${f(x - d)},${f(y)}Z`;
    }
    case 'square': {
      const s = r * 0.9;
      return `M${f(x - s)},${f(y - s)}H${f(x + s)}V${f(y + s)}H${f(x - s)}Z`;
    }
    case 'triangle-up': {
      const s = r * 1.2;
      return `M${f(x)},${f(y - s)}L${f(x + s)},${f(y + s * 0.8)}L${f(x - s)},${f(y + s * 0.8)}Z`;
    }
    case 'triangle-down': {
      const s = r * 1.2;
      return `M${f(x)},${f(y + s)}L${f(x + s)},${f(y - s * 0.8)}L${f(x - s)},${f(y - s * 0.8)}Z`;
    }
  }
}
