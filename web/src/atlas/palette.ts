// Colours of the map, chosen to stay distinct for colour-blind readers and in greyscale.
//
// Comparison with the benchmark: blue (better) / grey (similar) / orange (worse), the
// blue–orange pair that separates for all common colour-vision deficiencies, with distinct
// lightness (L* ≈ 44 / 77 / 58). Without polarity (higher/lower): dark and light purple, so
// they are never read as good or bad. Value classes: a sequential yellow-green-blue scale
// (ColorBrewer YlGnBu, colour-blind safe) from light (low) to dark (high).
// Special fills are patterns, never colours of the scale: suppressed = diagonal hatching;
// not compared = dots; no figure = white.

import type { Comparison } from '../lib/api.ts';

export const COMPARISON_FILL: Record<Comparison, string> = {
  better: '#2166ac',
  similar: '#bdbdbd',
  worse: '#e66101',
  higher: '#4a2a8c',
  lower: '#c2a5cf',
  'not-compared': 'url(#atlas-dots)',
};

/** The order of comparison categories in a legend and when sorting. */
export const COMPARISON_ORDER: readonly Comparison[] = ['better', 'similar', 'worse', 'lower', 'higher', 'not-compared'];

/** Sequential classes, light to dark, for 1–5 classes (spread over the scale). */
const SEQUENTIAL = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#225ea8', '#0c2c84'];
export function sequentialColours(count: number): string[] {
  if (count <= 0) return [];
  if (count >= SEQUENTIAL.length) return SEQUENTIAL.slice(0, count);
  const picks: Record<number, number[]> = { 1: [2], 2: [1, 4], 3: [0, 2, 4], 4: [0, 1, 3, 4] };
  return (picks[count] ?? []).map((i) => SEQUENTIAL[i]!);
}

export const SUPPRESSED_FILL = 'url(#atlas-hatch)';
export const MISSING_FILL = '#ffffff';

/** CSS backgrounds for legend swatches and table markers (the same look as the SVG patterns). */
export const SWATCH_BACKGROUND = {
  suppressed: 'repeating-linear-gradient(45deg, #6b6b6b 0 1.5px, #ffffff 1.5px 5px)',
  notCompared: 'radial-gradient(circle, #6b6b6b 1.2px, #ffffff 1.4px) 0 0 / 5px 5px',
  missing: '#ffffff',
};
