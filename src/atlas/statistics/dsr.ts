// Directly standardised rates with Dobson et al. (1991) confidence limits, as in
// PHEindicatormethods calculate_dsr (v2.1.0).
//
// For age bands i with local counts x_i, local populations n_i and standard populations w_i:
//   DSR = Σ(x_i·w_i/n_i) / Σw_i,   var = Σ(x_i·(w_i/n_i)²) / (Σw_i)²,   O = Σx_i
//   limits = DSR + √(var/O) · (O_L − O)  and  DSR + √(var/O) · (O_U − O)
// with O_L, O_U Byar's limits of O. A total count below 10 suppresses value and limits.
// A missing count (NaN) counts as 0.

import { zForConfidence } from './distributions.ts';
import { byarsLowerZ, byarsUpperZ } from './rate.ts';
import { type Estimate, type EstimateOptions, missingEstimate } from './types.ts';

/** European Standard Population 2013, 19 bands 0–4, 5–9, …, 85–89, 90+. */
export const ESP2013: readonly number[] = Object.freeze([
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
]);

/** DSRs are not published for a total count below this. */
export const DSR_MIN_COUNT = 10;

export interface DsrEstimate extends Estimate {
  /** Total observed count O (for non-independent events: Σ f·O_f). */
  totalCount: number;
  /** Total local population. */
  totalPopulation: number;
}

interface DsrParts {
  dsr: number; // per 1 (not multiplied)
  variance: number; // per 1²
  observed: number;
  population: number;
  valid: boolean;
}

function dsrParts(
  counts: readonly number[],
  populations: readonly number[],
  standard: readonly number[],
  include: (i: number) => boolean,
): DsrParts {
  let weighted = 0;
  let squared = 0;
  let sumStandard = 0;
  let observed = 0;
  let population = 0;
  let valid = counts.length === populations.length && counts.length === standard.length;
  for (let i = 0; i < counts.length && valid; i++) {
    if (!include(i)) continue;
    const raw = counts[i]!;
    const x = Number.isNaN(raw) ? 0 : raw;
    const n = populations[i]!;
    const w = standard[i]!;
    if (!(x >= 0) || !(n > 0) || !(w >= 0)) {
      valid = false;
      break;
    }
    const ratio = w / n;
    weighted += x * ratio;
    squared += x * ratio * ratio;
    sumStandard += w;
    observed += x;
    population += n;
  }
  return {
    dsr: weighted / sumStandard,
    variance: squared / (sumStandard * sumStandard),
    observed,
    population,
    valid: valid && sumStandard > 0,
  };
}

function dobson(dsr: number, variance: number, observed: number, population: number, opts?: EstimateOptions): DsrEstimate {
  const confidence = opts?.confidence ?? 0.95;
  const multiplier = opts?.multiplier ?? 100000;
  if (observed < DSR_MIN_COUNT) {
    return { value: null, lower: null, upper: null, totalCount: observed, totalPopulation: population };
  }
  const z = zForConfidence(confidence);
  const value = dsr * multiplier;
  const spread = Math.sqrt(variance / observed);
  const lowerCount = byarsLowerZ(observed, z);
  return {
    value,
    lower: Number.isNaN(lowerCount) ? null : value + spread * (lowerCount - observed) * multiplier,
    upper: value + spread * (byarsUpperZ(observed, z) - observed) * multiplier,
    totalCount: observed,
    totalPopulation: population,
  };
}

/**
 * Directly standardised rate over age bands (arrays in the same band order).
 * Default multiplier 100000 (PHE's default), confidence 0.95. Total count < 10 → value
 * and limits null. Invalid input (negative count, population ≤ 0, unequal lengths) → nulls.
 */
export function dsrEstimate(
  counts: readonly number[],
  populations: readonly number[],
  standardPopulations: readonly number[] = ESP2013,
  opts?: EstimateOptions,
): DsrEstimate {
  const parts = dsrParts(counts, populations, standardPopulations, () => true);
  if (!parts.valid) return { ...missingEstimate(), totalCount: parts.observed, totalPopulation: parts.population };
  return dobson(parts.dsr, parts.variance, parts.observed, parts.population, opts);
}

/**
 * DSR for non-independent events (one person can have several events;
 * PHEindicatormethods independent_events = FALSE). Each input row holds, for one age band,
 * the number of persons who had `eventFrequencies[i]` events. The persons are split by
 * event frequency f; with DSR_f, var_f, O_f computed per frequency group:
 *   DSR = Σ f·DSR_f,  var = Σ f²·var_f,  O = Σ f·O_f
 * and the Dobson limits use these totals. Population totals count each band once.
 */
export function dsrEstimateNonIndependent(
  counts: readonly number[],
  populations: readonly number[],
  standardPopulations: readonly number[],
  eventFrequencies: readonly number[],
  opts?: EstimateOptions,
): DsrEstimate {
  if (eventFrequencies.length !== counts.length) {
    return { ...missingEstimate(), totalCount: Number.NaN, totalPopulation: Number.NaN };
  }
  const frequencies = [...new Set(eventFrequencies)];
  let dsr = 0;
  let variance = 0;
  let observed = 0;
  let valid = true;
  for (const f of frequencies) {
    if (!(f > 0)) {
      valid = false;
      break;
    }
    const parts = dsrParts(counts, populations, standardPopulations, (i) => eventFrequencies[i] === f);
    if (!parts.valid) {
      valid = false;
      break;
    }
    dsr += f * parts.dsr;
    variance += f * f * parts.variance;
    observed += f * parts.observed;
  }
  // Each band appears once per frequency group; its population is counted once.
  const firstFrequency = frequencies[0];
  let population = 0;
  for (let i = 0; i < populations.length; i++) if (eventFrequencies[i] === firstFrequency) population += populations[i]!;
  if (!valid) return { ...missingEstimate(), totalCount: observed, totalPopulation: population };
  return dobson(dsr, variance, observed, population, opts);
}
