// A SYNTHETIC birth-level CSV (one row per birth, as a Perined extract would give), drawn from
// the same rate model as the demo counts. Used to demonstrate and benchmark the birth-file
// import. Written as a stream in ~64 kB chunks with backpressure.
//
// SGA: the real Hoftiezer curves are not available offline, so the generator decides SGA from
// the rate model and then draws a birth weight on the matching side of the p10 of an internal,
// approximate reference curve (see perinatal.ts). The `sga` column is the one to use.

import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import {
  BAND_22_23,
  CELL_COUNT,
  GESTATION_BANDS,
  LATE_FIRST_CONTACT_DAY,
  MIN_WEIGHT_G,
  SHARE_BOYS,
  Z_MAX,
  Z_MIN,
  Z_P10,
  bandOfCell,
  birthWeightLogSd,
  birthWeightP10,
  medianBirthWeight,
  sgaOfCell,
} from './perinatal.ts';
import { Rng, hashKeys, normalCdf, normalQuantile } from '../../platform/random.ts';
import {
  SHARE_FIRST_CONTACT_UNKNOWN,
  SHARE_SMOKING_UNKNOWN,
  STREAM,
  buildRateModel,
  drawBirths,
  wijkYearRates,
  type RateModel,
} from './rate-model.ts';

export const BIRTH_FILE_HEADER =
  'area_code,year,gestational_age_days,birth_weight_g,sex,stillbirth,death_within_7_days,mother_age,sga,first_contact_day,smoking,maternity_care';

export interface BirthFileOptions {
  seed?: number;
  years?: number[];
  /** Called after each chunk written, with the number of rows so far (and once at the end). */
  onProgress?: (rows: number) => void;
  /**
   * Scale the number of births so the file has about this many rows (e.g. for a benchmark).
   * Without it, the births per wijk-year are exactly the births of the demo counts.
   */
  targetRows?: number;
}

const CHUNK_CHARS = 64 * 1024;
/** Mothers under 20: ages 15…19 with these relative weights. */
const TEEN_AGE_CUMULATIVE = [0.05, 0.15, 0.35, 0.63, 1] as const;
const MOTHER_AGE_MEAN = 31.3;
const MOTHER_AGE_SD = 4.8;
/** First contact: on time ≈ N(56, 7) days within [28, 70]; late = 71 + Exp(mean 24) days, before the birth. */
const ON_TIME_CONTACT_MEAN = 56;
const ON_TIME_CONTACT_SD = 7;
const LATE_CONTACT_EXTRA_MEAN = 24;

export async function writeBirthFile(path: string, options: BirthFileOptions = {}): Promise<{ rows: number }> {
  const model = buildRateModel({ seed: options.seed, years: options.years });
  let scale = 1;
  if (options.targetRows !== undefined) {
    if (!(Number.isFinite(options.targetRows) && options.targetRows >= 0)) throw new RangeError(`targetRows must be a number ≥ 0, got ${options.targetRows}`);
    let expected = 0;
    for (const y of model.byYear) for (const b of y.expectedBirths) expected += b;
    scale = options.targetRows / expected;
  }

  const stream = createWriteStream(path, { highWaterMark: CHUNK_CHARS });
  let streamError: unknown = null;
  stream.on('error', (error) => {
    streamError ??= error;
  });
  let rows = 0;
  try {
    let chunk = BIRTH_FILE_HEADER + '\n';
    for (let yi = 0; yi < model.years.length; yi++) {
      for (let wi = 0; wi < model.wijken.length; wi++) {
        const births = scale === 1 ? drawBirths(model, yi, wi) : drawBirths(model, yi, wi, scale);
        if (births === 0) continue;
        const writer = new WijkYearBirths(model, yi, wi);
        for (let b = 0; b < births; b++) {
          chunk += writer.next();
          if (chunk.length >= CHUNK_CHARS) {
            rows += writer.flushCount();
            if (streamError) throw streamError;
            if (!stream.write(chunk)) await once(stream, 'drain');
            chunk = '';
            options.onProgress?.(rows);
          }
        }
        rows += writer.flushCount();
      }
    }
    if (streamError) throw streamError;
    stream.end(chunk);
    await finished(stream);
  } catch (error) {
    stream.destroy();
    await rm(path, { force: true }).catch(() => {});
    throw error;
  }
  options.onProgress?.(rows);
  return { rows };
}

/** Draws the births of one wijk in one year, one CSV line at a time. */
class WijkYearBirths {
  private readonly rng: Rng;
  private readonly prefix: string;
  /** Cumulative probabilities of the 11 categories: 0 = 22–23 weeks, 1 + cell. */
  private readonly cumulative = new Float64Array(CELL_COUNT + 1);
  private readonly stillbirth: Float64Array;
  private readonly neonatalDeath: Float64Array;
  private readonly sgaGivenPreterm: number;
  private readonly teen: number;
  private readonly late: number;
  private readonly smoking: number;
  private readonly noCare: number;
  private readonly shift: number;
  private readonly cdfMin: number;
  private readonly cdfP10: number;
  private readonly cdfMax: number;
  private pending = 0;

