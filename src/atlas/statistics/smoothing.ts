// Small-area smoothing of rates: empirical Bayes (Marshall 1991, method of moments) and
// spatial rates, as in PySAL esda.smoothing (Empirical_Bayes, Spatial_Empirical_Bayes,
// Spatial_Rate, Excess_Risk).
//
// Global EB: m = ΣO/Σn, r_i = O_i/n_i, s² = Σn_i(r_i − m)²/Σn − m/n̄ (n̄ = mean n),
//   C_i = s² / (s² + m/n_i), EB_i = m + C_i·(r_i − m).
// Local (spatial) EB: the same with m_i, s²_i and n̄_i computed over area i and its
//   neighbours.
// s² is floored at 0, as Marshall prescribes (esda floors only the local variant; a
// negative global s² would give negative weights). Where s² = 0 every area gets the prior
// mean. Results are on the proportion scale (0–1).
//
// Areas whose numerator or denominator is missing (NaN) or invalid (negative) take no part
// in any estimate and get NaN. An area with denominator 0 has no rate of its own; it takes
// no part in the estimates and gets the (local) prior mean.

function isUsable(o: number, n: number): boolean {
  return o >= 0 && n >= 0 && Number.isFinite(o) && Number.isFinite(n);
}

function shrink(rate: number, n: number, mean: number, variance: number): number {
  if (n === 0) return mean;
  if (!(variance > 0)) return mean;
  const weight = variance / (variance + mean / n);
  return mean + weight * (rate - mean);
}

/** Global empirical Bayes smoothed rates (0–1 scale). */
export function empiricalBayesGlobal(numerators: readonly number[], denominators: readonly number[]): number[] {
  const count = numerators.length;
  let sumO = 0;
  let sumN = 0;
  let areas = 0;
  for (let i = 0; i < count; i++) {
    const o = numerators[i]!;
    const n = denominators[i]!;
    if (!isUsable(o, n) || n === 0) continue;
    sumO += o;
    sumN += n;
    areas++;
  }
  const out = new Array<number>(count).fill(Number.NaN);
  if (areas === 0 || sumN === 0) return out;
  const mean = sumO / sumN;
  let spread = 0;
  for (let i = 0; i < count; i++) {
    const o = numerators[i]!;
    const n = denominators[i]!;
    if (!isUsable(o, n) || n === 0) continue;
    spread += n * (o / n - mean) ** 2;
  }
  const variance = Math.max(0, spread / sumN - mean / (sumN / areas));
  for (let i = 0; i < count; i++) {
    const o = numerators[i]!;
    const n = denominators[i]!;
    if (!isUsable(o, n)) continue;
    out[i] = shrink(n === 0 ? 0 : o / n, n, mean, variance);
  }
  return out;
}

/**
 * Local (spatial) empirical Bayes smoothed rates (0–1 scale). `neighbours[i]` lists the
 * indices of area i's neighbours (not i itself; duplicates and i are ignored). Each area is
 * shrunk towards the rate of itself plus its neighbours, with the between-area variance of
 * that neighbourhood (floored at 0).
 */
export function empiricalBayesLocal(
  numerators: readonly number[],
  denominators: readonly number[],
  neighbours: readonly (readonly number[])[],
): number[] {
  const count = numerators.length;
  const out = new Array<number>(count).fill(Number.NaN);
  const seen = new Int32Array(count).fill(-1);
  const members: number[] = [];
  for (let i = 0; i < count; i++) {
    const oi = numerators[i]!;
    const ni = denominators[i]!;
    if (!isUsable(oi, ni)) continue;
    // The neighbourhood: i plus its distinct usable neighbours with a population.
    members.length = 0;
    seen[i] = i;
    if (ni > 0) members.push(i);
    for (const j of neighbours[i] ?? []) {
      if (j < 0 || j >= count || seen[j] === i) continue;
      seen[j] = i;
      const oj = numerators[j]!;
      const nj = denominators[j]!;
      if (isUsable(oj, nj) && nj > 0) members.push(j);
    }
    out[i] = smoothInGroup(i, members, numerators, denominators);
  }
  return out;
}

