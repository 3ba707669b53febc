// Funnel plots against the phe_funnel__*.csv vectors. The grid files were written rounded
// (6 to 10 significant digits), so each value must agree to the last printed digit
// (expectPrinted); the significance files are compared label for label.
// Parameterisation: vectors README "Funnel test parameterisation" (PHEindicatormethods
// tests/testthat/testFunnels.R).

import { afterAll, describe, expect, it } from 'vitest';
import {
  type FunnelSignificance,
  phePoissonFunnel,
  proportionFunnel,
  proportionFunnelLimits,
  proportionFunnelSignificance,
  qgamma,
  rCharacterWidth,
  rateFunnel,
  rateFunnelPoints,
  rateFunnelSignificance,
  ratioFunnel,
  ratioFunnelSignificance,
  roundHalfEven,
  signifCeiling,
  signifFloor,
  spcProportionLimits,
} from '../../../src/atlas/statistics/index.ts';
import { ErrorTracker, expectPrinted, num, readVectors, type Row } from './vectors.ts';

const tracker = new ErrorTracker();
afterAll(() => tracker.report('phe_funnel__*.csv (printed precision)'));

const LABEL: Record<string, FunnelSignificance> = {
  'High (0.001)': 'high-0.001',
  'High (0.025)': 'high-0.025',
  'Low (0.001)': 'low-0.001',
  'Low (0.025)': 'low-0.025',
  'Not significant': 'not-significant',
  'Not applicable for events less than 10 for dsrs': 'not-applicable',
};

function checkGrid(
  file: string,
  rows: Row[],
  points: object[],
  columns: [csvColumn: string, field: string][],
): void {
  expect(points).toHaveLength(rows.length);
  rows.forEach((row, i) => {
    const point = points[i] as Record<string, number>;
    for (const [csvColumn, field] of columns) {
      expectPrinted(tracker, `${file} ${csvColumn}`, point[field]!, row[csvColumn]!, `${file} row ${i + 1} ${csvColumn}`);
    }
  });
}

describe('proportion funnels', () => {
  const inputs = readVectors('phe_funnel__prop_inputs.csv');
  const numerators = inputs.map((r) => Number(r.numerator));
  const denominators = inputs.map((r) => Number(r.denominator));
  const columns: [string, string][] = [
    ['Population', 'population'],
    ['Lower2s0025limit', 'lower95'],
    ['Upper2s0025limit', 'upper95'],
    ['Lower3s0001limit', 'lower998'],
    ['Upper3s0001limit', 'upper998'],
    ['Baseline', 'baseline'],
  ];

  it('reproduces phe_funnel__prop_outputs.csv (all 303 areas, ×100)', () => {
    const expected = readVectors('phe_funnel__prop_outputs.csv');
    checkGrid('prop_outputs', expected, proportionFunnel(numerators, denominators, { multiplier: 100 }), columns);
  });

  it('reproduces phe_funnel__prop_outputs_with_axis_variation.csv (denominators < 31000)', () => {
    const keep = denominators.map((d) => d < 31000);
    const expected = readVectors('phe_funnel__prop_outputs_with_axis_variation.csv');
    const points = proportionFunnel(
      numerators.filter((_, i) => keep[i]),
      denominators.filter((_, i) => keep[i]),
      { multiplier: 100 },
    );
    checkGrid('prop_outputs_with_axis_variation', expected, points, columns);
  });

  it('classifies all 303 areas as phe_funnel__prop_inputs.csv says', () => {
    expect(inputs).toHaveLength(303);
    const result = proportionFunnelSignificance(numerators, denominators);
    expect(result).toEqual(inputs.map((r) => LABEL[r.significance!]));
  });

  it('uses limits equal to PHE sigma_adjustment (a normal approximation, not Wilson)', () => {
    // PHE's closed form, written out, for a few populations around p = 0.8.
    const sigma = (p: number, population: number, average: number, side: 'low' | 'high'): number => {
      const z2 = { 0.975: 1.959963984540054 ** 2, 0.999: 3.090232306167813 ** 2 }[p]!;
      const first = average * (population / z2 + 1);
      const adj = Math.sqrt(
        (-8 * average * (population / z2 + 1)) ** 2 -
          64 * (1 / z2 + 1 / population) * average * (population * (average * (population / z2 + 2) - 1) + z2 * (average - 1)),
      );
      const last = 1 / z2 + 1 / population;
      return ((side === 'low' ? first - adj / 8 : first + adj / 8) / last) / population;
    };
    for (const n of [10, 250, 31000, 1e6]) {
      const limits = proportionFunnelLimits(0.8, n, 1.959963984540054);
      expect(limits.lower).toBeCloseTo(sigma(0.975, n, 0.8, 'low'), 10);
      expect(limits.upper).toBeCloseTo(sigma(0.975, n, 0.8, 'high'), 10);
      const limits998 = proportionFunnelLimits(0.8, n, 3.090232306167813);
      expect(limits998.lower).toBeCloseTo(sigma(0.999, n, 0.8, 'low'), 10);
    }
    // Fingertips' SPC comparator uses Wilson limits, which differ noticeably for small N.
    expect(spcProportionLimits(0.8, 10, 1.959963984540054).lower).not.toBeCloseTo(sigma(0.975, 10, 0.8, 'low'), 2);
  });
});