  constructor(model: RateModel, yearIndex: number, wijkIndex: number) {
    const r = wijkYearRates(model, yearIndex, wijkIndex);
    const wijk = model.wijken[wijkIndex]!;
    const year = model.years[yearIndex]!;
    this.rng = new Rng(hashKeys(model.seedKey, wijk.key, year, STREAM.birthFile));
    this.prefix = `${wijk.code},${year},`;
    let running = r.share22to23;
    this.cumulative[0] = running;
    for (let cell = 0; cell < CELL_COUNT; cell++) {
      running += (1 - r.share22to23) * r.cells[cell]!;
      this.cumulative[1 + cell] = running;
    }
    this.cumulative[CELL_COUNT] = 1;
    this.stillbirth = r.stillbirth;
    this.neonatalDeath = r.neonatalDeath;
    this.sgaGivenPreterm = r.sgaGivenPreterm;
    this.teen = r.teenageMother;
    this.late = r.lateFirstContact;
    this.smoking = r.smoking;
    this.noCare = r.noMaternityCare;
    this.shift = r.birthWeightShift;
    this.cdfMin = normalCdf(Z_MIN - this.shift);
    this.cdfP10 = normalCdf(Z_P10 - this.shift);
    this.cdfMax = normalCdf(Z_MAX - this.shift);
  }

  /** Rows drawn since the last call. */
  flushCount(): number {
    const n = this.pending;
    this.pending = 0;
    return n;
  }

  next(): string {
    const rng = this.rng;
    this.pending++;

    // Category: 22–23 weeks or one of the ten band × SGA cells.
    const u = rng.uniform();
    let k = 0;
    while (k < CELL_COUNT && u >= this.cumulative[k]!) k++;
    const band = k === 0 ? BAND_22_23 : bandOfCell(k - 1);
    const sga = k === 0 ? (rng.uniform() < this.sgaGivenPreterm ? 1 : 0) : sgaOfCell(k - 1);

    // Gestational age (day within the band).
    const b = GESTATION_BANDS[band]!;
    const ud = rng.uniform();
    const cum = b.dayCumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ud < cum[mid]!) hi = mid;
      else lo = mid + 1;
    }
    const ga = b.fromDay + lo;

    const boy = rng.uniform() < SHARE_BOYS;
    const still = rng.uniform() < this.stillbirth[k]! ? 1 : 0;
    const death = still === 0 && rng.uniform() < this.neonatalDeath[k]! ? 1 : 0;

    // Birth weight on the decided side of the internal p10.
    const a = sga ? this.cdfMin : this.cdfP10;
    const c = sga ? this.cdfP10 : this.cdfMax;
    const z = this.shift + normalQuantile(a + rng.uniform() * (c - a));
    let weight = Math.round(medianBirthWeight(ga, boy) * Math.exp(birthWeightLogSd(ga) * z));
    const p10 = birthWeightP10(ga, boy);
    if (sga && weight >= p10) weight = Math.ceil(p10) - 1;
    else if (!sga && weight < p10) weight = Math.ceil(p10);
    if (weight < MIN_WEIGHT_G) weight = MIN_WEIGHT_G;

    // Mother's age.
    let age: number;
    if (rng.uniform() < this.teen) {
      const ua = rng.uniform();
      let i = 0;
      while (ua >= TEEN_AGE_CUMULATIVE[i]!) i++;
      age = 15 + i;
    } else {
      do age = Math.round(MOTHER_AGE_MEAN + MOTHER_AGE_SD * rng.normal());
      while (age < 20 || age > 50);
    }

    // First antenatal contact (gestational day), empty when unknown.
    let contact = '';
    if (rng.uniform() >= SHARE_FIRST_CONTACT_UNKNOWN) {
      if (rng.uniform() < this.late) {
        const day = LATE_FIRST_CONTACT_DAY + 1 + Math.floor(-Math.log(rng.uniform()) * LATE_CONTACT_EXTRA_MEAN);
        contact = String(Math.min(day, ga - 1));
      } else {
        const day = Math.round(ON_TIME_CONTACT_MEAN + ON_TIME_CONTACT_SD * rng.normal());
        contact = String(day < 28 ? 28 : day > LATE_FIRST_CONTACT_DAY ? LATE_FIRST_CONTACT_DAY : day);
      }
    }
    const smoking = rng.uniform() < SHARE_SMOKING_UNKNOWN ? '' : rng.uniform() < this.smoking ? '1' : '0';
    const care = still ? '' : rng.uniform() < this.noCare ? '0' : '1';

    return `${this.prefix}${ga},${weight},${boy ? 'm' : 'f'},${still},${death},${age},${sga},${contact},${smoking},${care}\n`;
  }
}
