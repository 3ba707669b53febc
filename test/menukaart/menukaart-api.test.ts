// The menukaart API on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
// filters, facet counts, detail, risk factors, errors and the OpenAPI document.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../../src/menukaart/content-loader.ts';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const shipped = readContent();

describe.each(TEST_ENGINES)('menukaart API on $name', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false });
  });
  afterAll(async () => p?.close());

  it('lists all published interventions with facet counts', async () => {
    const { status, body } = await p.get('/api/v1/interventions');
    expect(status).toBe(200);
    expect(body.total).toBe(shipped.interventions.length);
    expect(body.count).toBe(body.total);
    expect(body.items).toHaveLength(body.total);
    expect(body.total).toBeGreaterThanOrEqual(18);
    const names = body.items.map((i: any) => i.name);
    expect([...names].sort((a: string, b: string) => a.localeCompare(b, 'nl'))).toEqual(names);
    for (const facet of ['phase', 'actionLine', 'recognition', 'funding', 'riskFactor']) {
      expect(body.facets[facet].length, facet).toBeGreaterThan(0);
      for (const entry of body.facets[facet]) {
        expect(entry.label.nl && entry.label.en).toBeTruthy();
        expect(entry.count).toBe(body.items.filter((i: any) => valuesOf(i, facet).includes(entry.value)).length);
      }
    }
    const voorzorg = body.items.find((i: any) => i.id === 'voorzorg');
    expect(voorzorg.labels.recognition.nl).toBe('Effectief volgens goede aanwijzingen');
  });

  it('filters with OR within a parameter and AND across parameters, through the query string', async () => {
    const cases = [
      'phase=zwangerschap',
      'phase=kinderwens,0-2',
      'phase=kinderwens&phase=zwangerschap',
      'actionLine=1',
      'recognition=effectief-eerste,effectief-goede,effectief-sterke',
      'recognition=onbekend',
      'funding=wpg-jgz',
      'funding=zvw,rvp',
      'riskFactor=smoking',
      'riskFactor=low-income,problem-debts&phase=zwangerschap',
      'phase=zwangerschap&recognition=effectief-eerste,effectief-goede,effectief-sterke&funding=wpg-jgz',
      'q=huisbezoek',
      'q=home%20visits',
      'q=kinkhoest,video',
      'q=huisbezoek&actionLine=3',
    ];
    for (const qs of cases) {
      const { status, body } = await p.get(`/api/v1/interventions?${qs}`);
      expect(status, qs).toBe(200);
      const params = new URLSearchParams(qs);
      const expected = shipped.interventions.filter((i) => satisfiesQuery(i, params)).map((i) => i.id).sort();
      expect(body.items.map((i: any) => i.id).sort(), qs).toEqual(expected);
      expect(body.count, qs).toBe(expected.length);
    }
  });

  it('counts facet values as if each were chosen, keeping the other filters', async () => {
    const { body } = await p.get('/api/v1/interventions?phase=zwangerschap&funding=wpg-jgz');
    for (const entry of body.facets.recognition) {
      const { body: chosen } = await p.get(`/api/v1/interventions?phase=zwangerschap&funding=wpg-jgz&recognition=${entry.value}`);
      expect(entry.count, entry.value).toBe(chosen.count);
    }
    for (const entry of body.facets.phase) {
      const { body: chosen } = await p.get(`/api/v1/interventions?phase=${entry.value}&funding=wpg-jgz`);
      expect(entry.count, entry.value).toBe(chosen.count);
      expect(entry.selected).toBe(entry.value === 'zwangerschap');
    }
  });

  it('gives one intervention with its risk factors and the indicators that point to them', async () => {
    const { status, body } = await p.get('/api/v1/interventions/voorzorg');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'voorzorg', name: 'VoorZorg', phases: ['zwangerschap', '0-2'], actionLines: [2, 3] });
    expect(body.sources.length).toBeGreaterThan(0);
    expect(body.riskFactorDetails.map((r: any) => r.id)).toEqual(body.riskFactors);
    expect(body.riskFactorDetails.every((r: any) => r.name.nl && r.domain)).toBe(true);
    expect(body.indicators.map((i: any) => i.indicator)).toEqual(expect.arrayContaining(['child_protection_0_2', 'teenage_mothers', 'problem_debts']));
    const unknown = await p.get('/api/v1/interventions/centeringouderschap');
    expect(unknown.body.duration).toMatchObject({ unknown: true, note: { nl: expect.any(String), en: expect.any(String) } });
    expect(unknown.body.recognition.level).toBe('onbekend');
  });

  it('lists the risk-factor vocabulary with linked indicators and interventions', async () => {
    const { status, body } = await p.get('/api/v1/risk-factors');
    expect(status).toBe(200);
    expect(body.riskFactors).toHaveLength(shipped.riskFactors.length);
    const smoking = body.riskFactors.find((r: any) => r.id === 'smoking');
    expect(smoking).toMatchObject({ domain: 'medical', domainLabel: { nl: 'Medisch' } });
    expect(smoking.indicators).toEqual(expect.arrayContaining(['smoking_in_pregnancy', 'big2']));
    expect(smoking.interventions).toEqual(expect.arrayContaining(['rookvrije-start', 'preconceptiezorg']));
    expect(body.indicatorLinks).toHaveLength(shipped.links.length);
    expect(body.linkBasis.nl).toMatch(/Redactionele koppeling/);
  });

  it('answers 404 for an unknown intervention and 400 for bad filter values, naming the parameter', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/interventions/nope', 404, 'id'],
      ['/api/v1/interventions?phase=zwanger', 400, 'phase'],
      ['/api/v1/interventions?actionLine=4', 400, 'actionLine'],
      ['/api/v1/interventions?recognition=effectief', 400, 'recognition'],
      ['/api/v1/interventions?funding=wpg', 400, 'funding'],
      ['/api/v1/interventions?riskFactor=nope', 400, 'riskFactor'],
      ['/api/v1/interventions?riskFactor=Not%20An%20Id', 400, 'riskFactor'],
      [`/api/v1/interventions?q=${'x'.repeat(201)}`, 400, 'q'],
    ];
    for (const [url, status, field] of cases) {
      const response = await p.get(url);
      expect(response.status, url).toBe(status);
      expect(response.body.error.field, url).toBe(field);
      expect(response.body.error.message, url).toBeTruthy();
    }
  });

  it('documents the menukaart and analysetool routes in OpenAPI', async () => {
    const { body } = await p.get('/api/v1/openapi.json');
    for (const path of ['/api/v1/interventions', '/api/v1/interventions/{id}', '/api/v1/risk-factors', '/api/v1/areas/{code}/similar', '/api/v1/areas/{code}/analysis']) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    const names = body.paths['/api/v1/interventions'].get.parameters.map((x: any) => x.name);
    expect(names).toEqual(['phase', 'actionLine', 'recognition', 'funding', 'riskFactor', 'q']);
    expect(body.paths['/api/v1/areas/{code}/analysis'].get.parameters.map((x: any) => x.name)).toEqual(['code', 'period', 'benchmark']);
  });
});

