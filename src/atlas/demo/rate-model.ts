// The rate model behind the SYNTHETIC demo data: for every wijk (the lowest shipped level) and
// year it gives the expected denominators and probabilities of all catalogue indicators.
//
// Real inputs: wijk inhabitants and dwellings (CBS KWB 2024) and gemeente characteristics
// (CBS KWB 2023: age structure, households, urbanity, origin, divorce). Everything else —
// births per wijk, the perinatal outcomes, the vulnerability outcomes — is synthetic: drawn
// around a latent "deprivation" score built from those real characteristics plus seeded random
// effects, and calibrated so that the national rate equals the catalogue's `demo` value.
// See docs/demo-data.md.
//
// Pure: the result depends only on the shipped data, the seed and the years. Random effects are
// keyed to (seed, area code, year, purpose), so a wijk's figures for a year do not depend on
// which other years or wijken are generated.

import { loadGemeenteCharacteristics, loadWijkCharacteristics, type GemeenteCharacteristics, type WijkCharacteristics } from '../geography.ts';
import { INDICATORS, type DemoCalibration } from '../indicator-catalogue.ts';
import {
  BAND_22_23,
  CELL_COUNT,
  PRETERM_BAND_SHARES,
  TERM_BAND,
  bandOfCell,
  lowBirthWeightProbability,
  sgaOfCell,
} from './perinatal.ts';
import { Rng, hashKeys, hashString, logit } from '../../platform/random.ts';

/** The fixed default seed of the demo data (the programme's "first 1000 days"). */
export const DEFAULT_DEMO_SEED = 1000;
export const DEMO_YEARS: readonly number[] = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
/** Years the model accepts (the calibration trends are linear; far outside they make no sense). */
export const MODEL_YEAR_RANGE = { from: 2005, to: 2035 } as const;

/** Average national number of births (≥ 22 weeks) a year the denominators are scaled to. */
export const NATIONAL_BIRTHS_PER_YEAR = 168_000;
/**
 * A mild year-to-year shape of the national number of births (mean ≈ 1; 2021 higher, 2023–24
 * lower). Loosely shaped like the real series but NOT the real yearly totals. Years not listed: 1.
 */
export const BIRTH_YEAR_FACTORS: Readonly<Record<number, number>> = {
  2015: 1.01, 2016: 1.015, 2017: 1.005, 2018: 0.995, 2019: 1.0,
  2020: 1.0, 2021: 1.05, 2022: 0.995, 2023: 0.97, 2024: 0.97,
};
/** Non-birth denominators: KWB 2024 population, grown back linearly by this share per year before 2024. */
export const POPULATION_GROWTH_PER_YEAR = 0.0065;

/** Calibration targets the model needs beyond the catalogue (same shape as a catalogue `demo`). */
export const EXTRA_CALIBRATION = {
  /** Stillbirth from 22 weeks per 1000 births from 22 weeks: reproduced by the birth file. */
  stillbirth: {
    value: 4.8,
    yearlyChange: -0.08,
    year: 2019,
    basis: 'stillbirth from 22 weeks 4.8 per 1,000 (2019), Perined via VZinfo (data/reference/dutch_national_figures.csv); yearly change assumed',
  },
  /** Births at 22–23 weeks per 1000 births from 22 weeks (only in perinatal mortality). */
  births22to23Weeks: { value: 1.5, yearlyChange: 0, year: 2021, basis: 'assumed value' },
} satisfies Record<string, DemoCalibration>;
const PER_1000 = 1000;

/** Shares of pregnancies with an unknown first-contact day / smoking status (assumed, constant). */
export const SHARE_FIRST_CONTACT_UNKNOWN = 0.015;
export const SHARE_SMOKING_UNKNOWN = 0.03;

/** Stillbirth probability by gestation band (22–23, 24–25, 26–27, 28–31, 32–36, 37+ weeks) before calibration. */
const STILLBIRTH_BASE = [0.45, 0.25, 0.12, 0.05, 0.012, 0.0012] as const;
/** Early-neonatal (≤ 7 days) death probability of a live birth by band, before calibration. */
const NEONATAL_DEATH_BASE = [0.6, 0.2, 0.08, 0.02, 0.003, 0.0005] as const;
const STILLBIRTH_BASE_LOGIT = STILLBIRTH_BASE.map(logit);
const NEONATAL_DEATH_BASE_LOGIT = NEONATAL_DEATH_BASE.map(logit);
const STILLBIRTH_SGA_LOG_ODDS = 1.0;
const NEONATAL_DEATH_SGA_LOG_ODDS = 0.5;

// ---- Latent deprivation ----

/** Weights of the standardized real gemeente characteristics in the deprivation score. */
export const DEPRIVATION_WEIGHTS = {
  pctOriginOutsideEurope: 0.45,
  urbanity: -0.2, // CBS 1 = very strongly urban
  pctOnePersonHouseholds: 0.15,
  pctDivorced: 0.15,
  pctAge15to25: 0.05,
} as const satisfies Partial<Record<keyof GemeenteCharacteristics, number>>;
/**
 * Gemeente score = GEMEENTE_COVARIATE_WEIGHT · (standardized weighted covariates) + N(0, GEMEENTE_EFFECT_SD).
 * Wijk score D = gemeente score + spread · (WIJK_DENSITY_WEIGHT · z(log(wijk density / gemeente
 * density)) + N(0, WIJK_EFFECT_SD)), where spread = 1 + URBAN_SPREAD · (3 − urbanity): wijken differ
 * more within strongly urban gemeenten. D is then standardized (inhabitant-weighted).
 */
