// Filtering the menukaart, and facet counts. Pure functions.
//
// Several values of one filter are alternatives (OR); different filters must all hold (AND).
// The count of a facet value is the number of interventions that would match if that facet
// were set to that value alone, with every other filter as it is (the usual "disjunctive"
// facet count: choosing a value within a facet does not change the other values' counts).

import { normalizeSearch } from './content-loader.ts';
import type { Intervention } from './content-schema.ts';
import {
  ACTION_LINE_LABELS,
  ACTION_LINES,
  FUNDING_LABELS,
  FUNDING_ROUTES,
  PHASE_LABELS,
  PHASES,
  RECOGNITION_LABELS,
  RECOGNITION_LEVELS,
  type ActionLine,
  type FundingRoute,
  type Phase,
  type RecognitionLevel,
  type Text,
} from './vocabulary.ts';

export const FACETS = ['phase', 'actionLine', 'recognition', 'funding', 'riskFactor'] as const;
export type Facet = (typeof FACETS)[number];

export interface InterventionFilters {
  phase?: readonly Phase[];
  actionLine?: readonly ActionLine[];
  recognition?: readonly RecognitionLevel[];
  funding?: readonly FundingRoute[];
  riskFactor?: readonly string[];
  /** Alternatives (OR); the words within one alternative must all occur (AND). */
  q?: readonly string[];
}

export interface Searchable {
  content: Intervention;
  searchText: string;
}

/** The values an intervention has for a facet. */
export function facetValues(i: Intervention, facet: Facet): readonly (string | number)[] {
  switch (facet) {
    case 'phase':
      return i.phases;
    case 'actionLine':
      return i.actionLines;
    case 'recognition':
      return [i.recognition.level];
    case 'funding':
      return [...new Set(i.funding.map((f) => f.route))];
    case 'riskFactor':
      return i.riskFactors;
  }
}

/** Does the search text match q? Each alternative is a phrase of words that must all occur. */
export function matchesQuery(searchText: string, q: readonly string[] | undefined): boolean {
  const alternatives = (q ?? []).map((a) => normalizeSearch(a).split(' ').filter(Boolean)).filter((words) => words.length > 0);
  if (alternatives.length === 0) return true;
  return alternatives.some((words) => words.every((w) => searchText.includes(w)));
}

function active(values: readonly unknown[] | undefined): values is readonly unknown[] {
  return values !== undefined && values.length > 0;
}

/** Does the intervention satisfy every filter (optionally ignoring one facet)? */
export function matches(item: Searchable, filters: InterventionFilters, except?: Facet): boolean {
  for (const facet of FACETS) {
    if (facet === except) continue;
    const wanted = filters[facet] as readonly (string | number)[] | undefined;
    if (!active(wanted)) continue;
    const has = facetValues(item.content, facet);
    if (!wanted.some((v) => has.includes(v))) return false;
  }
  return matchesQuery(item.searchText, filters.q);
}

export function filterInterventions<T extends Searchable>(items: readonly T[], filters: InterventionFilters): T[] {
  return items.filter((item) => matches(item, filters));
}

export interface FacetCount {
  value: string | number;
  label: Text;
  count: number;
  /** Is this value one of the chosen values of the filter? */
  selected: boolean;
}

export type FacetCounts = Record<Facet, FacetCount[]>;

/** Counts for every value of every facet (zero counts included, in vocabulary order). */
export function facetCounts(items: readonly Searchable[], filters: InterventionFilters, riskFactors: readonly { id: string; name: Text }[]): FacetCounts {
  const vocabulary: Record<Facet, { value: string | number; label: Text }[]> = {
    phase: PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] })),
    actionLine: ACTION_LINES.map((a) => ({ value: a, label: ACTION_LINE_LABELS[a] })),
    recognition: RECOGNITION_LEVELS.map((r) => ({ value: r, label: RECOGNITION_LABELS[r] })),
    funding: FUNDING_ROUTES.map((f) => ({ value: f, label: FUNDING_LABELS[f] })),
    riskFactor: riskFactors.map((r) => ({ value: r.id, label: r.name })),
  };
  const counts = {} as FacetCounts;
  for (const facet of FACETS) {
    const base = items.filter((item) => matches(item, filters, facet));
    const chosen = (filters[facet] ?? []) as readonly (string | number)[];
    counts[facet] = vocabulary[facet].map(({ value, label }) => ({
      value,
      label,
      count: base.filter((item) => facetValues(item.content, facet).includes(value)).length,
      selected: chosen.includes(value),
    }));
  }
  return counts;
}
