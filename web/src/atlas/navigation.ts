// Keyboard movement over the map: the arrow keys go to the nearest area in that direction
// (by centroid), Home/End to the first/last area by name, and typing letters jumps to the
// next area whose name starts with them. Pure functions, no DOM.

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Point {
  cx: number;
  cy: number;
}

const VECTORS: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

export const ARROW_KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The index of the nearest point in a direction from `from`, or null if none lies that way.
 * A candidate must lie within 60° of the direction; the score favours points straight ahead:
 * distance along the direction plus twice the sideways distance.
 */
export function neighbourInDirection(points: readonly Point[], from: number, direction: Direction): number | null {
  const origin = points[from];
  if (!origin) return null;
  const [ux, uy] = VECTORS[direction];
  let best: number | null = null;
  let bestScore = Infinity;
  points.forEach((p, i) => {
    if (i === from) return;
    const dx = p.cx - origin.cx;
    const dy = p.cy - origin.cy;
    const along = dx * ux + dy * uy;
    const side = Math.abs(dx * uy - dy * ux);
    if (along <= 0 || side > along * Math.tan(Math.PI / 3)) return;
    const score = along + 2 * side;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** Names in Dutch alphabetical order, ignoring case and a leading apostrophe ('s-Gravenhage). */
export function nameKey(name: string): string {
  return name.replace(/^'s[- ]/i, 's').toLocaleLowerCase('nl');
}

/** The index of the next name (after `from`, wrapping) that starts with the typed prefix. */
export function findByPrefix(names: readonly string[], prefix: string, from: number): number | null {
  const p = nameKey(prefix);
  if (!p) return null;
  const n = names.length;
  for (let step = 1; step <= n; step++) {
    const i = (from + step + n) % n;
    if (nameKey(names[i]!).startsWith(p)) return i;
  }
  return null;
}
