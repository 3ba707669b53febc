import { beforeAll, describe, expect, it } from 'vitest';
import { loadGemeenteCharacteristics, loadWijkCharacteristics } from '../../../src/atlas/geography.ts';
import { INDICATORS } from '../../../src/atlas/indicator-catalogue.ts';
import {
  CELL_COUNT,
  GESTATION_BANDS,
  PRETERM_BAND_SHARES,
  TERM_BAND,
  birthWeightP10,
  lowBirthWeightProbability,
  medianBirthWeight,
} from '../../../src/atlas/demo/perinatal.ts';
import {
  BIRTH_YEAR_FACTORS,
  DEMO_YEARS,
  EXTRA_CALIBRATION,
  NATIONAL_BIRTHS_PER_YEAR,
  buildRateModel,
  nationalExpectedRate,
  wijkYearRates,
  type RateModel,
} from '../../../src/atlas/demo/rate-model.ts';
import { spearman } from './helpers.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

let model: RateModel;
beforeAll(() => {
  model = buildRateModel();
});

function target(demo: { value: number; yearlyChange: number; year: number }, multiplier: number, year: number): number {
  return (demo.value + demo.yearlyChange * (year - demo.year)) / multiplier;
}

describe('rate model', () => {
  it('covers every wijk of the shipped geography and every year 2015–2024', () => {
    const wijken = loadWijkCharacteristics();
    expect(model.wijken.map((w) => w.code)).toEqual(wijken.map((w) => w.code));
    expect(model.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(DEMO_YEARS).toEqual(model.years);
  });

  it('is calibrated exactly (in expectation) to the catalogue value of every indicator in every year', () => {
    for (const ind of INDICATORS) {
      for (const year of model.years) {
        const expected = target(ind.demo, ind.multiplier, year);
        const got = nationalExpectedRate(model, ind.id, year);
        expect(Math.abs(got - expected) / expected, `${ind.id} ${year}`).toBeLessThan(1e-8);
      }
    }
    for (const year of model.years) {
      const expected = target(EXTRA_CALIBRATION.stillbirth, 1000, year);
      expect(Math.abs(nationalExpectedRate(model, 'stillbirth', year) - expected) / expected).toBeLessThan(1e-8);
    }
  });

  it('uses calibration values that match the real national figures shipped in data/reference', () => {
    const rows: Record<string, string>[] = parse(readFileSync(new URL('../../../data/reference/dutch_national_figures.csv', import.meta.url), 'utf8'), {
      columns: true,
    });
    const real = (indicator: string, year: number) => Number(rows.find((r) => r.indicator === indicator && Number(r.year) === year)?.value);
    const demo = (id: string) => INDICATORS.find((i) => i.id === id)!.demo;
    expect(target(demo('big2'), 1, 2021)).toBeCloseTo(real('big2_preterm_and_or_sga', 2021), 6);
    expect(target(demo('preterm'), 1, 2021)).toBeCloseTo(real('preterm_lt37w', 2021), 6);
    expect(target(demo('sga'), 1, 2021)).toBeCloseTo(real('sga_lt_p10', 2021), 6);
    expect(target(demo('perinatal_mortality'), 1, 2019)).toBeCloseTo(real('perinatal_mortality_7d', 2019), 6);
    expect(target(EXTRA_CALIBRATION.stillbirth, 1, 2019)).toBeCloseTo(real('stillbirth', 2019), 6);
    // The preterm band shares reproduce < 26 weeks and 32–36 weeks as shares of all births from 24 weeks.
    expect(PRETERM_BAND_SHARES[1]! * real('preterm_lt37w', 2021)).toBeCloseTo(real('extreme_preterm_lt26w', 2021), 2);
    expect(PRETERM_BAND_SHARES[4]! * real('preterm_lt37w', 2021)).toBeCloseTo(real('preterm_32_36w', 2021), 1);
  });

  it('scales births to ~168,000 a year with the documented mild year shape', () => {
    for (let yi = 0; yi < model.years.length; yi++) {
      const year = model.years[yi]!;
      const births = model.byYear[yi]!.expectedBirths.reduce((s, b) => s + b, 0);
      expect(births / (NATIONAL_BIRTHS_PER_YEAR * (BIRTH_YEAR_FACTORS[year] ?? 1))).toBeCloseTo(1, 9);
    }
    const mean = model.byYear.reduce((s, y) => s + y.expectedBirths.reduce((a, b) => a + b, 0), 0) / model.years.length;
    expect(Math.abs(mean / NATIONAL_BIRTHS_PER_YEAR - 1)).toBeLessThan(0.01);
  });

  it('takes births from real population and age structure', () => {
    const gemeenten = loadGemeenteCharacteristics();
    const wijken = loadWijkCharacteristics();
    const yi = model.years.indexOf(2021);
    const births = new Map<string, number>();
    const inhabitants = new Map<string, number>();
    wijken.forEach((w, i) => {
      births.set(w.gemeenteCode, (births.get(w.gemeenteCode) ?? 0) + model.byYear[yi]!.expectedBirths[i]!);
      inhabitants.set(w.gemeenteCode, (inhabitants.get(w.gemeenteCode) ?? 0) + w.inhabitants);
      if (w.inhabitants === 0) expect(model.byYear[yi]!.expectedBirths[i]).toBe(0);
    });
    const rate = gemeenten.map((g) => births.get(g.code)! / inhabitants.get(g.code)!);
    expect(spearman(rate, gemeenten.map((g) => g.pctAge25to45))).toBeGreaterThan(0.5);
    // crude birth rate stays plausible (Dutch gemeenten: roughly 5–20 per 1,000)
    expect(Math.min(...rate)).toBeGreaterThan(0.004);
    expect(Math.max(...rate)).toBeLessThan(0.022);
  });

  it('gives proper probabilities; the ten cells sum to 1 and SGA is more frequent among preterm births', () => {
    for (let yi = 0; yi < model.years.length; yi++) {
      for (let wi = 0; wi < model.wijken.length; wi += 7) {
        const r = wijkYearRates(model, yi, wi);
        const sum = r.cells.reduce((s, p) => s + p, 0);
        expect(sum).toBeCloseTo(1, 12);
        for (const p of [...r.cells, ...r.stillbirth, ...r.neonatalDeath, ...r.lowBirthWeight, r.teenageMother, r.lowIncome, r.socialAssistance]) {
          expect(p >= 0 && p <= 1).toBe(true);
        }
        let preterm = 0;
        let sgaPreterm = 0;
        for (let cell = 0; cell < CELL_COUNT; cell++) {
          if ((cell >> 1) + 1 === TERM_BAND) continue;
          preterm += r.cells[cell]!;
          if (cell & 1) sgaPreterm += r.cells[cell]!;
        }
        const sgaTerm = r.cells[CELL_COUNT - 1]! / (r.cells[CELL_COUNT - 1]! + r.cells[CELL_COUNT - 2]!);
        expect(sgaPreterm / preterm).toBeGreaterThan(sgaTerm);
      }
    }
  });

  it('has a standardized latent deprivation that follows real gemeente characteristics', () => {
    let pop = 0;
    let mean = 0;
    let sq = 0;
    for (const w of model.wijken) {
      pop += w.inhabitants;
      mean += w.inhabitants * w.deprivation;
      sq += w.inhabitants * w.deprivation ** 2;
    }
    expect(mean / pop).toBeCloseTo(0, 9);
    expect(sq / pop).toBeCloseTo(1, 9);
    const gemeenten = loadGemeenteCharacteristics();
    const byGemeente = new Map<string, [number, number]>();
    for (const w of model.wijken) {
      const a = byGemeente.get(w.gemeenteCode) ?? [0, 0];
      a[0] += w.inhabitants * w.deprivation;
      a[1] += w.inhabitants;
      byGemeente.set(w.gemeenteCode, a);
    }
    const d = gemeenten.map((g) => byGemeente.get(g.code)![0] / Math.max(1, byGemeente.get(g.code)![1]));
    expect(spearman(d, gemeenten.map((g) => g.pctOriginOutsideEurope))).toBeGreaterThan(0.4);
    expect(spearman(d, gemeenten.map((g) => g.urbanity))).toBeLessThan(-0.4);
  });

  it('does not depend on which other years are generated', () => {
    const single = buildRateModel({ years: [2021] });
    const yi = model.years.indexOf(2021);
    expect(single.wijken).toEqual(model.wijken);
    expect(single.byYear[0]!.cells).toEqual(model.byYear[yi]!.cells);
    expect(single.byYear[0]!.socialAssistance).toEqual(model.byYear[yi]!.socialAssistance);
  });

  it('depends on the seed', () => {
    const other = buildRateModel({ seed: 1, years: [2021] });
    const yi = model.years.indexOf(2021);
    expect(other.byYear[0]!.cells).not.toEqual(model.byYear[yi]!.cells);
  });

  it('rejects years and seeds it cannot model', () => {
    expect(() => buildRateModel({ years: [1990] })).toThrow(RangeError);
    expect(() => buildRateModel({ years: [2021.5] })).toThrow(RangeError);
    expect(() => buildRateModel({ years: [] })).toThrow(RangeError);
    expect(() => buildRateModel({ seed: 1.5 })).toThrow(RangeError);
  });
});

describe('internal birth-weight reference', () => {
  it('is plausible: medians rise with gestation, boys heavier, p10 near 3 kg at 40 weeks', () => {
    for (const boy of [true, false]) {
      for (let d = GESTATION_BANDS[0]!.fromDay + 1; d <= GESTATION_BANDS[TERM_BAND]!.toDay; d++) {
        expect(medianBirthWeight(d, boy)).toBeGreaterThan(medianBirthWeight(d - 1, boy));
      }
    }
    expect(medianBirthWeight(280, true)).toBeGreaterThan(medianBirthWeight(280, false));
    expect(birthWeightP10(280, true)).toBeGreaterThan(2900);
    expect(birthWeightP10(280, false)).toBeLessThan(3150);
  });

  it('puts nearly all very preterm births and few term non-SGA births below 2,500 g', () => {
    expect(lowBirthWeightProbability(1, 0, 0)).toBeGreaterThan(0.999);
    expect(lowBirthWeightProbability(TERM_BAND, 0, 0)).toBeLessThan(0.01);
    expect(lowBirthWeightProbability(TERM_BAND, 1, 0)).toBeGreaterThan(lowBirthWeightProbability(TERM_BAND, 0, 0));
    // a heavier shift gives fewer low weights
    expect(lowBirthWeightProbability(4, 0, 0.5)).toBeLessThan(lowBirthWeightProbability(4, 0, -0.5));
  });
});
