// Pure scale helpers for the hand-drawn SVG charts: linear scales and "nice" axis ticks.
// No DOM, no React: unit-tested in test/web/charts-scale.test.ts.

/** A linear map from a domain to a range (either may be reversed). */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0 || !Number.isFinite(span)) return () => (r0 + r1) / 2;
  return (x) => r0 + ((x - d0) / span) * (r1 - r0);
}

/** The step between ticks: 1, 2, 2.5 or 5 times a power of ten, close to span / count. */
export function tickStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Round a tick to the step's precision, so 0.1 + 0.2 prints as 0.3. */
function clean(x: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(x.toFixed(Math.min(decimals, 12)));
}

/**
 * Nice ticks covering [min, max]: the first tick ≤ min, the last ≥ max, about `count`
 * intervals. An empty or degenerate domain gets a small range around its value.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const step = tickStep(max - min, count);
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-9; i++) ticks.push(clean(first + i * step, step));
  return ticks;
}

/** Decimals needed to print every tick distinctly (0 for whole steps, 1 for 0.5, 2 for 0.25). */
export function tickDecimals(ticks: readonly number[]): number {
  let decimals = 0;
  for (const t of ticks) {
    const text = String(Math.abs(t));
    const dot = text.indexOf('.');
    if (dot >= 0) decimals = Math.max(decimals, text.length - dot - 1);
  }
  return Math.min(decimals, 3);
}

/** Round a number for use in SVG attributes (shorter markup, stable snapshots). */
export const px = (x: number) => Math.round(x * 100) / 100;
