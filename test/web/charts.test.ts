// Pure chart logic of the web app: scales and ticks, spine-chart geometry (benchmark in the
// centre, axis reversed for polarity), the trend chart's runs and comparisons, and the
// compare-areas bars and their sorting.

import { describe, expect, it } from 'vitest';
import { barGeometry, sortBars, type BarInput } from '../../web/src/charts/bars.ts';
import { COMPARISON_STYLES, compareInterval, comparisonsFor, markerPath } from '../../web/src/charts/comparison.ts';
import { linear, niceTicks, tickDecimals, tickStep } from '../../web/src/charts/scale.ts';
import { spineGeometry } from '../../web/src/charts/spine.ts';
import { runs, trendGeometry, type TrendInput } from '../../web/src/charts/trend.ts';

describe('scales and ticks', () => {
  it('maps linearly, also onto a reversed range, and survives an empty domain', () => {
    const y = linear([0, 10], [300, 100]);
    expect(y(0)).toBe(300);
    expect(y(5)).toBe(200);
    expect(y(10)).toBe(100);
    expect(linear([3, 3], [0, 100])(3)).toBe(50);
  });

  it('chooses steps of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(tickStep(10, 5)).toBe(2);
    expect(tickStep(1, 5)).toBeCloseTo(0.2);
    expect(tickStep(23, 5)).toBe(5);
    expect(tickStep(11, 5)).toBe(2.5);
  });

  it('covers the data with nice, clean ticks', () => {
    expect(niceTicks(0, 22.5)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(0, 3.29)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0, 2.2)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
    expect(niceTicks(Number.NaN, 1)).toEqual([0, 1]);
  });

  it('knows how many decimals the ticks need', () => {
    expect(tickDecimals([0, 5, 10])).toBe(0);
    expect(tickDecimals([0, 0.5, 1])).toBe(1);
    expect(tickDecimals([0, 0.25, 0.5])).toBe(2);
  });
});

describe('spine chart geometry', () => {
  const range = { min: 4, q1: 9, median: 11, q3: 14, max: 35 };

  it('puts the benchmark in the centre and scales to the furthest extreme', () => {
    const g = spineGeometry({ value: 21, benchmark: 14, range, polarity: 'high-is-good' });
    expect(g.benchmark).toBe(0.5);
    expect(g.halfSpan).toBe(21); // max is 21 from the benchmark, min only 10
    expect(g.outer![1]).toBeCloseTo(1); // max at the right edge
    expect(g.outer![0]).toBeCloseTo(0.5 - 10 / 42);
    expect(g.marker).toBeCloseTo(0.5 + 7 / 42);
    expect(g.ends).toEqual({ left: 'worse', right: 'better' });
  });

  it('reverses the axis when low is good, so better stays on the right', () => {
    const high = spineGeometry({ value: 21, benchmark: 14, range, polarity: 'high-is-good' });
    const low = spineGeometry({ value: 21, benchmark: 14, range, polarity: 'low-is-good' });
    expect(low.reversed).toBe(true);
    expect(low.marker).toBeCloseTo(1 - high.marker!);
    // A worse (higher) value than the benchmark is drawn left of the centre.
    expect(low.marker!).toBeLessThan(0.5);
    expect(low.outer![0]).toBeCloseTo(0); // max (the worst) at the left edge
    expect(low.inner![0]).toBeLessThan(low.inner![1]);
    expect(low.ends).toEqual({ left: 'worse', right: 'better' });
  });

  it('puts lower on the left without polarity', () => {
    const g = spineGeometry({ value: 5, benchmark: 14, range, polarity: 'none' });
    expect(g.reversed).toBe(false);
    expect(g.marker!).toBeLessThan(0.5);
    expect(g.ends).toEqual({ left: 'lower', right: 'higher' });
  });

  it('widens the scale for an area outside the range and centres on the median without benchmark', () => {
    const outside = spineGeometry({ value: 60, benchmark: 14, range, polarity: 'none' });
    expect(outside.marker).toBeCloseTo(1);
    const noBenchmark = spineGeometry({ value: 12, benchmark: null, range, polarity: 'none' });
    expect(noBenchmark.benchmark).toBeNull();
    expect(noBenchmark.centre).toBe(11);
  });

  it('draws nothing but the benchmark for a suppressed value, and survives a flat range', () => {
    const g = spineGeometry({ value: null, benchmark: 3, range: null, polarity: 'low-is-good' });
    expect(g.marker).toBeNull();
    expect(g.outer).toBeNull();
    expect(g.benchmark).toBe(0.5);
    const flat = spineGeometry({ value: 0, benchmark: 0, range: { min: 0, q1: 0, median: 0, q3: 0, max: 0 }, polarity: 'low-is-good' });
    expect(Number.isFinite(flat.marker!)).toBe(true);
    expect(spineGeometry({ value: null, benchmark: null, range: null, polarity: 'none' }).centre).toBeNull();
  });
});

describe('comparison styles', () => {
  it('compares an interval with a benchmark as the server does (inclusive limits, polarity)', () => {
    expect(compareInterval(10, 8, 12, 12, 'low-is-good')).toBe('similar');
    expect(compareInterval(10, 8, 11, 12, 'low-is-good')).toBe('better');
    expect(compareInterval(10, 8, 11, 12, 'high-is-good')).toBe('worse');
    expect(compareInterval(14, 13, 15, 12, 'none')).toBe('higher');
    expect(compareInterval(10, 8, 11, 12, 'none')).toBe('lower');
    expect(compareInterval(10, null, 11, 12, 'none')).toBe('not-compared');
    expect(compareInterval(10, 8, 11, null, 'none')).toBe('not-compared');
  });

  it('gives every comparison its own shape, so colour is not the only cue', () => {
    const shapes = Object.values(COMPARISON_STYLES).map((s) => s.shape);
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(comparisonsFor('none')).not.toContain('better');
    expect(comparisonsFor('low-is-good')).toContain('worse');
    for (const shape of shapes) expect(markerPath(shape, 10, 10, 5)).toMatch(/^M[\d.,-]+.*Z$/);
  });
});

