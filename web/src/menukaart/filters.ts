// The menukaart's filters in the URL (a link restores the search), the API path they ask
// for, and small pure helpers of the menukaart and analysis screens. Pure: unit-tested in
// test/web/menukaart.test.ts.
//
// URL: /nl/menukaart?q=…&phase=zwangerschap&phase=0-2&recognition=effectief-goede…: the same
// parameter names and values as the API (language-independent ids, so switching language
// keeps the filters), a parameter repeated for several values (several values of one filter
// are alternatives, different filters must all hold), in a fixed order so one search has one URL.

import type { BenchmarkKind, FundingRoute, MenukaartFacet, Phase, RecognitionLevel } from '../lib/api.ts';

/** The vocabularies of the API (src/menukaart/vocabulary.ts), in the same order. */
export const PHASES: readonly Phase[] = ['kinderwens', 'zwangerschap', '0-2'];
export const ACTION_LINES: readonly string[] = ['1', '2', '3'];
export const RECOGNITION_LEVELS: readonly RecognitionLevel[] = [
  'effectief-sterke',
  'effectief-goede',
  'effectief-eerste',
  'goed-onderbouwd',
  'goed-beschreven',
  'niet-beoordeeld',
  'onbekend',
];
export const FUNDING_ROUTES: readonly FundingRoute[] = [
  'wpg-jgz',
  'jeugdwet',
  'wmo',
  'zvw',
  'zorgverzekeraar',
  'rvp',
  'goab',
  'wgs',
  'subsidie',
  'gemeente-eigen',
  'onbekend',
];
/** The order of the filter groups on screen and of the parameters in the URL. */
export const FACETS: readonly MenukaartFacet[] = ['phase', 'actionLine', 'recognition', 'funding', 'riskFactor'];

const RISK_FACTOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The API's limit on the search text. */
export const MAX_QUERY = 200;

export interface MenukaartFilters {
  q: string;
  phase: string[];
  actionLine: string[];
  recognition: string[];
  funding: string[];
  riskFactor: string[];
}

export const NO_FILTERS: MenukaartFilters = { q: '', phase: [], actionLine: [], recognition: [], funding: [], riskFactor: [] };

const ALLOWED: Record<Exclude<MenukaartFacet, 'riskFactor'>, readonly string[]> = {
  phase: PHASES,
  actionLine: ACTION_LINES,
  recognition: RECOGNITION_LEVELS,
  funding: FUNDING_ROUTES,
};

/** The values of one facet in their canonical order (vocabulary order; risk factors by id). */
function canonical(facet: MenukaartFacet, values: Iterable<string>): string[] {
  const unique = [...new Set(values)];
  if (facet === 'riskFactor') return unique.filter((v) => RISK_FACTOR_ID.test(v) && v.length <= 80).sort();
  const allowed = ALLOWED[facet];
  return allowed.filter((v) => unique.includes(v));
}

/** Reads the filters from a URL query; values that are not in a vocabulary are left out. */
export function parseFilters(query: URLSearchParams): MenukaartFilters {
  const read = (facet: MenukaartFacet) =>
    canonical(
      facet,
      query.getAll(facet).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean),
    );
  return {
    q: (query.get('q') ?? '').trim().slice(0, MAX_QUERY),
    phase: read('phase'),
    actionLine: read('actionLine'),
    recognition: read('recognition'),
    funding: read('funding'),
    riskFactor: read('riskFactor'),
  };
}

/** The URL query of the filters: q first, then the facets in screen order; empty ones left out. */
export function serializeFilters(filters: MenukaartFilters): URLSearchParams {
  const out = new URLSearchParams();
  const q = filters.q.trim();
  if (q) out.set('q', q);
  for (const facet of FACETS) for (const value of canonical(facet, filters[facet])) out.append(facet, value);
  return out;
}

/** The API request for these filters. */
export function interventionsPath(filters: MenukaartFilters): string {
  const query = serializeFilters(filters).toString();
  return `/api/v1/interventions${query ? `?${query}` : ''}`;
}

