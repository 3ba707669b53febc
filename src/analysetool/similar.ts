// Similar municipalities ("vergelijkbare gemeenten"): for every gemeente its nearest
// neighbours on standardized real characteristics, as Fingertips does with its comparator
// groups (CIPFA nearest neighbours). Pure: the computation takes the characteristics as input;
// `similarMunicipalities()` applies it once to the shipped CBS figures.
//
// Method: each variable is transformed (log10 for skewed sizes), standardized to a z-score
// over all gemeenten (population standard deviation), weighted, and the distance between two
// gemeenten is the weighted Euclidean distance d = √Σ w·(z₁ − z₂)². Ties are broken by code,
// so the list is reproducible. A gemeente is never its own neighbour.

import { loadGemeenteCharacteristics, type GemeenteCharacteristics } from '../atlas/geography.ts';
import type { Text } from '../atlas/indicator-catalogue.ts';

export const NEIGHBOUR_COUNT = 15;

export interface SimilarityVariable {
  id: string;
  name: Text;
  /** The CBS figure it is computed from. */
  source: Text;
  transform: 'log10' | 'none';
  /** Weight in the distance; the weights of one theme add up to 1. */
  weight: number;
  theme: 'size' | 'urbanity' | 'households' | 'age' | 'origin';
  value: (c: GemeenteCharacteristics) => number;
}

const KWB: Text = { nl: 'CBS Kerncijfers wijken en buurten 2023', en: 'CBS key figures for districts and neighbourhoods 2023' };

/**
 * Five themes of equal weight: size, urbanity, household composition, age structure and
 * origin. Where a theme has two or three variables they share its weight, so that closely
 * related variables (urbanity and density) do not count double. Income is not in the shipped
 * KWB 2023 table and so not used.
 */
export const SIMILARITY_VARIABLES: readonly SimilarityVariable[] = [
  {
    id: 'inhabitants',
    name: { nl: 'Aantal inwoners (log10)', en: 'Number of inhabitants (log10)' },
    source: KWB,
    transform: 'log10',
    weight: 1,
    theme: 'size',
    value: (c) => c.inhabitants,
  },
  {
    id: 'urbanity',
    name: { nl: 'Stedelijkheid (1 = zeer sterk stedelijk … 5 = niet stedelijk)', en: 'Urbanity (1 = very strongly urban … 5 = not urban)' },
    source: KWB,
    transform: 'none',
    weight: 0.5,
    theme: 'urbanity',
    value: (c) => c.urbanity,
  },
  {
    id: 'density',
    name: { nl: 'Bevolkingsdichtheid, inwoners per km² (log10)', en: 'Population density, inhabitants per km² (log10)' },
    source: KWB,
    transform: 'log10',
    weight: 0.5,
    theme: 'urbanity',
    value: (c) => c.density,
  },
  {
    id: 'one-person-households',
    name: { nl: 'Eenpersoonshuishoudens (%)', en: 'One-person households (%)' },
    source: KWB,
    transform: 'none',
    weight: 0.5,
    theme: 'households',
    value: (c) => c.pctOnePersonHouseholds,
  },
  {
    id: 'households-with-children',
    name: { nl: 'Huishoudens met kinderen (%)', en: 'Households with children (%)' },
    source: KWB,
    transform: 'none',
    weight: 0.5,
    theme: 'households',
    value: (c) => c.pctHouseholdsWithChildren,
  },
  {
    id: 'age-0-15',
    name: { nl: 'Inwoners 0–15 jaar (%)', en: 'Inhabitants aged 0–15 (%)' },
    source: KWB,
    transform: 'none',
    weight: 1 / 3,
    theme: 'age',
    value: (c) => c.pctAge0to15,
  },
  {
    id: 'age-25-45',
    name: { nl: 'Inwoners 25–45 jaar (%), de leeftijd van de meeste ouders', en: 'Inhabitants aged 25–45 (%), the age of most parents' },
    source: KWB,
    transform: 'none',
    weight: 1 / 3,
    theme: 'age',
    value: (c) => c.pctAge25to45,
  },
  {
    id: 'age-65-plus',
    name: { nl: 'Inwoners 65 jaar en ouder (%)', en: 'Inhabitants aged 65 and over (%)' },
    source: KWB,
    transform: 'none',
    weight: 1 / 3,
    theme: 'age',
    value: (c) => c.pctAge65plus,
  },
  {
    id: 'origin-outside-europe',
    name: { nl: 'Herkomstland buiten Europa (%)', en: 'Country of origin outside Europe (%)' },
    source: KWB,
    transform: 'none',
    weight: 1,
    theme: 'origin',
    value: (c) => c.pctOriginOutsideEurope,
  },
];

export interface Observation {
  code: string;
  /** Transformed values, one per variable. */
  values: readonly number[];
}

export interface Standardization {
  mean: number;
  /** Population standard deviation over all observations (0 → the variable is ignored). */
  sd: number;
}

export interface Neighbour {
  code: string;
  distance: number;
}

export interface NeighbourResult {
  standardization: Standardization[];
  /** z-scores per code, one per variable. */
  zScores: ReadonlyMap<string, readonly number[]>;
  neighbours: ReadonlyMap<string, readonly Neighbour[]>;
}

export function transformValue(x: number, transform: SimilarityVariable['transform'], what: string): number {
  if (!Number.isFinite(x)) throw new Error(`similar municipalities: ${what} is not a number`);
  if (transform === 'none') return x;
  if (x <= 0) throw new Error(`similar municipalities: ${what} must be positive for a log transform, got ${x}`);
  return Math.log10(x);
}

