// The atlas view in the URL: defaults, validation of bad parameters, round trips.

import { describe, expect, it } from 'vitest';
import { benchmarksFor, isCanonical, parseSort, parseViewState, serialiseViewState, valuesQuery, withChanges } from '../../web/src/atlas/view-state.ts';

const catalogue = [
  { id: 'big2', periods: [2015, 2016, 2023, 2024] },
  { id: 'preterm', periods: [2020, 2021, 2022] },
];
const parse = (query: string) => parseViewState(new URLSearchParams(query), catalogue);

describe('parseViewState', () => {
  it('has defaults: Big2, the latest year, gemeenten, comparison with Nederland, map', () => {
    expect(parse('')).toEqual({
      indicator: 'big2',
      period: 2024,
      level: 'gemeente',
      gemeente: null,
      colour: 'comparison',
      classes: 'quantile',
      benchmark: 'NL01',
      view: 'map',
      sort: { key: 'name', dir: 'asc' },
    });
  });

  it('reads every parameter', () => {
    expect(parse('indicator=preterm&period=2021&level=wijk&gemeente=GM0599&colour=value&classes=jenks&benchmark=gemeente&view=table&sort=-value')).toEqual({
      indicator: 'preterm',
      period: 2021,
      level: 'wijk',
      gemeente: 'GM0599',
      colour: 'value',
      classes: 'jenks',
      benchmark: 'gemeente',
      view: 'table',
      sort: { key: 'value', dir: 'desc' },
    });
  });

  it('falls back to defaults for bad values instead of failing', () => {
    const s = parse('indicator=nope&period=19x&level=buurt&colour=red&classes=magic&benchmark=XX&view=3d&sort=-bogus');
    expect(s).toMatchObject({ indicator: 'big2', period: 2024, level: 'gemeente', colour: 'comparison', classes: 'quantile', benchmark: 'NL01', view: 'map', sort: { key: 'name', dir: 'asc' } });
  });

  it('takes the latest year when the indicator has no figures for the asked year', () => {
    expect(parse('indicator=preterm&period=2024').period).toBe(2022);
    expect(parse('indicator=big2&period=2017').period).toBe(2024);
  });

  it('needs a valid gemeente for the wijk level, and forgets it on other levels', () => {
    expect(parse('level=wijk').level).toBe('gemeente');
    expect(parse('level=wijk&gemeente=Rotterdam').level).toBe('gemeente');
    expect(parse('level=wijk&gemeente=gm0599')).toMatchObject({ level: 'wijk', gemeente: 'GM0599' });
    expect(parse('level=provincie&gemeente=GM0599')).toMatchObject({ level: 'provincie', gemeente: null });
  });

  it('only accepts benchmarks that fit the level', () => {
    expect(parse('level=gemeente&benchmark=ggdregio').benchmark).toBe('ggdregio');
    expect(parse('level=gemeente&benchmark=gemeente').benchmark).toBe('NL01');
    expect(parse('level=provincie&benchmark=ggdregio').benchmark).toBe('NL01');
    expect(parse('level=wijk&gemeente=GM0363&benchmark=gemeente').benchmark).toBe('gemeente');
    expect(benchmarksFor('jeugdregio')).toEqual(['NL01']);
  });

  it('uses the first indicator when the catalogue has no Big2', () => {
    expect(parseViewState(new URLSearchParams(''), [{ id: 'x', periods: [2020] }])).toMatchObject({ indicator: 'x', period: 2020 });
  });
});

describe('serialiseViewState', () => {
  it('writes a canonical query that parses back to the same view', () => {
    const s = parse('view=table&indicator=preterm&sort=-count&level=wijk&gemeente=GM0599&colour=value&classes=equal&benchmark=ggdregio&period=2020');
    const q = serialiseViewState(s);
    expect(q.toString()).toBe('indicator=preterm&period=2020&level=wijk&gemeente=GM0599&colour=value&classes=equal&benchmark=ggdregio&view=table&sort=-count');
    expect(parseViewState(q, catalogue)).toEqual(s);
    expect(isCanonical(q, s)).toBe(true);
  });

  it('always writes indicator and year (a link keeps its year), not the default sort', () => {
    expect(serialiseViewState(parse('')).toString()).toBe('indicator=big2&period=2024&level=gemeente&colour=comparison&classes=quantile&benchmark=NL01&view=map');
    expect(isCanonical(new URLSearchParams(''), parse(''))).toBe(false);
  });
});

describe('withChanges', () => {
  it('keeps the view consistent when the level changes', () => {
    const drill = parse('level=wijk&gemeente=GM0599&benchmark=gemeente');
    const back = withChanges(drill, { level: 'gemeente', gemeente: null }, catalogue);
    expect(back).toMatchObject({ level: 'gemeente', gemeente: null, benchmark: 'NL01' });
    const regions = withChanges(parse('benchmark=ggdregio'), { level: 'provincie' }, catalogue);
    expect(regions.benchmark).toBe('NL01');
  });

  it('moves to the latest year of a new indicator when the year does not exist for it', () => {
    expect(withChanges(parse('period=2015'), { indicator: 'preterm' }, catalogue).period).toBe(2022);
  });
});

describe('valuesQuery', () => {
  it('gives the API query of the view', () => {
    expect(valuesQuery(parse('period=2023')).toString()).toBe('level=gemeente&period=2023');
    expect(valuesQuery(parse('level=wijk&gemeente=GM0599'), 'GM0599').toString()).toBe('level=wijk&period=2024&benchmark=GM0599&within=GM0599');
    expect(valuesQuery(parse(''), 'NL01').toString()).toBe('level=gemeente&period=2024');
  });
});

describe('parseSort', () => {
  it('reads a column and a direction', () => {
    expect(parseSort('trend')).toEqual({ key: 'trend', dir: 'asc' });
    expect(parseSort('-smoothed')).toEqual({ key: 'smoothed', dir: 'desc' });
    expect(parseSort('--value')).toEqual({ key: 'name', dir: 'asc' });
  });
});
