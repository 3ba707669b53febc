// The menukaart and analysis screens' state in the URL, the API paths they ask for, the routes,
// and the small presentation helpers.

import { describe, expect, it } from 'vitest';
import * as server from '../../src/menukaart/vocabulary.ts';
import { BENCHMARKS } from '../../src/analysetool/analysis.ts';
import {
  ACTION_LINES,
  activeFilters,
  analysisPath,
  BENCHMARK_KINDS,
  formatSourceDate,
  formatWeight,
  FUNDING_ROUTES,
  hasFilters,
  interventionsPath,
  NO_FILTERS,
  parseAnalysisState,
  parseFilters,
  PHASES,
  RECOGNITION_LEVELS,
  recognitionTone,
  sameFilters,
  serializeAnalysisState,
  serializeFilters,
  shareWidth,
  toggleFilter,
} from '../../web/src/menukaart/filters.ts';
import { href, parseRoute } from '../../web/src/router.ts';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('the vocabularies of the screens', () => {
  it('are the API vocabularies, in the same order', () => {
    expect(PHASES).toEqual(server.PHASES);
    expect(ACTION_LINES).toEqual(server.ACTION_LINES.map(String));
    expect(RECOGNITION_LEVELS).toEqual(server.RECOGNITION_LEVELS);
    expect(FUNDING_ROUTES).toEqual(server.FUNDING_ROUTES);
    expect(BENCHMARK_KINDS).toEqual(BENCHMARKS);
  });
});

describe('parseFilters', () => {
  it('has no filters by default', () => {
    expect(parse('')).toEqual(NO_FILTERS);
    expect(hasFilters(parse(''))).toBe(false);
  });

  it('reads repeated and comma-separated values, in vocabulary order, without duplicates', () => {
    const f = parse('phase=0-2&phase=zwangerschap,0-2&recognition=effectief-eerste&recognition=effectief-goede&actionLine=3,1');
    expect(f.phase).toEqual(['zwangerschap', '0-2']);
    expect(f.recognition).toEqual(['effectief-goede', 'effectief-eerste']);
    expect(f.actionLine).toEqual(['1', '3']);
  });

  it('leaves out values that are not in a vocabulary, so a bad link still shows the menukaart', () => {
    const f = parse('phase=later&funding=wpg-jgz,cash&actionLine=4&recognition=EFFECTIEF&riskFactor=Smoking,low-income,a--b');
    expect(f.phase).toEqual([]);
    expect(f.funding).toEqual(['wpg-jgz']);
    expect(f.actionLine).toEqual([]);
    expect(f.recognition).toEqual([]);
    expect(f.riskFactor).toEqual(['low-income']);
  });

  it('trims the search text and caps it at the API limit', () => {
    expect(parse('q=%20%20huisbezoek%20').q).toBe('huisbezoek');
    expect(parse(`q=${'a'.repeat(300)}`).q).toHaveLength(200);
  });
});

describe('serializeFilters', () => {
  it('writes one URL per search: q first, facets in screen order, one parameter per value', () => {
    const f = { ...NO_FILTERS, q: 'roken', riskFactor: ['smoking'], phase: ['0-2', 'kinderwens'], funding: ['zvw'] };
    expect(serializeFilters(f).toString()).toBe('q=roken&phase=kinderwens&phase=0-2&funding=zvw&riskFactor=smoking');
  });

  it('round-trips through the URL', () => {
    const query = 'q=voorzorg&phase=zwangerschap&actionLine=2&recognition=effectief-goede&funding=wpg-jgz&funding=jeugdwet&riskFactor=low-income&riskFactor=smoking';
    expect(serializeFilters(parse(query)).toString()).toBe(query);
    expect(sameFilters(parse(query), parse(serializeFilters(parse(query)).toString()))).toBe(true);
  });

  it('asks the API with the same parameters', () => {
    expect(interventionsPath(NO_FILTERS)).toBe('/api/v1/interventions');
    expect(interventionsPath(parse('recognition=effectief-goede&phase=zwangerschap'))).toBe('/api/v1/interventions?phase=zwangerschap&recognition=effectief-goede');
    expect(interventionsPath(parse('q=kraam zorg'))).toBe('/api/v1/interventions?q=kraam+zorg');
  });
});

describe('toggleFilter and activeFilters', () => {
  it('switches one value on and off, keeping the canonical order', () => {
    let f = toggleFilter(NO_FILTERS, 'phase', '0-2', true);
    f = toggleFilter(f, 'phase', 'kinderwens', true);
    f = toggleFilter(f, 'phase', 'kinderwens', true);
    expect(f.phase).toEqual(['kinderwens', '0-2']);
    f = toggleFilter(f, 'phase', 'kinderwens', false);
    expect(f.phase).toEqual(['0-2']);
    expect(NO_FILTERS.phase).toEqual([]);
  });

  it('lists the chosen values in screen order', () => {
    const f = parse('riskFactor=smoking&phase=zwangerschap&funding=zvw');
    expect(activeFilters(f)).toEqual([
      { facet: 'phase', value: 'zwangerschap' },
      { facet: 'funding', value: 'zvw' },
      { facet: 'riskFactor', value: 'smoking' },
    ]);
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters(parse('q=x'))).toBe(true);
  });
});