describe('ratio funnels', () => {
  const inputs = readVectors('phe_funnel__ratio_inputs.csv');
  const observed = inputs.map((r) => Number(r.obs));
  const expectedCounts = inputs.map((r) => Number(r.expected));
  const expected = readVectors('phe_funnel__ratio_outputs.csv');

  it.each(['count', 'isr'] as const)('reproduces phe_funnel__ratio_outputs.csv (ratio_type %s)', (ratioType) => {
    const points = ratioFunnel(observed, expectedCounts, { ratioType });
    checkGrid(`ratio_outputs ${ratioType}`, expected, points, [
      ['Observed_events', 'observed'],
      ['lower_2s_exp_events', 'lower95Expected'],
      [`lower_2s_${ratioType}`, 'lower95'],
      ['upper_2s_exp_events', 'upper95Expected'],
      [`upper_2s_${ratioType}`, 'upper95'],
      ['lower_3s_exp_events', 'lower998Expected'],
      [`lower_3s_${ratioType}`, 'lower998'],
      ['upper_3s_exp_events', 'upper998Expected'],
      [`upper_3s_${ratioType}`, 'upper998'],
    ]);
  });

  it('classifies all 300 ratios as phe_funnel__ratio_inputs.csv says', () => {
    expect(inputs).toHaveLength(300);
    expect(ratioFunnelSignificance(observed, expectedCounts)).toEqual(inputs.map((r) => LABEL[r.significance!]));
  });

  it('PHE bisection agrees with the exact gamma limits to ~1e-7', () => {
    for (const o of [1, 7, 42, 500]) {
      expect(phePoissonFunnel(o, 0.025, 'high') / qgamma(0.975, o + 1) - 1).toBeLessThan(5e-7);
      expect(Math.abs(phePoissonFunnel(o, 0.025, 'low') / qgamma(0.025, o) - 1)).toBeLessThan(5e-5);
    }
  });
});

