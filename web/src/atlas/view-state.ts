// The atlas view lives in the URL query, so a reload or a sent link restores it exactly:
//   indicator, period, level, gemeente (drill-down), colour, classes, benchmark, view, sort.
// Parsing never throws: a bad or unknown parameter falls back to its default, and
// `canonicalQuery` gives the cleaned-up query the page writes back (history.replaceState).
// Pure functions, no DOM.

import { CLASS_METHODS, type ClassMethod } from './classify.ts';

export type MapLevel = 'gemeente' | 'provincie' | 'ggdregio' | 'jeugdregio' | 'wijk';
export const MAP_LEVELS: readonly MapLevel[] = ['gemeente', 'provincie', 'ggdregio', 'jeugdregio', 'wijk'];
/** Levels offered in the level control (wijk is reached by drilling into a gemeente). */
export const NATIONAL_LEVELS: readonly MapLevel[] = ['gemeente', 'provincie', 'ggdregio', 'jeugdregio'];

export type Colouring = 'comparison' | 'value';
export const COLOURINGS: readonly Colouring[] = ['comparison', 'value'];

/** The benchmark: Nederland, or for each area the region of a kind it lies in (Fingertips'
 * "region" / "parent" benchmark). */
export type BenchmarkKind = 'NL01' | 'provincie' | 'ggdregio' | 'jeugdregio' | 'gemeente';
export const BENCHMARKS: readonly BenchmarkKind[] = ['NL01', 'provincie', 'ggdregio', 'jeugdregio', 'gemeente'];

export type ViewMode = 'map' | 'table';
export const VIEWS: readonly ViewMode[] = ['map', 'table'];

export type SortKey = 'name' | 'value' | 'interval' | 'count' | 'comparison' | 'quintile' | 'smoothed' | 'trend';
export const SORT_KEYS: readonly SortKey[] = ['name', 'value', 'interval', 'count', 'comparison', 'quintile', 'smoothed', 'trend'];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface ViewState {
  indicator: string;
  period: number;
  level: MapLevel;
  /** The gemeente whose wijken are shown (level 'wijk' only). */
  gemeente: string | null;
  colour: Colouring;
  classes: ClassMethod;
  benchmark: BenchmarkKind;
  view: ViewMode;
  sort: Sort;
}

/** What the parser needs to know of the catalogue: the indicators and their years. */
export interface CatalogueEntry {
  id: string;
  periods: readonly number[];
}

export const DEFAULT_INDICATOR = 'big2';
export const DEFAULT_SORT: Sort = { key: 'name', dir: 'asc' };

const GEMEENTE_CODE = /^GM\d{4}$/;

/** The benchmarks that make sense for a level: a region kind must lie above the level. */
export function benchmarksFor(level: MapLevel): BenchmarkKind[] {
  switch (level) {
    case 'gemeente':
      return ['NL01', 'provincie', 'ggdregio', 'jeugdregio'];
    case 'wijk':
      return ['NL01', 'gemeente', 'ggdregio', 'jeugdregio', 'provincie'];
    default:
      return ['NL01'];
  }
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseSort(value: string | null): Sort {
  if (!value) return DEFAULT_SORT;
  const desc = value.startsWith('-');
  const key = desc ? value.slice(1) : value;
  return (SORT_KEYS as readonly string[]).includes(key) ? { key: key as SortKey, dir: desc ? 'desc' : 'asc' } : DEFAULT_SORT;
}

export const formatSort = (sort: Sort) => (sort.dir === 'desc' ? `-${sort.key}` : sort.key);

/**
 * The view described by a query, validated against the catalogue: an unknown indicator falls
 * back to Big2 (or the first indicator), a year the indicator has no figures for to its latest
 * year, a wijk level without a valid gemeente to gemeenten, a benchmark that does not fit the
 * level to Nederland.
 */
export function parseViewState(query: URLSearchParams, catalogue: readonly CatalogueEntry[]): ViewState {
  const wanted = query.get('indicator');
  const entry = catalogue.find((c) => c.id === wanted) ?? catalogue.find((c) => c.id === DEFAULT_INDICATOR) ?? catalogue[0];
  const periods = entry?.periods ?? [];
  const latest = periods.length ? Math.max(...periods) : new Date().getFullYear();
  const periodText = query.get('period');
  const period = periodText !== null && /^\d{4}$/.test(periodText) && periods.includes(Number(periodText)) ? Number(periodText) : latest;

  let level = oneOf(query.get('level'), MAP_LEVELS, 'gemeente');
  const gemeenteText = query.get('gemeente')?.toUpperCase() ?? null;
  const gemeente = level === 'wijk' && gemeenteText && GEMEENTE_CODE.test(gemeenteText) ? gemeenteText : null;
  if (level === 'wijk' && !gemeente) level = 'gemeente';

  const benchmark = oneOf(query.get('benchmark'), benchmarksFor(level), 'NL01');
  return {
    indicator: entry?.id ?? wanted ?? DEFAULT_INDICATOR,
    period,
    level,
    gemeente,
    colour: oneOf(query.get('colour'), COLOURINGS, 'comparison'),
    classes: oneOf(query.get('classes'), CLASS_METHODS, 'quantile'),
    benchmark,
    view: oneOf(query.get('view'), VIEWS, 'map'),
    sort: parseSort(query.get('sort')),
  };
}

/**
 * The query of a view, in a fixed order. Indicator, year, level, colouring and benchmark are
 * always written (a link keeps showing the same year after new figures arrive), and so is the
 * class method (kept while colouring by comparison, for switching back); the gemeente only for
 * a drill-down, the table sort only when it is not the default.
 */
export function serialiseViewState(state: ViewState): URLSearchParams {
  const q = new URLSearchParams();
  q.set('indicator', state.indicator);
  q.set('period', String(state.period));
  q.set('level', state.level);
  if (state.level === 'wijk' && state.gemeente) q.set('gemeente', state.gemeente);
  q.set('colour', state.colour);
  q.set('classes', state.classes);
  q.set('benchmark', state.benchmark);
  q.set('view', state.view);
  if ((state.sort.key !== DEFAULT_SORT.key || state.sort.dir !== DEFAULT_SORT.dir)) q.set('sort', formatSort(state.sort));
  return q;
}

/** A new state with some fields changed, kept consistent (a level change resets a benchmark
 * that no longer fits; leaving the wijk level forgets the gemeente). */
export function withChanges(state: ViewState, changes: Partial<ViewState>, catalogue: readonly CatalogueEntry[]): ViewState {
  return parseViewState(serialiseViewState({ ...state, ...changes }), catalogue);
}

/** True when the query already is the canonical form of its view. */
export function isCanonical(query: URLSearchParams, state: ViewState): boolean {
  return query.toString() === serialiseViewState(state).toString();
}

/** The query of the values API for the view (without the benchmark when it is per region). */
export function valuesQuery(state: ViewState, benchmarkCode?: string): URLSearchParams {
  const q = new URLSearchParams();
  q.set('level', state.level);
  q.set('period', String(state.period));
  if (benchmarkCode && benchmarkCode !== 'NL01') q.set('benchmark', benchmarkCode);
  if (state.level === 'wijk' && state.gemeente) q.set('within', state.gemeente);
  return q;
}