const GEMEENTE_COVARIATE_WEIGHT = 0.2;
const GEMEENTE_EFFECT_SD = 0.1;
const WIJK_DENSITY_WEIGHT = 0.5;
const WIJK_EFFECT_SD = 0.8;
const URBAN_SPREAD = 0.7;

const RISK_CURVATURE = 1.0;
const RISK_LIMIT = 3;
/**
 * The outcomes depend on a risk score rather than on D itself: risk = softplus_κ(L · tanh(D / L))
 * with softplus_κ(z) = ln(1 + e^{κz}) / κ. Affluent areas (D < 0) differ little from each other;
 * risk rises about linearly in deprived areas and levels off beyond |D| ≈ L, so that the most
 * deprived wijken reach 2–3× the national risk (as in some Rotterdam and Amsterdam districts),
 * not more.
 */
export function riskScore(deprivation: number): number {
  const z = RISK_CURVATURE * RISK_LIMIT * Math.tanh(deprivation / RISK_LIMIT);
  return Math.log1p(Math.exp(z)) / RISK_CURVATURE;
}

/**
 * A "channel" is one logistic outcome probability of the model:
 * logit p = calibrated offset(year) + deprivation · risk(D) + gemeente effect + wijk effect + yearly noise.
 */
interface Channel {
  id: string;
  deprivation: number;
  gemeenteSd: number;
  wijkSd: number;
  yearSd: number;
}
const CHANNELS = [
  { id: 'births22to23', deprivation: 0.35, gemeenteSd: 0.05, wijkSd: 0.1, yearSd: 0.05 },
  { id: 'preterm', deprivation: 0.75, gemeenteSd: 0.06, wijkSd: 0.1, yearSd: 0.05 },
  { id: 'sga', deprivation: 0.9, gemeenteSd: 0.08, wijkSd: 0.12, yearSd: 0.05 },
  { id: 'stillbirth', deprivation: 0.5, gemeenteSd: 0.05, wijkSd: 0.1, yearSd: 0.05 },
  { id: 'neonatalDeath', deprivation: 0.4, gemeenteSd: 0.05, wijkSd: 0.1, yearSd: 0.05 },
  { id: 'teenage_mothers', deprivation: 0.85, gemeenteSd: 0.15, wijkSd: 0.3, yearSd: 0.06 },
  { id: 'late_antenatal_care', deprivation: 0.55, gemeenteSd: 0.12, wijkSd: 0.2, yearSd: 0.05 },
  { id: 'smoking_in_pregnancy', deprivation: 0.45, gemeenteSd: 0.2, wijkSd: 0.3, yearSd: 0.06 },
  { id: 'no_maternity_care', deprivation: 0.9, gemeenteSd: 0.15, wijkSd: 0.3, yearSd: 0.06 },
  { id: 'problem_debts', deprivation: 0.9, gemeenteSd: 0.12, wijkSd: 0.25, yearSd: 0.05 },
  { id: 'child_protection_0_2', deprivation: 0.85, gemeenteSd: 0.15, wijkSd: 0.3, yearSd: 0.06 },
  { id: 'low_income_households', deprivation: 0.8, gemeenteSd: 0.1, wijkSd: 0.2, yearSd: 0.03 },
  { id: 'single_parent_households', deprivation: 0.5, gemeenteSd: 0.08, wijkSd: 0.15, yearSd: 0.03 },
  { id: 'social_assistance', deprivation: 0.85, gemeenteSd: 0.12, wijkSd: 0.2, yearSd: 0.03 },
] as const satisfies readonly Channel[];
type ChannelId = (typeof CHANNELS)[number]['id'];
const CH: Record<ChannelId, number> = Object.fromEntries(CHANNELS.map((c, i) => [c.id, i])) as Record<ChannelId, number>;

/** Random-stream purposes (part of every stream key). */
export const STREAM = {
  gemeenteEffect: 1,
  wijkEffect: 2,
  yearNoise: 3,
  births: 4,
  counts: 5,
  birthFile: 6,
} as const;

// ---- Public types ----

export interface ModelWijk {
  code: string;
  gemeenteCode: string;
  /** CBS KWB 2024. */
  inhabitants: number;
  /** Standardized latent deprivation D (inhabitant-weighted mean 0, SD 1). */
  deprivation: number;
  /** The risk score the outcomes use: softplus(D), flat for affluent areas, rising in deprived ones. */
  risk: number;
  /** Hash of the code: the key of this wijk's random streams. */
  key: number;
}

/**
 * Expected probabilities and fixed denominators of all wijken in one year, as flat arrays
 * indexed by wijk (cells: wijk · CELL_COUNT + cell; stillbirth / neonatalDeath: wijk · 11 + k,
 * k = 0 for 22–23 weeks and 1 + cell for the cells).
 */