function valuesOf(i: any, facet: string): unknown[] {
  if (facet === 'phase') return i.phases;
  if (facet === 'actionLine') return i.actionLines;
  if (facet === 'recognition') return [i.recognition.level];
  if (facet === 'funding') return i.funding.map((f: any) => f.route);
  return i.riskFactors;
}

/** The meaning of the query string, written out independently of the server code. */
function satisfiesQuery(i: (typeof shipped.interventions)[number], params: URLSearchParams): boolean {
  const list = (name: string) => params.getAll(name).flatMap((v) => v.split(',')).filter(Boolean);
  const any = (name: string, has: unknown[]) => list(name).length === 0 || list(name).some((v) => has.includes(v));
  if (!any('phase', i.phases)) return false;
  if (!any('actionLine', i.actionLines.map(String))) return false;
  if (!any('recognition', [i.recognition.level])) return false;
  if (!any('funding', i.funding.map((f) => f.route))) return false;
  if (!any('riskFactor', i.riskFactors)) return false;
  const q = params.get('q');
  if (q) {
    const text = [i.name, ...i.aliases, i.summary.nl, i.summary.en, ...('unknown' in i.targetGroup ? [] : [i.targetGroup.nl, i.targetGroup.en]), ...i.goals.flatMap((g) => [g.nl, g.en])]
      .join(' ')
      .toLowerCase();
    if (!q.split(',').some((phrase) => phrase.toLowerCase().split(/\s+/).filter(Boolean).every((w) => text.includes(w)))) return false;
  }
  return true;
}