/**
 * The k nearest neighbours of every observation: z-scores over all observations, weighted
 * Euclidean distance, ties broken by code (ascending). Needs more than k observations.
 */
export function nearestNeighbours(observations: readonly Observation[], weights: readonly number[], k: number = NEIGHBOUR_COUNT): NeighbourResult {
  const n = observations.length;
  if (n <= k) throw new Error(`similar municipalities: ${n} observations, need more than ${k}`);
  const codes = new Set<string>();
  for (const o of observations) {
    if (codes.has(o.code)) throw new Error(`similar municipalities: duplicate code ${o.code}`);
    codes.add(o.code);
    if (o.values.length !== weights.length) throw new Error(`similar municipalities: ${o.code} has ${o.values.length} values, expected ${weights.length}`);
  }
  const standardization = weights.map((_, v) => {
    const xs = observations.map((o) => o.values[v]!);
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    return { mean, sd };
  });
  const z = observations.map((o) => o.values.map((x, v) => (standardization[v]!.sd > 0 ? (x - standardization[v]!.mean) / standardization[v]!.sd : 0)));
  const neighbours = new Map<string, Neighbour[]>();
  observations.forEach((o, i) => {
    const zi = z[i]!;
    const list: Neighbour[] = [];
    observations.forEach((other, j) => {
      if (i === j) return;
      const zj = z[j]!;
      let sum = 0;
      for (let v = 0; v < weights.length; v++) sum += weights[v]! * (zi[v]! - zj[v]!) ** 2;
      list.push({ code: other.code, distance: Math.sqrt(sum) });
    });
    list.sort((a, b) => a.distance - b.distance || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    neighbours.set(o.code, list.slice(0, k));
  });
  return { standardization, zScores: new Map(observations.map((o, i) => [o.code, z[i]!])), neighbours };
}

export interface SimilarMunicipalities extends NeighbourResult {
  variables: readonly SimilarityVariable[];
  characteristics: ReadonlyMap<string, GemeenteCharacteristics>;
  population: number;
}

/** Applies the method to given characteristics. */
export function computeSimilarMunicipalities(characteristics: readonly GemeenteCharacteristics[], variables: readonly SimilarityVariable[] = SIMILARITY_VARIABLES, k = NEIGHBOUR_COUNT): SimilarMunicipalities {
  const observations = characteristics.map((c) => ({
    code: c.code,
    values: variables.map((v) => transformValue(v.value(c), v.transform, `${c.code} ${v.id}`)),
  }));
  const result = nearestNeighbours(observations, variables.map((v) => v.weight), k);
  return { ...result, variables, characteristics: new Map(characteristics.map((c) => [c.code, c])), population: characteristics.length };
}

let shipped: SimilarMunicipalities | undefined;

/** The similar municipalities of the shipped CBS figures (computed once). */
export function similarMunicipalities(): SimilarMunicipalities {
  shipped ??= computeSimilarMunicipalities(loadGemeenteCharacteristics());
  return shipped;
}

export const SIMILARITY_METHOD = {
  summary: {
    nl: `Voor elke gemeente de ${NEIGHBOUR_COUNT} gemeenten die er op echte CBS-kenmerken het meest op lijken: grootte, stedelijkheid, samenstelling van de huishoudens, leeftijdsopbouw en herkomst. Zoals de 'nearest neighbours' van Fingertips (Engeland).`,
    en: `For every gemeente the ${NEIGHBOUR_COUNT} gemeenten most like it on real CBS characteristics: size, urbanity, household composition, age structure and origin. Like the nearest neighbours in Fingertips (England).`,
  },
  standardization: {
    nl: 'Elke variabele wordt (na log10 bij grootte en dichtheid) omgezet in een z-score over alle gemeenten: (waarde − gemiddelde) / standaarddeviatie (populatie-sd).',
    en: 'Each variable is (after log10 for size and density) turned into a z-score over all gemeenten: (value − mean) / standard deviation (population sd).',
  },
  weights: {
    nl: 'Vijf thema\'s wegen even zwaar (grootte, stedelijkheid, huishoudens, leeftijd, herkomst); variabelen binnen een thema delen het gewicht van dat thema.',
    en: 'Five themes weigh the same (size, urbanity, households, age, origin); variables within a theme share that theme\'s weight.',
  },
  distance: {
    nl: 'Gewogen euclidische afstand: d = √Σ gewicht × (z₁ − z₂)². Hoe kleiner, hoe meer de gemeenten op elkaar lijken.',
    en: 'Weighted Euclidean distance: d = √Σ weight × (z₁ − z₂)². The smaller, the more alike.',
  },
  tieBreak: {
    nl: 'Bij gelijke afstand gaat de laagste gemeentecode voor; de lijst is daardoor altijd dezelfde. Een gemeente is nooit haar eigen buur.',
    en: 'At equal distance the lowest gemeente code comes first, so the list is always the same. A gemeente is never its own neighbour.',
  },
  limitations: {
    nl: 'Inkomen zit niet in de meegeleverde KWB-tabel en telt daarom (nog) niet mee. Percentages zijn door het CBS afgerond op hele procenten.',
    en: 'Income is not in the shipped KWB table and so does not count (yet). Percentages are rounded to whole percents by CBS.',
  },
} as const;
