// The birth-level structure shared by the rate model, the demo counts and the birth file:
// gestational-age bands, the joint preterm × SGA cells, and the internal birth-weight model.
//
// The real Hoftiezer birth-weight curves are not available offline. The generator therefore
// DECIDES SGA from the rate model and then draws a weight on the matching side of the p10 of an
// internal, approximate reference curve (median and log-SD by gestational age and sex, below).
// The weights look plausible; they are not the Hoftiezer curves and must not be used as such.

import { normalCdf } from '../../platform/random.ts';

/** Gestational age in days. */
export const GA_MIN_DAYS = 154; // 22+0 weeks
export const GA_MAX_DAYS = 300; // 42+6 weeks
export const GA_24_WEEKS_DAYS = 168;
/** Preterm = gestational age below this (37+0 weeks = 259 days). */
export const TERM_DAYS = 259;
export const LOW_BIRTH_WEIGHT_G = 2500;
/** Late start of antenatal care: first contact after this gestational day (RIVM). */
export const LATE_FIRST_CONTACT_DAY = 70;
export const SHARE_BOYS = 0.513;

export interface GestationBand {
  id: string;
  fromDay: number;
  toDay: number;
  preterm: boolean;
  /** Relative frequency of each day in the band (sums to 1). */
  dayProbabilities: Float64Array;
  /** Cumulative of dayProbabilities, for sampling. */
  dayCumulative: Float64Array;
}

function band(id: string, fromDay: number, toDay: number, weight: (day: number) => number): GestationBand {
  const n = toDay - fromDay + 1;
  const p = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += p[i] = weight(fromDay + i);
  const cumulative = new Float64Array(n);
  let running = 0;
  for (let i = 0; i < n; i++) {
    p[i] = p[i]! / total;
    running += p[i]!;
    cumulative[i] = running;
  }
  cumulative[n - 1] = 1;
  return { id, fromDay, toDay, preterm: fromDay < TERM_DAYS, dayProbabilities: p, dayCumulative: cumulative };
}

/** Term births by completed week 37…42 (percent), uniform within a week: peak at 40 weeks. */
const TERM_WEEK_WEIGHTS = [6, 15, 26, 31, 20, 2] as const;

/**
 * Band 0 is 22–23 weeks (counted only in perinatal mortality); bands 1–4 are preterm from 24
 * weeks, band 5 is term. Within a band the distribution of days is fixed (not area-specific).
 */
export const GESTATION_BANDS: readonly GestationBand[] = [
  band('22-23w', 154, 167, () => 1),
  band('24-25w', 168, 181, () => 1),
  band('26-27w', 182, 195, () => 1),
  band('28-31w', 196, 223, (d) => Math.exp(0.03 * (d - 196))),
  band('32-36w', 224, 258, (d) => Math.exp(0.055 * (d - 224))),
  band('37-42w', 259, 300, (d) => TERM_WEEK_WEIGHTS[Math.min(5, Math.floor((d - 259) / 7))]!),
];
export const BAND_22_23 = 0;
export const TERM_BAND = 5;

/**
 * Share of each preterm band (1–4) among preterm births from 24 weeks. From the national
 * figures (2021): < 26 weeks 0.15 % and 32–36 weeks 5.6 % of 6.6 % preterm; 26–27 and 28–31
 * weeks split the rest (assumed).
 */
export const PRETERM_BAND_SHARES: readonly number[] = [0, 0.0227, 0.025, 0.1053, 0.847];

/**
 * The ten birth cells from 24 weeks: band 1…5 × SGA (0/1); cell = (band − 1) · 2 + sga.
 * Perinatal-mortality arrays have one more entry in front: index 0 = 22–23 weeks.
 */
export const CELL_COUNT = 10;
export function cellOf(bandIndex: number, sga: number): number {
  return (bandIndex - 1) * 2 + sga;
}
export function bandOfCell(cell: number): number {
  return (cell >> 1) + 1;
}
export function sgaOfCell(cell: number): number {
  return cell & 1;
}

// ---- Internal birth-weight reference (approximate; NOT the Hoftiezer curves) ----