function smoothInGroup(
  i: number,
  members: readonly number[],
  numerators: readonly number[],
  denominators: readonly number[],
): number {
  if (members.length === 0) return Number.NaN;
  let sumO = 0;
  let sumN = 0;
  for (const j of members) {
    sumO += numerators[j]!;
    sumN += denominators[j]!;
  }
  const mean = sumO / sumN;
  let spread = 0;
  for (const j of members) {
    const n = denominators[j]!;
    spread += n * (numerators[j]! / n - mean) ** 2;
  }
  const variance = Math.max(0, spread / sumN - mean / (sumN / members.length));
  const n = denominators[i]!;
  return shrink(n === 0 ? 0 : numerators[i]! / n, n, mean, variance);
}

/**
 * "Parent-based" local empirical Bayes: the neighbourhood of an area is every area with the
 * same parent key (e.g. the wijken of one gemeente), the area itself included. This is
 * empiricalBayesLocal with neighbours = the other members of the parent, but computed per
 * parent in linear time: all members share one prior (the parent's pooled rate and
 * between-area variance, floored at 0). Use it where contiguity is unknown or where
 * borrowing strength across a municipal border is unwanted.
 */
export function empiricalBayesByParent(
  numerators: readonly number[],
  denominators: readonly number[],
  parentKeys: readonly string[],
): number[] {
  const count = numerators.length;
  const out = new Array<number>(count).fill(Number.NaN);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const key = parentKeys[i]!;
    let list = groups.get(key);
    if (!list) {
      list = [];
      groups.set(key, list);
    }
    list.push(i);
  }
  for (const list of groups.values()) {
    const members = list.filter((j) => isUsable(numerators[j]!, denominators[j]!) && denominators[j]! > 0);
    if (members.length === 0) continue;
    let sumO = 0;
    let sumN = 0;
    for (const j of members) {
      sumO += numerators[j]!;
      sumN += denominators[j]!;
    }
    const mean = sumO / sumN;
    let spread = 0;
    for (const j of members) {
      const n = denominators[j]!;
      spread += n * (numerators[j]! / n - mean) ** 2;
    }
    const variance = Math.max(0, spread / sumN - mean / (sumN / members.length));
    for (const j of list) {
      const o = numerators[j]!;
      const n = denominators[j]!;
      if (!isUsable(o, n)) continue;
      out[j] = shrink(n === 0 ? 0 : o / n, n, mean, variance);
    }
  }
  return out;
}

/**
 * Spatial rate (esda Spatial_Rate): (O_i + ΣO_j) / (n_i + Σn_j) over i's neighbours j.
 * Areas with missing or invalid counts are left out of their neighbours' sums and get NaN.
 */
export function spatialRate(
  numerators: readonly number[],
  denominators: readonly number[],
  neighbours: readonly (readonly number[])[],
): number[] {
  const count = numerators.length;
  const out = new Array<number>(count).fill(Number.NaN);
  const seen = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    let o = numerators[i]!;
    let n = denominators[i]!;
    if (!isUsable(o, n)) continue;
    seen[i] = i;
    for (const j of neighbours[i] ?? []) {
      if (j < 0 || j >= count || seen[j] === i) continue;
      seen[j] = i;
      const oj = numerators[j]!;
      const nj = denominators[j]!;
      if (!isUsable(oj, nj)) continue;
      o += oj;
      n += nj;
    }
    out[i] = n > 0 ? o / n : Number.NaN;
  }
  return out;
}

/**
 * Excess risk (esda Excess_Risk): observed over expected, O_i / (n_i · m) with m the pooled
 * rate ΣO/Σn of all usable areas.
 */
export function excessRisk(numerators: readonly number[], denominators: readonly number[]): number[] {
  let sumO = 0;
  let sumN = 0;
  for (let i = 0; i < numerators.length; i++) {
    const o = numerators[i]!;
    const n = denominators[i]!;
    if (!isUsable(o, n)) continue;
    sumO += o;
    sumN += n;
  }
  const mean = sumO / sumN;
  return numerators.map((o, i) => {
    const n = denominators[i]!;
    return isUsable(o, n) && n > 0 ? o / (n * mean) : Number.NaN;
  });
}