/** The filters with one value of a facet switched on or off. */
export function toggleFilter(filters: MenukaartFilters, facet: MenukaartFacet, value: string, on: boolean): MenukaartFilters {
  const current = filters[facet];
  const next = on ? [...current, value] : current.filter((v) => v !== value);
  return { ...filters, [facet]: canonical(facet, next) };
}

/** Every chosen facet value, in screen order (for the list of active filters). */
export function activeFilters(filters: MenukaartFilters): { facet: MenukaartFacet; value: string }[] {
  return FACETS.flatMap((facet) => filters[facet].map((value) => ({ facet, value })));
}

export function hasFilters(filters: MenukaartFilters): boolean {
  return filters.q.trim() !== '' || activeFilters(filters).length > 0;
}

/** Are two filter states the same search? */
export function sameFilters(a: MenukaartFilters, b: MenukaartFilters): boolean {
  return serializeFilters(a).toString() === serializeFilters(b).toString();
}

// --- The analysis page's state in the URL: ?period=2023&benchmark=similar ---

export const BENCHMARK_KINDS: readonly BenchmarkKind[] = ['nl', 'region', 'similar'];

export interface AnalysisState {
  /** Undefined: the latest year with figures (the API's default). */
  period: number | undefined;
  benchmark: BenchmarkKind;
}

export function parseAnalysisState(query: URLSearchParams): AnalysisState {
  const p = query.get('period');
  const period = p !== null && /^\d{4}$/.test(p) ? Number(p) : undefined;
  const b = query.get('benchmark');
  const benchmark = BENCHMARK_KINDS.includes(b as BenchmarkKind) ? (b as BenchmarkKind) : 'nl';
  return { period, benchmark };
}

/** The URL query of the analysis state; defaults (latest year, Nederland) are left out. */
export function serializeAnalysisState(state: AnalysisState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.period !== undefined) out.set('period', String(state.period));
  if (state.benchmark !== 'nl') out.set('benchmark', state.benchmark);
  return out;
}

export function analysisPath(code: string, state: AnalysisState): string {
  const query = new URLSearchParams();
  if (state.period !== undefined) query.set('period', String(state.period));
  query.set('benchmark', state.benchmark);
  return `/api/v1/areas/${encodeURIComponent(code)}/analysis?${query}`;
}

// --- Presentation helpers ---

/** Recognition levels in three visual groups: effective, founded or described, none known. */
export function recognitionTone(level: RecognitionLevel): 'effective' | 'founded' | 'none' {
  if (level.startsWith('effectief-')) return 'effective';
  if (level === 'goed-onderbouwd' || level === 'goed-beschreven') return 'founded';
  return 'none';
}

const MONTHS: Record<'nl' | 'en', string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A date as precise as the source gives it: "30 september 2021", "december 2014", "2019". */
export function formatSourceDate(date: string, lang: 'nl' | 'en'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, year, month, day] = m;
  if (!month) return year!;
  const monthName = MONTHS[lang][Number(month) - 1] ?? month;
  if (!day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** A weight as a plain fraction where it is one: 1, ½, ⅓, ¼; otherwise the number. */
export function formatWeight(weight: number, lang: 'nl' | 'en'): string {
  const fractions: [number, string][] = [[1, '1'], [1 / 2, '½'], [1 / 3, '⅓'], [2 / 3, '⅔'], [1 / 4, '¼'], [3 / 4, '¾']];
  for (const [value, text] of fractions) if (Math.abs(weight - value) < 1e-9) return text;
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 3 }).format(weight);
}

/** The width of a share bar in percent: 0–100, nothing for a share that is not positive. */
export function shareWidth(share: number | null | undefined): number {
  if (share === null || share === undefined || !Number.isFinite(share) || share <= 0) return 0;
  return Math.min(100, share * 100);
}

/** The query of the menukaart list last shown, so "back to the menukaart" returns to it. */
let lastListQuery = '';
export function rememberListQuery(query: string): void {
  lastListQuery = query;
}
export function lastMenukaartQuery(): string {
  return lastListQuery;
}