/** Median birth weight (g) at completed weeks 22…43, both sexes. */
const MEDIAN_BY_WEEK = [480, 560, 650, 760, 880, 1000, 1130, 1280, 1450, 1630, 1830, 2050, 2280, 2500, 2730, 2960, 3180, 3380, 3520, 3630, 3700, 3740] as const;
const SEX_FACTOR_BOY = 1.018;
const SEX_FACTOR_GIRL = 0.982;
/** z of the 10th percentile. */
export const Z_P10 = -1.2815515655446004;
/** Weights are drawn with z in [Z_MIN, Z_MAX] around the reference (no absurd tails). */
export const Z_MIN = -4;
export const Z_MAX = 3.5;
export const MIN_WEIGHT_G = 300;

const LOG_MEDIAN_BY_DAY = new Float64Array(GA_MAX_DAYS + 1);
const LOG_SD_BY_DAY = new Float64Array(GA_MAX_DAYS + 1);
for (let d = GA_MIN_DAYS; d <= GA_MAX_DAYS; d++) {
  const week = Math.floor(d / 7);
  const frac = (d - week * 7) / 7;
  const lo = Math.log(MEDIAN_BY_WEEK[week - 22]!);
  const hi = Math.log(MEDIAN_BY_WEEK[Math.min(week - 21, MEDIAN_BY_WEEK.length - 1)]!);
  LOG_MEDIAN_BY_DAY[d] = lo + (hi - lo) * frac;
  // log-SD 0.15 before 32 weeks, 0.13 from 37 weeks, linear in between
  LOG_SD_BY_DAY[d] = d < 224 ? 0.15 : d >= 259 ? 0.13 : 0.15 - (0.02 * (d - 224)) / 35;
}

export function medianBirthWeight(gaDays: number, boy: boolean): number {
  return Math.exp(LOG_MEDIAN_BY_DAY[gaDays]!) * (boy ? SEX_FACTOR_BOY : SEX_FACTOR_GIRL);
}
export function birthWeightLogSd(gaDays: number): number {
  return LOG_SD_BY_DAY[gaDays]!;
}
/** The internal p10 the generator uses to decide on which side an SGA / non-SGA weight falls. */
export function birthWeightP10(gaDays: number, boy: boolean): number {
  return medianBirthWeight(gaDays, boy) * Math.exp(LOG_SD_BY_DAY[gaDays]! * Z_P10);
}

/** Per band × SGA: the weight of each (day, sex) and its z cut-off for a rounded weight < 2500 g. */
const LBW_TERMS: readonly { weight: Float64Array; zCut: Float64Array }[][] = GESTATION_BANDS.map((b) => {
  const n = b.dayProbabilities.length * 2;
  const weight = new Float64Array(n);
  const zCut = new Float64Array(n);
  for (let i = 0; i < b.dayProbabilities.length; i++) {
    const d = b.fromDay + i;
    for (let s = 0; s < 2; s++) {
      const boy = s === 0;
      weight[2 * i + s] = b.dayProbabilities[i]! * (boy ? SHARE_BOYS : 1 - SHARE_BOYS);
      // rounded weight < 2500 ⇔ weight < 2499.5
      zCut[2 * i + s] = Math.log((LOW_BIRTH_WEIGHT_G - 0.5) / medianBirthWeight(d, boy)) / LOG_SD_BY_DAY[d]!;
    }
  }
  return [{ weight, zCut }, { weight, zCut }];
});

/**
 * Birth weights are log-normal around the reference: w = median · exp(sd · z), with
 * z ~ N(shift, 1) truncated to [Z_MIN, Z_P10) for SGA births and [Z_P10, Z_MAX] otherwise.
 * `shift` (per year) calibrates the share of low birth weight without touching SGA.
 * Returns P(rounded weight < 2500 g | band, sga) for one year's shift.
 */
export function lowBirthWeightProbability(bandIndex: number, sga: number, shift: number): number {
  const terms = LBW_TERMS[bandIndex]![sga]!;
  const lo = sga ? Z_MIN : Z_P10;
  const hi = sga ? Z_P10 : Z_MAX;
  const cLo = normalCdf(lo - shift);
  const mass = normalCdf(hi - shift) - cLo;
  let total = 0;
  for (let i = 0; i < terms.weight.length; i++) {
    const zc = terms.zCut[i]!;
    total += terms.weight[i]! * (zc <= lo ? 0 : zc >= hi ? 1 : (normalCdf(zc - shift) - cLo) / mass);
  }
  return Math.min(1, Math.max(0, total)); // the day weights sum to 1 only up to rounding
}