export interface YearRates {
  year: number;
  /** Birth-weight shift (z units) that calibrates low birth weight this year. */
  birthWeightShift: number;
  /** P(birth weight < 2500 g | cell); the same for every wijk. */
  lowBirthWeight: Float64Array;
  birthProbability: Float64Array;
  expectedBirths: Float64Array;
  share22to23: Float64Array;
  sgaGivenPreterm: Float64Array;
  cells: Float64Array;
  stillbirth: Float64Array;
  neonatalDeath: Float64Array;
  teenageMother: Float64Array;
  lateFirstContact: Float64Array;
  smoking: Float64Array;
  noMaternityCare: Float64Array;
  problemDebts: Float64Array;
  childProtection: Float64Array;
  lowIncome: Float64Array;
  singleParent: Float64Array;
  socialAssistance: Float64Array;
  households: Float64Array;
  householdsWithChildren: Float64Array;
  inhabitants18to64: Float64Array;
  children0to2: Float64Array;
}

/** Expected probabilities and fixed denominators of one wijk in one year (a view on YearRates). */
export interface WijkYearRates {
  /** Probability that an inhabitant has a child (≥ 22 weeks) this year; births ~ Binomial(inhabitants, p). */
  birthProbability: number;
  expectedBirths: number;
  /** Share of births from 22 weeks that are born at 22–23 weeks. */
  share22to23: number;
  /** Probabilities of the ten cells (band × SGA) among births from 24 weeks; sum 1. */
  cells: Float64Array;
  /** Stillbirth probability: [0] = 22–23 weeks, [1 + cell] = cell. */
  stillbirth: Float64Array;
  /** Death within 7 days of a live birth: [0] = 22–23 weeks, [1 + cell] = cell. */
  neonatalDeath: Float64Array;
  /** P(birth weight < 2500 g | cell); the same for every wijk in a year. */
  lowBirthWeight: Float64Array;
  birthWeightShift: number;
  /** P(SGA | preterm) — used for the 22–23-week births of the birth file. */
  sgaGivenPreterm: number;
  teenageMother: number;
  lateFirstContact: number;
  smoking: number;
  noMaternityCare: number;
  problemDebts: number;
  childProtection: number;
  lowIncome: number;
  singleParent: number;
  socialAssistance: number;
  /** Fixed (not drawn) denominators, rounded. */
  households: number;
  householdsWithChildren: number;
  inhabitants18to64: number;
  children0to2: number;
}

export interface RateModel {
  seed: number;
  /** 32-bit key derived from the seed (part of every random stream's key). */
  seedKey: number;
  years: readonly number[];
  wijken: readonly ModelWijk[];
  /** One entry per year, in the order of `years`. */
  byYear: readonly YearRates[];
  /** Target national values (as probabilities) per indicator id (+ 'stillbirth', 'births22to23') per year index. */
  targets: ReadonlyMap<string, readonly number[]>;
}

export interface RateModelOptions {
  seed?: number;
  years?: readonly number[];
}

const K = CELL_COUNT + 1;

/** A wijk-year as one object (subarray views; allocate sparingly). */
export function wijkYearRates(model: RateModel, yearIndex: number, wijkIndex: number): WijkYearRates {
  const y = model.byYear[yearIndex];
  if (!y || wijkIndex < 0 || wijkIndex >= model.wijken.length) throw new RangeError(`no rates for year index ${yearIndex}, wijk index ${wijkIndex}`);
  const w = wijkIndex;
  return {
    birthProbability: y.birthProbability[w]!,
    expectedBirths: y.expectedBirths[w]!,
    share22to23: y.share22to23[w]!,
    cells: y.cells.subarray(w * CELL_COUNT, (w + 1) * CELL_COUNT),
    stillbirth: y.stillbirth.subarray(w * K, (w + 1) * K),
    neonatalDeath: y.neonatalDeath.subarray(w * K, (w + 1) * K),
    lowBirthWeight: y.lowBirthWeight,
    birthWeightShift: y.birthWeightShift,
    sgaGivenPreterm: y.sgaGivenPreterm[w]!,
    teenageMother: y.teenageMother[w]!,
    lateFirstContact: y.lateFirstContact[w]!,
    smoking: y.smoking[w]!,
    noMaternityCare: y.noMaternityCare[w]!,
    problemDebts: y.problemDebts[w]!,
    childProtection: y.childProtection[w]!,
    lowIncome: y.lowIncome[w]!,
    singleParent: y.singleParent[w]!,
    socialAssistance: y.socialAssistance[w]!,
    households: y.households[w]!,
    householdsWithChildren: y.householdsWithChildren[w]!,
    inhabitants18to64: y.inhabitants18to64[w]!,
    children0to2: y.children0to2[w]!,
  };
}

// ---- Helpers ----