describe('trend chart geometry', () => {
  const series: TrendInput[] = [2015, 2016, 2017, 2018, 2019].map((period, i) => ({
    period,
    value: 10 + i,
    lowercl95: 9 + i,
    uppercl95: 11 + i,
    benchmarkValue: 12,
    suppressed: false,
  }));

  it('splits runs at gaps', () => {
    expect(runs([1, 2, 0, 3, 0, 0, 4, 5], (x) => x > 0)).toEqual([[1, 2], [3], [4, 5]]);
  });

  it('starts the y axis at zero, covers the upper limits and spaces the years evenly', () => {
    const g = trendGeometry(series, 'low-is-good');
    expect(g.yTicks[0]!.value).toBe(0);
    expect(g.yTicks[g.yTicks.length - 1]!.value).toBeGreaterThanOrEqual(15);
    expect(g.yTicks[0]!.y).toBe(g.plot.bottom);
    const xs = g.points.map((p) => p.x);
    const gaps = xs.slice(1).map((x, i) => Math.round((x - xs[i]!) * 10) / 10);
    expect(new Set(gaps).size).toBe(1);
    expect(g.valueRuns).toHaveLength(1);
    expect(g.bandRuns).toHaveLength(1);
    expect(g.benchmarkRuns).toHaveLength(1);
    // Lower upper-limit means higher y: SVG y grows downwards.
    expect(g.points[0]!.yUpper!).toBeLessThan(g.points[0]!.yLower!);
  });

  it('colours each year by its own comparison with that year’s benchmark', () => {
    const g = trendGeometry(series, 'low-is-good');
    expect(g.points.map((p) => p.comparison)).toEqual(['better', 'similar', 'similar', 'similar', 'worse']);
  });

  it('breaks the line and the band at a suppressed year instead of bridging it', () => {
    const gap = series.map((p) => (p.period === 2017 ? { ...p, value: null, lowercl95: null, uppercl95: null, suppressed: true } : p));
    const g = trendGeometry(gap, 'low-is-good');
    expect(g.valueRuns).toHaveLength(2);
    expect(g.bandRuns).toHaveLength(2);
    expect(g.points[2]!.y).toBeNull();
    expect(g.points[2]!.comparison).toBe('not-compared');
    expect(g.benchmarkRuns).toHaveLength(1);
  });

  it('sorts the series by period and copes with one point or no values', () => {
    const g = trendGeometry([...series].reverse(), 'none');
    expect(g.xTicks.map((t) => t.period)).toEqual([2015, 2016, 2017, 2018, 2019]);
    const one = trendGeometry([series[0]!], 'none');
    expect(one.points[0]!.x).toBe((one.plot.left + one.plot.right) / 2);
    const empty = trendGeometry(series.map((p) => ({ ...p, value: null, lowercl95: null, uppercl95: null, benchmarkValue: null })), 'none');
    expect(empty.valueRuns).toEqual([]);
    expect(empty.yTicks.length).toBeGreaterThan(1);
  });
});

describe('compare-areas bars', () => {
  const rows: BarInput[] = [
    { area: 'GM1', name: 'Zwolle', value: 10, lower: 8, upper: 12, comparison: 'similar', suppressed: false },
    { area: 'GM2', name: "'s-Hertogenbosch", value: 14, lower: 12, upper: 16, comparison: 'worse', suppressed: false },
    { area: 'GM3', name: 'Amsterdam', value: null, lower: null, upper: null, comparison: 'not-compared', suppressed: true },
    { area: 'GM4', name: 'Ede', value: 14, lower: 13, upper: 15, comparison: 'worse', suppressed: false },
  ];

  it('sorts by value (highest first, ties by name, suppressed last) and by name', () => {
    expect(sortBars(rows, 'value', 'nl-NL').map((r) => r.area)).toEqual(['GM4', 'GM2', 'GM1', 'GM3']);
    expect(sortBars(rows, 'name', 'nl-NL').map((r) => r.name)).toEqual(['Amsterdam', 'Ede', "'s-Hertogenbosch", 'Zwolle']);
    // The input is not changed.
    expect(rows[0]!.area).toBe('GM1');
  });

  it('draws bars from zero, whiskers for the interval and the benchmark on the same scale', () => {
    const g = barGeometry(rows, 11);
    expect(g.ticks[0]!.value).toBe(0);
    const last = g.ticks[g.ticks.length - 1]!;
    expect(last.value).toBeGreaterThanOrEqual(16);
    const zwolle = g.rows[0]!;
    expect(zwolle.barStart).toBe(g.plot.left);
    const scale = (v: number) => g.plot.left + (v / last.value) * (g.plot.right - g.plot.left);
    expect(zwolle.barEnd).toBeCloseTo(scale(10), 1);
    expect(zwolle.whisker![0]).toBeCloseTo(scale(8), 1);
    expect(g.benchmark).toBeCloseTo(scale(11), 1);
    expect(g.rows[2]!.barEnd).toBeNull();
    expect(g.rows[2]!.whisker).toBeNull();
    expect(g.height).toBeGreaterThan(g.plot.bottom);
    expect(g.rows[1]!.y - g.rows[0]!.y).toBe(28);
  });
});
