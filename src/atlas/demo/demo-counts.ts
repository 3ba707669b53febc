// SYNTHETIC demo counts: integer numerators and denominators for every wijk × indicator × year,
// drawn with a seeded PRNG from the rate model (see rate-model.ts and docs/demo-data.md).
// The same seed gives identical output; the default seed is DEFAULT_DEMO_SEED.

import { INDICATORS } from '../indicator-catalogue.ts';
import { BAND_22_23, CELL_COUNT, TERM_BAND, bandOfCell, sgaOfCell } from './perinatal.ts';
import { Rng, hashKeys } from './random.ts';
import {
  SHARE_FIRST_CONTACT_UNKNOWN,
  SHARE_SMOKING_UNKNOWN,
  STREAM,
  buildRateModel,
  drawBirths,
  type RateModel,
} from './rate-model.ts';

export { DEFAULT_DEMO_SEED, DEMO_YEARS } from './rate-model.ts';

export interface DemoCount {
  areaCode: string;
  indicatorId: string;
  period: number;
  numerator: number;
  denominator: number;
}

export interface DemoCountOptions {
  seed?: number;
  years?: number[];
}

/** All demo counts: one row per wijk × catalogue indicator × year (year, then wijk, then catalogue order). */
export function generateDemoCounts(options: DemoCountOptions = {}): DemoCount[] {
  return generateDemoCountsFromModel(buildRateModel(options));
}

/** The counts of one wijk-year, by indicator id: [numerator, denominator]. */
export type WijkYearCounts = Record<string, readonly [number, number]>;

export function generateDemoCountsFromModel(model: RateModel): DemoCount[] {
  const out: DemoCount[] = [];
  const ids = INDICATORS.map((i) => i.id);
  for (let yi = 0; yi < model.years.length; yi++) {
    const period = model.years[yi]!;
    for (let wi = 0; wi < model.wijken.length; wi++) {
      const areaCode = model.wijken[wi]!.code;
      const counts = drawWijkYearCounts(model, yi, wi);
      for (const indicatorId of ids) {
        const c = counts[indicatorId];
        if (!c) throw new Error(`demo data: no counts for indicator '${indicatorId}'`);
        out.push({ areaCode, indicatorId, period, numerator: c[0], denominator: c[1] });
      }
    }
  }
  return out;
}

const K = CELL_COUNT + 1;

/** Draws the counts of one wijk in one year (births from the shared births stream, the rest from the counts stream). */
export function drawWijkYearCounts(model: RateModel, yearIndex: number, wijkIndex: number): WijkYearCounts {
  const y = model.byYear[yearIndex]!;
  const w = wijkIndex;
  const rng = new Rng(hashKeys(model.seedKey, model.wijken[w]!.key, y.year, STREAM.counts));

  const births = drawBirths(model, yearIndex, w);
  const n22 = rng.binomial(births, y.share22to23[w]!);
  const births24 = births - n22;

  // Joint multinomial over the ten band × SGA cells by sequential conditional binomials, so
  // that Big2 = preterm + SGA − (preterm ∧ SGA) holds exactly.
  let preterm = 0;
  let sga = 0;
  let both = 0;
  let remaining = births24;
  let remainingP = 1;
  let stillbirths24 = 0;
  let neonatalDeaths = 0;
  let lowBirthWeight = 0;
  for (let cell = 0; cell < CELL_COUNT; cell++) {
    const p = y.cells[w * CELL_COUNT + cell]!;
    const n = cell === CELL_COUNT - 1 ? remaining : rng.binomial(remaining, remainingP > 0 ? Math.min(1, p / remainingP) : 0);
    remaining -= n;
    remainingP -= p;
    const isPreterm = bandOfCell(cell) !== TERM_BAND;
    const isSga = sgaOfCell(cell) === 1;
    if (isPreterm) preterm += n;
    if (isSga) sga += n;
    if (isPreterm && isSga) both += n;
    const sb = rng.binomial(n, y.stillbirth[w * K + 1 + cell]!);
    stillbirths24 += sb;
    neonatalDeaths += rng.binomial(n - sb, y.neonatalDeath[w * K + 1 + cell]!);
    lowBirthWeight += rng.binomial(n - sb, y.lowBirthWeight[cell]!);
  }
  const sb22 = rng.binomial(n22, y.stillbirth[w * K + BAND_22_23]!);
  neonatalDeaths += rng.binomial(n22 - sb22, y.neonatalDeath[w * K + BAND_22_23]!);
  const stillbirths = stillbirths24 + sb22;
  const live24 = births24 - stillbirths24;
  const liveAll = births - stillbirths;

  const contactKnown = births24 - rng.binomial(births24, SHARE_FIRST_CONTACT_UNKNOWN);
  const smokingKnown = births24 - rng.binomial(births24, SHARE_SMOKING_UNKNOWN);
  const households = y.households[w]!;
  const householdsWithChildren = y.householdsWithChildren[w]!;
  const inhabitants18to64 = y.inhabitants18to64[w]!;
  const children0to2 = y.children0to2[w]!;

  return {
    big2: [preterm + sga - both, births24],
    preterm: [preterm, births24],
    sga: [sga, births24],
    low_birth_weight: [lowBirthWeight, live24],
    perinatal_mortality: [stillbirths + neonatalDeaths, births],
    teenage_mothers: [rng.binomial(births24, y.teenageMother[w]!), births24],
    late_antenatal_care: [rng.binomial(contactKnown, y.lateFirstContact[w]!), contactKnown],
    smoking_in_pregnancy: [rng.binomial(smokingKnown, y.smoking[w]!), smokingKnown],
    no_maternity_care: [rng.binomial(liveAll, y.noMaternityCare[w]!), liveAll],
    child_protection_0_2: [rng.binomial(children0to2, y.childProtection[w]!), children0to2],
    low_income_households: [rng.binomial(households, y.lowIncome[w]!), households],
    single_parent_households: [rng.binomial(householdsWithChildren, y.singleParent[w]!), householdsWithChildren],
    social_assistance: [rng.binomial(inhabitants18to64, y.socialAssistance[w]!), inhabitants18to64],
    problem_debts: [rng.binomial(births24, y.problemDebts[w]!), births24],
  };
}
