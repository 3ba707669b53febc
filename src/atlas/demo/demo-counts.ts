// SYNTHETIC demo counts: integer numerators and denominators for every wijk × indicator × year,
// drawn with a seeded PRNG from the rate model (see rate-model.ts and docs/demo-data.md).
// The same seed gives identical output; the default seed is DEFAULT_DEMO_SEED.

import { INDICATORS } from '../indicator-catalogue.ts';
import { BAND_22_23, CELL_COUNT, TERM_BAND, bandOfCell, sgaOfCell } from './perinatal.ts';
import { Rng, hashKeys } from '../../platform/random.ts';
import {
  SHARE_FIRST_CONTACT_UNKNOWN,
  SHARE_SMOKING_UNKNOWN,
  DEMO_INDICATORS,
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

/** Slot of each modelled indicator in a wijk-year's counts array (numerator at 2·slot, denominator at 2·slot + 1). */
const SLOTS = DEMO_INDICATORS;
const SLOT_OF: ReadonlyMap<string, number> = new Map(SLOTS.map((id, i) => [id, i]));

export function generateDemoCountsFromModel(model: RateModel): DemoCount[] {
  const slots = INDICATORS.map((i) => {
    const slot = SLOT_OF.get(i.id);
    if (slot === undefined) throw new Error(`demo data: no demo counts for indicator '${i.id}'`);
    return [i.id, slot] as const;
  });
  const out: DemoCount[] = [];
  const counts = new Float64Array(2 * SLOTS.length);
  for (let yi = 0; yi < model.years.length; yi++) {
    const period = model.years[yi]!;
    for (let wi = 0; wi < model.wijken.length; wi++) {
      const areaCode = model.wijken[wi]!.code;
      fillWijkYearCounts(model, yi, wi, counts);
      for (const [indicatorId, slot] of slots) {
        out.push({ areaCode, indicatorId, period, numerator: counts[2 * slot]!, denominator: counts[2 * slot + 1]! });
      }
    }
  }
  return out;
}

const K = CELL_COUNT + 1;

/** Draws the counts of one wijk in one year (births from the shared births stream, the rest from the counts stream). */
export function drawWijkYearCounts(model: RateModel, yearIndex: number, wijkIndex: number): WijkYearCounts {
  const counts = new Float64Array(2 * SLOTS.length);
  fillWijkYearCounts(model, yearIndex, wijkIndex, counts);
  return Object.fromEntries(SLOTS.map((id, i) => [id, [counts[2 * i]!, counts[2 * i + 1]!] as const]));
}

function fillWijkYearCounts(model: RateModel, yearIndex: number, wijkIndex: number, out: Float64Array): void {
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

  const contactKnown = births24 - rng.binomial(births24, SHARE_FIRST_CONTACT_UNKNOWN);
  const smokingKnown = births24 - rng.binomial(births24, SHARE_SMOKING_UNKNOWN);
  const households = y.households[w]!;
  const householdsWithChildren = y.householdsWithChildren[w]!;
  const inhabitants18to64 = y.inhabitants18to64[w]!;
  const children0to2 = y.children0to2[w]!;

  const set = (slot: number, numerator: number, denominator: number) => {
    out[2 * slot] = numerator;
    out[2 * slot + 1] = denominator;
  };
  set(0, preterm + sga - both, births24); // big2
  set(1, preterm, births24);
  set(2, sga, births24);
  set(3, lowBirthWeight, live24);
  set(4, stillbirths + neonatalDeaths, births); // perinatal mortality
  set(5, rng.binomial(births24, y.teenageMother[w]!), births24);
  set(6, rng.binomial(contactKnown, y.lateFirstContact[w]!), contactKnown);
  set(7, rng.binomial(smokingKnown, y.smoking[w]!), smokingKnown);
  set(8, rng.binomial(live24, y.noMaternityCare[w]!), live24);
  set(9, rng.binomial(children0to2, y.childProtection[w]!), children0to2);
  set(10, rng.binomial(households, y.lowIncome[w]!), households);
  set(11, rng.binomial(householdsWithChildren, y.singleParent[w]!), householdsWithChildren);
  set(12, rng.binomial(inhabitants18to64, y.socialAssistance[w]!), inhabitants18to64);
  set(13, rng.binomial(births24, y.problemDebts[w]!), births24);
}