describe('rate funnels', () => {
  const input = readVectors('phe_funnel__rate_input_funnels.csv');
  const ev = input.map((r) => Number(r.ev));
  const rate = input.map((r) => Number(r.rate));
  const maxEv = Math.max(...ev);
  const columns: [string, string][] = [
    ['Events', 'events'],
    ['lower_2s_population_1_year', 'lower95Population'],
    ['lower_2s_limit', 'lower95'],
    ['upper_2s_population_1_year', 'upper95Population'],
    ['upper_2s_limit', 'upper95'],
    ['lower_3s_population_1_year', 'lower998Population'],
    ['lower_3s_limit', 'lower998'],
    ['upper_3s_population_1_year', 'upper998Population'],
    ['upper_3s_limit', 'upper998'],
    ['baseline', 'baseline'],
  ];

  it('reproduces phe_funnel__rate_outputs.csv (dsr per 100,000, 3 years)', () => {
    const points = rateFunnel(ev, rate, { rateType: 'dsr', multiplier: 1e5, yearsOfData: 3 });
    checkGrid('rate_outputs', readVectors('phe_funnel__rate_outputs.csv'), points, columns);
  });

  it('reproduces phe_funnel__rate_outputs_2.csv (crude; largest ev set to 5)', () => {
    const ev2 = ev.map((e) => (e === maxEv ? 5 : e));
    const points = rateFunnel(ev2, rate, { rateType: 'crude', multiplier: 1e5, yearsOfData: 3 });
    checkGrid('rate_outputs_2', readVectors('phe_funnel__rate_outputs_2.csv'), points, columns);
  });

  it('reproduces phe_funnel__rate_outputs_3.csv (crude with populations; a zero-event area)', () => {
    // pop from the original ev and rate; then the largest-ev row gets ev = 0, rate = 0;
    // rows with pop > max(pop)/2 are kept.
    const pop = ev.map((e, i) => (1e5 * e) / rate[i]!);
    const ev3 = ev.map((e) => (e === maxEv ? 0 : e));
    const rate3 = rate.map((r, i) => (ev[i] === maxEv ? 0 : r));
    const maxPop = Math.max(...pop);
    const keep = pop.map((p) => p > maxPop / 2);
    const points = rateFunnel(
      ev3.filter((_, i) => keep[i]),
      rate3.filter((_, i) => keep[i]),
      { rateType: 'crude', multiplier: 1e5, yearsOfData: 3, denominators: pop.filter((_, i) => keep[i]) },
    );
    checkGrid('rate_outputs_3', readVectors('phe_funnel__rate_outputs_3.csv'), points, columns);
  });

  it('places areas like phe_funnel__rate_input_funnels.csv (calculate_funnel_points)', () => {
    const ev5 = ev.map((e) => (e === maxEv ? 5 : e));
    const dsr = rateFunnelPoints(ev5, rate, { rateType: 'dsr', multiplier: 1e5, yearsOfData: 3 });
    const crude = rateFunnelPoints(ev, rate, { rateType: 'crude', multiplier: 1e5, yearsOfData: 3 });
    const ev0 = ev.map((e) => (e === maxEv ? 0 : e));
    const pops = input.map((r) => Number(r.pop));
    const withDenominator = rateFunnelPoints(ev0, rate, {
      rateType: 'crude',
      multiplier: 1e5,
      yearsOfData: 5,
      denominators: pops,
    });
    input.forEach((r, i) => {
      const cases: [number, string][] = [
        [dsr[i]!.rate, r.rate_chart!],
        [dsr[i]!.denominator, r.denominator_derived!],
        [crude[i]!.rate, r.rate_chart_crude!],
        [crude[i]!.denominator, r.denominator_derived_crude!],
        [withDenominator[i]!.rate, r.rate_chart_crude_with_denom!],
        [withDenominator[i]!.denominator, r.denominator_derived_crude_with_denom!],
      ];
      for (const [actual, printed] of cases) {
        if (printed === 'NA') expect(actual).toBeNaN();
        else expectPrinted(tracker, 'rate_input_funnels points', actual, printed, `row ${i + 1}`);
      }
    });
  });

  describe('significance (phe_funnel__rate_dsr_inputs.csv)', () => {
    const rows = readVectors('phe_funnel__rate_dsr_inputs.csv');
    // Each expected column: rate type, rate column, multiplier and whether the zero-count
    // row is part of the data (the "without 0" tests drop it: filter(count != 0)).
    const cases: [column: string, rateType: 'dsr' | 'crude', rateColumn: string, multiplier: number][] = [
      ['dsr_per_100000_with_0', 'dsr', 'rate_dsr', 1e5],
      ['dsr_per_100_with_0', 'dsr', 'rate_dsr', 100],
      ['dsr_per_100000_without_0', 'dsr', 'rate_dsr', 1e5],
      ['dsr_per_100_without_0', 'dsr', 'rate_dsr', 100],
      ['crude_per_100000_with_0', 'crude', 'rate_crude_per_100000', 1e5],
      ['crude_per_100_with_0', 'crude', 'rate_crude_per_100', 100],
      ['crude_per_100000_without_0', 'crude', 'rate_crude_per_100000', 1e5],
      ['crude_per_100_without_0', 'crude', 'rate_crude_per_100', 100],
    ];

    it.each(cases)('%s', (column, rateType, rateColumn, multiplier) => {
      const data = column.endsWith('without_0') ? rows.filter((r) => Number(r.count) !== 0) : rows;
      expect(data).toHaveLength(column.endsWith('without_0') ? 39 : 40);
      const result = rateFunnelSignificance(
        data.map((r) => Number(r.count)),
        data.map((r) => num(r[rateColumn])),
        data.map((r) => Number(r.pop)),
        { rateType, multiplier },
      );
      expect(result).toEqual(data.map((r) => LABEL[r[column]!]));
    });
  });
});

describe('R compatibility helpers', () => {
  it('rounds halves to even like R', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6, 7].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3, 7]);
  });

  it('measures numbers as R prints them', () => {
    expect(rCharacterWidth(99999)).toBe(5);
    expect(rCharacterWidth(100000)).toBe(5); // "1e+05"
    expect(rCharacterWidth(120000)).toBe(6); // "120000", shorter than "1.2e+05"
    expect(rCharacterWidth(1000000)).toBe(5); // "1e+06"
    expect(rCharacterWidth(10000)).toBe(5);
  });

  it('rounds axis ends as PHE does', () => {
    expect(signifCeiling(104761)).toBe(110000);
    expect(signifFloor(10600)).toBe(10000); // 10070 → 10000
    expect(signifFloor(10526)).toBe(9000); // 9999.7 → 9000
    expect(signifFloor(0)).toBe(0);
  });
});