describe('analysis state in the URL', () => {
  it('defaults to the latest year and Nederland, and leaves defaults out of the URL', () => {
    expect(parseAnalysisState(new URLSearchParams(''))).toEqual({ period: undefined, benchmark: 'nl' });
    expect(serializeAnalysisState({ period: undefined, benchmark: 'nl' }).toString()).toBe('');
  });

  it('reads and writes year and benchmark; ignores bad values', () => {
    const state = parseAnalysisState(new URLSearchParams('period=2022&benchmark=similar'));
    expect(state).toEqual({ period: 2022, benchmark: 'similar' });
    expect(serializeAnalysisState(state).toString()).toBe('period=2022&benchmark=similar');
    expect(parseAnalysisState(new URLSearchParams('period=22&benchmark=GM0599'))).toEqual({ period: undefined, benchmark: 'nl' });
  });

  it('always names the benchmark in the API request', () => {
    expect(analysisPath('GM0599', { period: undefined, benchmark: 'nl' })).toBe('/api/v1/areas/GM0599/analysis?benchmark=nl');
    expect(analysisPath('GM0599', { period: 2023, benchmark: 'region' })).toBe('/api/v1/areas/GM0599/analysis?period=2023&benchmark=region');
  });
});

describe('routes', () => {
  it('parses the menukaart, intervention and analysis pages in both languages', () => {
    expect(parseRoute('/nl/menukaart', '?phase=zwangerschap')).toMatchObject({ page: 'menukaart', lang: 'nl' });
    expect(parseRoute('/en/menu', '')).toMatchObject({ page: 'menukaart', lang: 'en' });
    expect(parseRoute('/nl/menukaart/voorzorg', '')).toEqual({ page: 'intervention', lang: 'nl', id: 'voorzorg' });
    expect(parseRoute('/en/menu/home-start', '')).toEqual({ page: 'intervention', lang: 'en', id: 'home-start' });
    expect(parseRoute('/nl/analyse/GM0599', '?benchmark=similar')).toMatchObject({ page: 'analysis', lang: 'nl', code: 'GM0599' });
    expect(parseRoute('/en/analysis/GM0599', '')).toMatchObject({ page: 'analysis', lang: 'en', code: 'GM0599' });
    expect(parseRoute('/nl/analyse', '')).toMatchObject({ page: 'not-found' });
    expect(parseRoute('/nl/menukaart/voorzorg/extra', '')).toMatchObject({ page: 'not-found' });
    expect(parseRoute('/en/menukaart', '')).toMatchObject({ page: 'not-found' });
  });

  it('writes the URLs, with the path words of the language and the state kept', () => {
    const query = new URLSearchParams('phase=zwangerschap&recognition=effectief-goede');
    expect(href({ page: 'menukaart', lang: 'nl', query })).toBe('/nl/menukaart?phase=zwangerschap&recognition=effectief-goede');
    expect(href({ page: 'menukaart', lang: 'en', query })).toBe('/en/menu?phase=zwangerschap&recognition=effectief-goede');
    expect(href({ page: 'intervention', lang: 'nl', id: 'voorzorg' })).toBe('/nl/menukaart/voorzorg');
    expect(href({ page: 'intervention', lang: 'en', id: 'voorzorg' })).toBe('/en/menu/voorzorg');
    const analysis = parseRoute('/nl/analyse/GM0599', '?period=2022&benchmark=region');
    expect(href({ ...analysis, lang: 'en' })).toBe('/en/analysis/GM0599?period=2022&benchmark=region');
  });
});

describe('presentation helpers', () => {
  it('writes a source date as precisely as it is known', () => {
    expect(formatSourceDate('2021-09-30', 'nl')).toBe('30 september 2021');
    expect(formatSourceDate('2021-09-30', 'en')).toBe('30 September 2021');
    expect(formatSourceDate('2014-12', 'nl')).toBe('december 2014');
    expect(formatSourceDate('2014-12', 'en')).toBe('December 2014');
    expect(formatSourceDate('2019', 'nl')).toBe('2019');
    expect(formatSourceDate('2019-04-08', 'nl')).toBe('8 april 2019');
    expect(formatSourceDate('soon', 'en')).toBe('soon');
  });

  it('writes weights as fractions where they are', () => {
    expect(formatWeight(1, 'nl')).toBe('1');
    expect(formatWeight(0.5, 'nl')).toBe('½');
    expect(formatWeight(1 / 3, 'en')).toBe('⅓');
    expect(formatWeight(0.2, 'nl')).toBe('0,2');
    expect(formatWeight(0.2, 'en')).toBe('0.2');
  });

  it('draws share bars only for a positive share, at most full width', () => {
    expect(shareWidth(0.52)).toBeCloseTo(52);
    expect(shareWidth(1.3)).toBe(100);
    expect(shareWidth(-0.08)).toBe(0);
    expect(shareWidth(null)).toBe(0);
    expect(shareWidth(Number.NaN)).toBe(0);
  });

  it('groups recognition levels into effective, founded and none', () => {
    expect(recognitionTone('effectief-sterke')).toBe('effective');
    expect(recognitionTone('effectief-eerste')).toBe('effective');
    expect(recognitionTone('goed-onderbouwd')).toBe('founded');
    expect(recognitionTone('goed-beschreven')).toBe('founded');
    expect(recognitionTone('niet-beoordeeld')).toBe('none');
    expect(recognitionTone('onbekend')).toBe('none');
  });
});