export function seedKey(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo seed must be a safe integer, got ${seed}`);
  return hashKeys(seed >>> 0, Math.floor(seed / 4294967296) >>> 0);
}

export function normalizeYears(years: readonly number[] | undefined): number[] {
  const list = [...new Set(years ?? DEMO_YEARS)].sort((a, b) => a - b);
  if (list.length === 0) throw new RangeError('demo data: no years requested');
  for (const y of list) {
    if (!Number.isInteger(y) || y < MODEL_YEAR_RANGE.from || y > MODEL_YEAR_RANGE.to) {
      throw new RangeError(`demo data: year ${y} outside ${MODEL_YEAR_RANGE.from}–${MODEL_YEAR_RANGE.to}`);
    }
  }
  return list;
}

/** The calibration target of a catalogue-style `demo` entry for a year, as a probability. */
export function calibrationTarget(demo: DemoCalibration, multiplier: number, year: number): number {
  const value = (demo.value + demo.yearlyChange * (year - demo.year)) / multiplier;
  if (!(value > 0 && value < 1)) throw new RangeError(`demo calibration gives ${value} for ${year}: outside (0, 1)`);
  return value;
}

export function birthYearFactor(year: number): number {
  return BIRTH_YEAR_FACTORS[year] ?? 1;
}

function populationFactor(year: number): number {
  return 1 + POPULATION_GROWTH_PER_YEAR * (year - 2024);
}

/**
 * Finds δ with Σ w_j · logistic(x_j + δ) = target (Newton with a bisection safeguard; the left
 * side increases with δ). Returns δ and fills `p` (if given) with logistic(x_j + δ).
 */
export function solveLogitOffset(w: Float64Array, x: Float64Array, target: number, start = 0, p?: Float64Array): number {
  const n = w.length;
  let total = 0;
  for (let j = 0; j < n; j++) total += w[j]!;
  if (!(target > 0 && target < total)) throw new RangeError(`calibration target ${target} outside (0, ${total})`);
  // logistic(x + δ) = 1 / (1 + e^{−x} · e^{−δ}): one exp per element, none per iteration.
  const expNeg = new Float64Array(n);
  for (let j = 0; j < n; j++) expNeg[j] = Math.exp(-x[j]!);
  let lo = -40;
  let hi = 40;
  let delta = start;
  for (let iter = 0; iter < 200; iter++) {
    const e = Math.exp(-delta);
    let f = -target;
    let df = 0;
    for (let j = 0; j < n; j++) {
      const q = 1 / (1 + expNeg[j]! * e);
      const wq = w[j]! * q;
      f += wq;
      df += wq * (1 - q);
    }
    if (Math.abs(f) <= 1e-12 * total || hi - lo < 1e-14) break;
    if (f > 0) hi = delta;
    else lo = delta;
    let next = df > 0 ? delta - f / df : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    delta = next;
  }
  if (p) {
    const e = Math.exp(-delta);
    for (let j = 0; j < n; j++) p[j] = 1 / (1 + expNeg[j]! * e);
  }
  return delta;
}

function zScores(values: number[]): number[] {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n) || 1;
  return values.map((v) => (v - mean) / sd);
}

// ---- The model ----

export function buildRateModel(options: RateModelOptions = {}): RateModel {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const sk = seedKey(seed);
  const years = normalizeYears(options.years);
  const gemeenten = loadGemeenteCharacteristics();
  const wijkChars = loadWijkCharacteristics();
  return buildRateModelFrom(gemeenten, wijkChars, sk, seed, years);
}

function buildRateModelFrom(
  gemeenten: GemeenteCharacteristics[],
  wijkChars: WijkCharacteristics[],
  sk: number,
  seed: number,
  years: number[],
): RateModel {
  const gemeenteIndex = new Map(gemeenten.map((g, i) => [g.code, i]));
  const nG = gemeenten.length;
  const nW = wijkChars.length;
  const nC = CHANNELS.length;

  // 1. Gemeente deprivation from real characteristics + seeded gemeente effects.
  const covariate = new Float64Array(nG);
  for (const [key, weight] of Object.entries(DEPRIVATION_WEIGHTS) as [keyof typeof DEPRIVATION_WEIGHTS, number][]) {
    const z = zScores(gemeenten.map((g) => g[key]));
    for (let i = 0; i < nG; i++) covariate[i] = covariate[i]! + weight * z[i]!;
  }
  const covariateZ = zScores([...covariate]);
  const gemeenteScore = new Float64Array(nG);
  const gemeenteChannel = new Float64Array(nG * nC);
  for (let i = 0; i < nG; i++) {
    const rng = new Rng(hashKeys(sk, hashString(gemeenten[i]!.code), STREAM.gemeenteEffect));
    gemeenteScore[i] = GEMEENTE_COVARIATE_WEIGHT * covariateZ[i]! + GEMEENTE_EFFECT_SD * rng.normal();
    for (let c = 0; c < nC; c++) gemeenteChannel[i * nC + c] = CHANNELS[c]!.gemeenteSd * rng.normal();
  }

  // 2. Wijk deprivation: gemeente score + relative density + seeded wijk effect; standardized.
  const wijkGemeente = new Int32Array(nW);
  const logDensityRatio: number[] = [];
  for (let w = 0; w < nW; w++) {
    const wc = wijkChars[w]!;
    const gi = gemeenteIndex.get(wc.gemeenteCode);
    if (gi === undefined) throw new Error(`demo data: wijk ${wc.code} has gemeente ${wc.gemeenteCode} without KWB 2023 characteristics`);
    wijkGemeente[w] = gi;
    const gDensity = gemeenten[gi]!.density;
    const ratio = wc.density !== null && wc.density > 0 && gDensity > 0 ? Math.log(wc.density / gDensity) : 0;
    logDensityRatio.push(Math.max(-3, Math.min(3, ratio)));
  }
  const densityZ = zScores(logDensityRatio);
  const wijkKeys = new Uint32Array(nW);
  const rawDeprivation = new Float64Array(nW);
  const wijkChannel = new Float64Array(nW * nC);
  for (let w = 0; w < nW; w++) {
    wijkKeys[w] = hashString(wijkChars[w]!.code);
    const rng = new Rng(hashKeys(sk, wijkKeys[w]!, STREAM.wijkEffect));
    const spread = 1 + URBAN_SPREAD * (3 - gemeenten[wijkGemeente[w]!]!.urbanity);
    rawDeprivation[w] = gemeenteScore[wijkGemeente[w]!]! + spread * (WIJK_DENSITY_WEIGHT * densityZ[w]! + WIJK_EFFECT_SD * rng.normal());
    for (let c = 0; c < nC; c++) wijkChannel[w * nC + c] = CHANNELS[c]!.wijkSd * rng.normal();
  }
  let popTotal = 0;
  let mean = 0;
  for (let w = 0; w < nW; w++) {
    popTotal += wijkChars[w]!.inhabitants;
    mean += wijkChars[w]!.inhabitants * rawDeprivation[w]!;
  }
  mean /= popTotal;
  let variance = 0;
  for (let w = 0; w < nW; w++) variance += wijkChars[w]!.inhabitants * (rawDeprivation[w]! - mean) ** 2;
  const sd = Math.sqrt(variance / popTotal);
  const deprivation = new Float64Array(nW);
  const risk = new Float64Array(nW);
  for (let w = 0; w < nW; w++) {
    deprivation[w] = (rawDeprivation[w]! - mean) / sd;
    risk[w] = riskScore(deprivation[w]!);
  }

  // Persistent part of every channel's logit.
  const persistent = new Float64Array(nW * nC);
  for (let w = 0; w < nW; w++) {
    const gi = wijkGemeente[w]!;
    for (let c = 0; c < nC; c++) {
      persistent[w * nC + c] = CHANNELS[c]!.deprivation * risk[w]! + gemeenteChannel[gi * nC + c]! + wijkChannel[w * nC + c]!;
    }
  }

  // 3. Birth rates from real age structure, scaled to the national number of births.
  const gemeenteBirthWeight = gemeenten.map((g) => (g.pctAge25to45 / 100) * Math.sqrt(g.pctAge0to15 / 15.3));
  let weightedInhabitants = 0;
  for (let w = 0; w < nW; w++) weightedInhabitants += wijkChars[w]!.inhabitants * gemeenteBirthWeight[wijkGemeente[w]!]!;
  const baseBirthProbability = gemeenteBirthWeight.map((x) => (x * NATIONAL_BIRTHS_PER_YEAR) / weightedInhabitants);

  // Fixed denominators (before the population factor).
  const dwellingsInGemeente = new Float64Array(nG);
  for (let w = 0; w < nW; w++) dwellingsInGemeente[wijkGemeente[w]!] = dwellingsInGemeente[wijkGemeente[w]!]! + wijkChars[w]!.dwellings;
  const households2024 = new Float64Array(nW);
  const share18to64 = new Float64Array(nW);
  const shareWithChildren = new Float64Array(nW);
  for (let w = 0; w < nW; w++) {
    const g = gemeenten[wijkGemeente[w]!]!;
    const dw = dwellingsInGemeente[wijkGemeente[w]!]!;
    households2024[w] = dw > 0 ? (g.households * wijkChars[w]!.dwellings) / dw : 0;
    share18to64[w] = (0.7 * g.pctAge15to25 + g.pctAge25to45 + g.pctAge45to65) / 100;
    shareWithChildren[w] = g.pctHouseholdsWithChildren / 100;
  }

  const wijken: ModelWijk[] = wijkChars.map((wc, w) => ({
    code: wc.code,
    gemeenteCode: wc.gemeenteCode,
    inhabitants: wc.inhabitants,
    deprivation: deprivation[w]!,
    risk: risk[w]!,
    key: wijkKeys[w]!,
  }));

  // Targets.
  const targets = new Map<string, number[]>();
  for (const ind of INDICATORS) targets.set(ind.id, years.map((y) => calibrationTarget(ind.demo, ind.multiplier, y)));
  targets.set('stillbirth', years.map((y) => calibrationTarget(EXTRA_CALIBRATION.stillbirth, PER_1000, y)));
  targets.set('births22to23', years.map((y) => calibrationTarget(EXTRA_CALIBRATION.births22to23Weeks, PER_1000, y)));
  const target = (id: string, yi: number): number => {
    const t = targets.get(id)?.[yi];
    if (t === undefined) throw new Error(`demo data: no calibration target for ${id}`);
    return t;
  };
  for (const ind of INDICATORS) {
    if (!SUPPORTED_INDICATORS.has(ind.id)) throw new Error(`demo data: the rate model has no model for indicator '${ind.id}'`);
  }

  const byYear: YearRates[] = [];
  const x = new Float64Array(nW);
  const wt = new Float64Array(nW);
  const xCells = new Float64Array(nW * K);
  const wCells = new Float64Array(nW * K);
  const noise = new Float64Array(nW * nC);

  years.forEach((year, yi) => {
    for (let w = 0; w < nW; w++) {
      const rng = new Rng(hashKeys(sk, wijkKeys[w]!, year, STREAM.yearNoise));
      for (let c = 0; c < nC; c++) noise[w * nC + c] = persistent[w * nC + c]! + CHANNELS[c]!.yearSd * rng.normal();
    }
    // eta(c, w) = persistent + yearly noise (without the calibrated offset)
    const eta = (c: number, w: number) => noise[w * nC + c]!;
    const fBirth = birthYearFactor(year);
    const fPop = populationFactor(year);
    const birthProbability = new Float64Array(nW);
    const births = new Float64Array(nW);
    for (let w = 0; w < nW; w++) {
      birthProbability[w] = baseBirthProbability[wijkGemeente[w]!]! * fBirth;
      births[w] = wijkChars[w]!.inhabitants * birthProbability[w]!;
    }

    // Solves the offset of a simple channel: p_w = logistic(offset + eta_w), weighted by denominators.
    const simple = (channel: ChannelId, weights: Float64Array, t: number): Float64Array => {
      const c = CH[channel];
      let total = 0;
      for (let w = 0; w < nW; w++) {
        x[w] = eta(c, w);
        total += weights[w]!;
      }
      const p = new Float64Array(nW);
      solveLogitOffset(weights, x, t * total, logit(t), p);
      return p;
    };

    // 22–23 weeks share, then preterm (among ≥ 24 weeks).
    const p22 = simple('births22to23', births, target('births22to23', yi));
    const births24 = new Float64Array(nW);
    for (let w = 0; w < nW; w++) births24[w] = births[w]! * (1 - p22[w]!);
    const pPreterm = simple('preterm', births24, target('preterm', yi));

    // SGA among term births: calibrated so that Big2 = preterm + (1 − preterm)·sgaTerm hits its target.
    let sumW = 0;
    let sumPreterm = 0;
    for (let w = 0; w < nW; w++) {
      x[w] = eta(CH.sga, w);
      wt[w] = births24[w]! * (1 - pPreterm[w]!);
      sumW += births24[w]!;
      sumPreterm += births24[w]! * pPreterm[w]!;
    }
    const sTerm = new Float64Array(nW);
    const alphaS = solveLogitOffset(wt, x, target('big2', yi) * sumW - sumPreterm, logit(target('sga', yi)), sTerm);
    let sgaTermMass = 0;
    for (let w = 0; w < nW; w++) {
      sgaTermMass += births24[w]! * (1 - pPreterm[w]!) * sTerm[w]!;
      wt[w] = births24[w]! * pPreterm[w]!;
      x[w] = alphaS + x[w]!;
    }
    // SGA among preterm: an extra log-odds γ so that overall SGA hits its target.
    const sPre = new Float64Array(nW);
    solveLogitOffset(wt, x, target('sga', yi) * sumW - sgaTermMass, 1, sPre);

    // Cells.
    const cells = new Float64Array(nW * CELL_COUNT);
    for (let w = 0; w < nW; w++) {
      for (let cell = 0; cell < CELL_COUNT; cell++) {
        const b = bandOfCell(cell);
        const bandP = b === TERM_BAND ? 1 - pPreterm[w]! : pPreterm[w]! * PRETERM_BAND_SHARES[b]!;
        const sgaP = b === TERM_BAND ? sTerm[w]! : sPre[w]!;
        cells[w * CELL_COUNT + cell] = bandP * (sgaOfCell(cell) ? sgaP : 1 - sgaP);
      }
    }

    // Stillbirth: one offset for all bands, calibrated to the stillbirth target per births ≥ 22 w.
    let birthsTotal = 0;
    for (let w = 0; w < nW; w++) {
      birthsTotal += births[w]!;
      const base = eta(CH.stillbirth, w);
      xCells[w * K] = base + STILLBIRTH_BASE_LOGIT[BAND_22_23]!;
      wCells[w * K] = births[w]! * p22[w]!;
      for (let cell = 0; cell < CELL_COUNT; cell++) {
        xCells[w * K + 1 + cell] = base + STILLBIRTH_BASE_LOGIT[bandOfCell(cell)]! + STILLBIRTH_SGA_LOG_ODDS * sgaOfCell(cell);
        wCells[w * K + 1 + cell] = births24[w]! * cells[w * CELL_COUNT + cell]!;
      }
    }
    const stillbirth = new Float64Array(nW * K);
    solveLogitOffset(wCells, xCells, target('stillbirth', yi) * birthsTotal, 0.3, stillbirth);
    let expectedStillbirths = 0;
    for (let j = 0; j < nW * K; j++) expectedStillbirths += wCells[j]! * stillbirth[j]!;
    // Early neonatal death among live births: calibrated so stillbirths + deaths hit perinatal mortality.
    for (let w = 0; w < nW; w++) {
      const base = eta(CH.neonatalDeath, w);
      xCells[w * K] = base + NEONATAL_DEATH_BASE_LOGIT[BAND_22_23]!;
      wCells[w * K] = births[w]! * p22[w]! * (1 - stillbirth[w * K]!);
      for (let cell = 0; cell < CELL_COUNT; cell++) {
        xCells[w * K + 1 + cell] = base + NEONATAL_DEATH_BASE_LOGIT[bandOfCell(cell)]! + NEONATAL_DEATH_SGA_LOG_ODDS * sgaOfCell(cell);
        wCells[w * K + 1 + cell] = births24[w]! * cells[w * CELL_COUNT + cell]! * (1 - stillbirth[w * K + 1 + cell]!);
      }
    }
    const neonatalDeath = new Float64Array(nW * K);
    solveLogitOffset(wCells, xCells, target('perinatal_mortality', yi) * birthsTotal - expectedStillbirths, 0.4, neonatalDeath);

    // Low birth weight: one weight shift per year so that the national share among live births ≥ 24 w hits its target.
    const liveByCell = new Float64Array(CELL_COUNT);
    const live24 = new Float64Array(nW);
    for (let w = 0; w < nW; w++) {
      let share = 0;
      for (let cell = 0; cell < CELL_COUNT; cell++) {
        const live = cells[w * CELL_COUNT + cell]! * (1 - stillbirth[w * K + 1 + cell]!);
        liveByCell[cell] = liveByCell[cell]! + births24[w]! * live;
        share += live;
      }
      live24[w] = births24[w]! * share;
    }
    const birthWeightShift = solveBirthWeightShift(liveByCell, target('low_birth_weight', yi));
    const lowBirthWeight = new Float64Array(CELL_COUNT);
    for (let cell = 0; cell < CELL_COUNT; cell++) lowBirthWeight[cell] = lowBirthWeightProbability(bandOfCell(cell), sgaOfCell(cell), birthWeightShift);

    // Fixed denominators.
    const households = new Float64Array(nW);
    const householdsWithChildren = new Float64Array(nW);
    const inhabitants18to64 = new Float64Array(nW);
    const children0to2 = new Float64Array(nW);
    const fBirthPrev = birthYearFactor(year - 1);
    for (let w = 0; w < nW; w++) {
      households[w] = Math.round(households2024[w]! * fPop);
      householdsWithChildren[w] = Math.round(households2024[w]! * fPop * shareWithChildren[w]!);
      inhabitants18to64[w] = Math.round(wijkChars[w]!.inhabitants * fPop * share18to64[w]!);
      children0to2[w] = Math.round((births[w]! / fBirth) * (fBirth + fBirthPrev));
    }

    byYear.push({
      year,
      birthWeightShift,
      lowBirthWeight,
      birthProbability,
      expectedBirths: births,
      share22to23: p22,
      sgaGivenPreterm: sPre,
      cells,
      stillbirth,
      neonatalDeath,
      teenageMother: simple('teenage_mothers', births24, target('teenage_mothers', yi)),
      lateFirstContact: simple('late_antenatal_care', births24, target('late_antenatal_care', yi)),
      smoking: simple('smoking_in_pregnancy', births24, target('smoking_in_pregnancy', yi)),
      noMaternityCare: simple('no_maternity_care', live24, target('no_maternity_care', yi)),
      problemDebts: simple('problem_debts', births24, target('problem_debts', yi)),
      childProtection: simple('child_protection_0_2', children0to2, target('child_protection_0_2', yi)),
      lowIncome: simple('low_income_households', households, target('low_income_households', yi)),
      singleParent: simple('single_parent_households', householdsWithChildren, target('single_parent_households', yi)),
      socialAssistance: simple('social_assistance', inhabitants18to64, target('social_assistance', yi)),
      households,
      householdsWithChildren,
      inhabitants18to64,
      children0to2,
    });
  });

  return { seed, seedKey: sk, years, wijken, byYear, targets };
}

function solveBirthWeightShift(liveByCell: Float64Array, t: number): number {
  const total = liveByCell.reduce((s, v) => s + v, 0);
  const share = (shift: number) => {
    let sum = 0;
    for (let cell = 0; cell < CELL_COUNT; cell++) sum += liveByCell[cell]! * lowBirthWeightProbability(bandOfCell(cell), sgaOfCell(cell), shift);
    return sum / total;
  };
  // The share falls as the shift rises.
  let lo = -3;
  let hi = 3;
  if (!(share(lo) > t && share(hi) < t)) throw new RangeError(`demo data: low-birth-weight target ${t} cannot be reached by the weight model`);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (share(mid) > t) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ---- Expected values per indicator (used by the tests and the docs) ----

/** The indicators the model generates, in the order of a wijk-year's counts array. */
export const DEMO_INDICATORS = [
  'big2',
  'preterm',
  'sga',
  'low_birth_weight',
  'perinatal_mortality',
  'teenage_mothers',
  'late_antenatal_care',
  'smoking_in_pregnancy',
  'no_maternity_care',
  'child_protection_0_2',
  'low_income_households',
  'single_parent_households',
  'social_assistance',
  'problem_debts',
] as const;

export const SUPPORTED_INDICATORS: ReadonlySet<string> = new Set(DEMO_INDICATORS);

/** Expected stillbirths per birth from 22 weeks. */
export function expectedStillbirthRate(r: WijkYearRates): number {
  let sb24 = 0;
  for (let cell = 0; cell < CELL_COUNT; cell++) sb24 += r.cells[cell]! * r.stillbirth[1 + cell]!;
  return r.share22to23 * r.stillbirth[0]! + (1 - r.share22to23) * sb24;
}

/** Expected denominator and rate (as a probability) of an indicator for one wijk-year. */
export function expectedIndicator(r: WijkYearRates, indicatorId: string): { denominator: number; rate: number } {
  const births24 = r.expectedBirths * (1 - r.share22to23);
  const sumCells = (f: (cell: number) => number) => {
    let s = 0;
    for (let cell = 0; cell < CELL_COUNT; cell++) s += f(cell);
    return s;
  };
  switch (indicatorId) {
    case 'big2':
      return { denominator: births24, rate: sumCells((c) => (bandOfCell(c) !== TERM_BAND || sgaOfCell(c) ? r.cells[c]! : 0)) };
    case 'preterm':
      return { denominator: births24, rate: sumCells((c) => (bandOfCell(c) !== TERM_BAND ? r.cells[c]! : 0)) };
    case 'sga':
      return { denominator: births24, rate: sumCells((c) => (sgaOfCell(c) ? r.cells[c]! : 0)) };
    case 'low_birth_weight': {
      const live = sumCells((c) => r.cells[c]! * (1 - r.stillbirth[1 + c]!));
      const lbw = sumCells((c) => r.cells[c]! * (1 - r.stillbirth[1 + c]!) * r.lowBirthWeight[c]!);
      return { denominator: births24 * live, rate: lbw / live };
    }
    case 'perinatal_mortality': {
      const s = r.stillbirth;
      const n = r.neonatalDeath;
      const rate =
        r.share22to23 * (s[0]! + (1 - s[0]!) * n[0]!) + (1 - r.share22to23) * sumCells((c) => r.cells[c]! * (s[1 + c]! + (1 - s[1 + c]!) * n[1 + c]!));
      return { denominator: r.expectedBirths, rate };
    }
    case 'teenage_mothers':
      return { denominator: births24, rate: r.teenageMother };
    case 'late_antenatal_care':
      return { denominator: births24 * (1 - SHARE_FIRST_CONTACT_UNKNOWN), rate: r.lateFirstContact };
    case 'smoking_in_pregnancy':
      return { denominator: births24 * (1 - SHARE_SMOKING_UNKNOWN), rate: r.smoking };
    case 'no_maternity_care':
      // live births from 24 weeks (as the birth-file importer counts them)
      return { denominator: births24 * sumCells((c) => r.cells[c]! * (1 - r.stillbirth[1 + c]!)), rate: r.noMaternityCare };
    case 'problem_debts':
      return { denominator: births24, rate: r.problemDebts };
    case 'child_protection_0_2':
      return { denominator: r.children0to2, rate: r.childProtection };
    case 'low_income_households':
      return { denominator: r.households, rate: r.lowIncome };
    case 'single_parent_households':
      return { denominator: r.householdsWithChildren, rate: r.singleParent };
    case 'social_assistance':
      return { denominator: r.inhabitants18to64, rate: r.socialAssistance };
    default:
      throw new Error(`demo data: no model for indicator '${indicatorId}'`);
  }
}

/** The denominator-weighted national expected rate (a probability) of an indicator in a year. */
export function nationalExpectedRate(model: RateModel, indicatorId: string, year: number): number {
  const yi = model.years.indexOf(year);
  if (yi < 0) throw new RangeError(`year ${year} is not in the model`);
  let num = 0;
  let den = 0;
  for (let wi = 0; wi < model.wijken.length; wi++) {
    const r = wijkYearRates(model, yi, wi);
    if (indicatorId === 'stillbirth') {
      num += r.expectedBirths * expectedStillbirthRate(r);
      den += r.expectedBirths;
      continue;
    }
    const e = expectedIndicator(r, indicatorId);
    num += e.denominator * e.rate;
    den += e.denominator;
  }
  return num / den;
}

/**
 * Births (from 22 weeks) of a wijk in a year: one seeded Binomial(inhabitants, p) draw shared by
 * the counts and the birth file. `scale` multiplies p (a birth file of a chosen size).
 */
export function drawBirths(model: RateModel, yearIndex: number, wijkIndex: number, scale = 1): number {
  const wijk = model.wijken[wijkIndex]!;
  const p = Math.min(1, model.byYear[yearIndex]!.birthProbability[wijkIndex]! * scale);
  const rng = new Rng(hashKeys(model.seedKey, wijk.key, model.years[yearIndex]!, STREAM.births));
  return rng.binomial(wijk.inhabitants, p);
}
