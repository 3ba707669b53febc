// The analysetool through the HTTP API, on a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set) with the synthetic demo data. Every claim of the analysis is
// checked against the atlas's own values endpoint.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/atlas/indicator-catalogue.ts';
import { compareWithBenchmark } from '../../src/atlas/statistics/index.ts';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const ROTTERDAM = 'GM0599';
const RIJNMOND = 'GG4607';

describe.each(TEST_ENGINES)('analysetool API on $name', (engine) => {
  let p: TestPlatform;
  let period: number;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: true });
    period = (await p.get('/api/v1/indicators/big2')).body.periods.at(-1);
  });
  afterAll(async () => p?.close());

  const values = async (id: string, extra = '') => (await p.get(`/api/v1/indicators/${id}/values?level=gemeente&period=${period}${extra}`)).body;

  it('gives the 15 similar municipalities of Rotterdam with the method, reproducibly', async () => {
    const { status, body } = await p.get(`/api/v1/areas/${ROTTERDAM}/similar`);
    expect(status).toBe(200);
    expect(body.area).toMatchObject({ code: ROTTERDAM, name: 'Rotterdam', level: 'gemeente' });
    expect(body.k).toBe(15);
    expect(body.neighbours).toHaveLength(15);
    expect(body.neighbours.map((n: any) => n.code)).not.toContain(ROTTERDAM);
    expect(body.neighbours.map((n: any) => n.rank)).toEqual(Array.from({ length: 15 }, (_, k) => k + 1));
    const distances = body.neighbours.map((n: any) => n.distance);
    expect([...distances].sort((a: number, b: number) => a - b)).toEqual(distances);
    expect(body.method.population).toBe(342);
    expect(body.method.variables.length).toBeGreaterThanOrEqual(5);
    for (const v of body.method.variables) {
      expect(v.name.nl && v.name.en).toBeTruthy();
      expect(v.weight).toBeGreaterThan(0);
      expect(v.sd).toBeGreaterThan(0);
      expect(body.characteristics[v.id]).toEqual(expect.any(Number));
    }
    expect(body.method.standardization.nl && body.method.distance.en && body.method.tieBreak.nl).toBeTruthy();
    expect((await p.get(`/api/v1/areas/${ROTTERDAM}/similar`)).body).toEqual(body);
  });

  it('finds several indicators where Rotterdam is significantly worse than the Netherlands, exactly those of the values endpoint', async () => {
    const { status, body } = await p.get(`/api/v1/areas/${ROTTERDAM}/analysis`);
    expect(status).toBe(200);
    expect(body.period).toBe(period);
    expect(body.benchmark).toMatchObject({ kind: 'nl', code: 'NL01' });
    expect(body.worse.length).toBeGreaterThanOrEqual(3);
    const expected: string[] = [];
    for (const indicator of INDICATORS) {
      const row = (await values(indicator.id)).values.find((v: any) => v.area === ROTTERDAM);
      if (row.comparison === 'worse') expected.push(indicator.id);
      expect(body.overview.find((o: any) => o.indicator === indicator.id).comparison, indicator.id).toBe(row.comparison);
    }
    expect(body.worse.map((w: any) => w.indicator.id)).toEqual(expected);
    expect(body.synthetic).toBe(true);
    expect(body.source.nl).toMatch(/Synthetische demonstratiedata/);
  });

  it('lists only indicators in fact worse than the Netherlands for every gemeente', async () => {
    const worseBy = new Map<string, string[]>();
    for (const indicator of INDICATORS) {
      for (const v of (await values(indicator.id)).values) {
        if (v.comparison === 'worse') worseBy.set(v.area, [...(worseBy.get(v.area) ?? []), indicator.id]);
      }
    }
    const { body: gemeenten } = await p.get('/api/v1/areas?level=gemeente');
    expect(gemeenten).toHaveLength(342);
    for (const g of gemeenten) {
      const { status, body } = await p.get(`/api/v1/areas/${g.code}/analysis`);
      expect(status, g.code).toBe(200);
      expect(body.worse.map((w: any) => w.indicator.id), g.code).toEqual(worseBy.get(g.code) ?? []);
      for (const rec of body.recommendations) {
        expect(rec.indicators.length, `${g.code} ${rec.intervention.id}`).toBeGreaterThan(0);
        expect(rec.riskFactors.length, `${g.code} ${rec.intervention.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('compares with the GGD-regio exactly as the values endpoint does with that benchmark', async () => {
    const { body } = await p.get(`/api/v1/areas/${ROTTERDAM}/analysis?benchmark=region`);
    expect(body.benchmark).toMatchObject({ kind: 'region', code: RIJNMOND });
    const expected: string[] = [];
    for (const indicator of INDICATORS) {
      const v = await values(indicator.id, `&benchmark=${RIJNMOND}`);
      const row = v.values.find((x: any) => x.area === ROTTERDAM);
      if (row.comparison === 'worse') expected.push(indicator.id);
      const entry = body.overview.find((o: any) => o.indicator === indicator.id);
      expect(entry.comparison, indicator.id).toBe(row.comparison);
      expect(entry.benchmarkValue, indicator.id).toBe(v.benchmark.value);
    }
    expect(body.worse.map((w: any) => w.indicator.id)).toEqual(expected);
  });

  it('compares with the pooled counts of the similar municipalities', async () => {
    const { body } = await p.get(`/api/v1/areas/${ROTTERDAM}/analysis?benchmark=similar`);
    const { body: similar } = await p.get(`/api/v1/areas/${ROTTERDAM}/similar`);
    const members = similar.neighbours.map((n: any) => n.code);
    expect(body.benchmark.members.map((m: any) => m.code)).toEqual(members);
    const expected: string[] = [];
    for (const indicator of INDICATORS) {
      const v = await values(indicator.id);
      const published = v.values.filter((x: any) => members.includes(x.area) && !x.suppressed);
      const pooled = (published.reduce((t: number, x: any) => t + x.numerator, 0) / published.reduce((t: number, x: any) => t + x.denominator, 0)) * indicator.multiplier;
      const own = v.values.find((x: any) => x.area === ROTTERDAM);
      const comparison = compareWithBenchmark({ value: own.value, lower: own.lowercl95, upper: own.uppercl95 }, pooled, indicator.polarity);
      const entry = body.overview.find((o: any) => o.indicator === indicator.id);
      expect(entry.benchmarkValue, indicator.id).toBeCloseTo(pooled, 9);
      expect(entry.comparison, indicator.id).toBe(comparison);
      if (comparison === 'worse') expected.push(indicator.id);
    }
    expect(body.worse.map((w: any) => w.indicator.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('counts the excess in published wijken at the benchmark rate, adding up to the gemeente', async () => {
    for (const benchmark of ['nl', 'region', 'similar']) {
      const { body } = await p.get(`/api/v1/areas/${ROTTERDAM}/analysis?benchmark=${benchmark}`);
      for (const w of body.worse) {
        const { body: wijken } = await p.get(`/api/v1/indicators/${w.indicator.id}/values?level=wijk&within=${ROTTERDAM}&period=${period}`);
        const own = (await values(w.indicator.id)).values.find((x: any) => x.area === ROTTERDAM);
        const rate = w.benchmarkValue / w.indicator.multiplier;
        expect(w.value).toBe(own.value);
        expect([w.lowercl95, w.uppercl95]).toEqual([own.lowercl95, own.uppercl95]);
        expect(w.excess.observed).toBe(own.numerator);
        expect(w.excess.excess).toBeCloseTo(own.numerator - own.denominator * rate, 6);
        const sum = w.excess.wijken.reduce((t: number, x: any) => t + x.excess, 0) + w.excess.otherWijken.excess + w.excess.notPublished.excess;
        expect(sum, `${benchmark} ${w.indicator.id}`).toBeCloseTo(w.excess.excess, 6);
        expect(w.excess.notPublished.count).toBe(wijken.values.filter((x: any) => x.suppressed).length);
        expect(w.excess.wijken.length + w.excess.otherWijken.count).toBe(wijken.values.filter((x: any) => !x.suppressed).length);
        for (const x of w.excess.wijken) {
          const row = wijken.values.find((v: any) => v.area === x.code);
          expect(row.suppressed, x.code).toBe(false);
          expect(x.numerator).toBe(row.numerator);
          expect(x.excess).toBeCloseTo(row.numerator - row.denominator * rate, 6);
          expect(x.excess).toBeGreaterThan(0);
          expect(x.share).toBeCloseTo(x.excess / w.excess.excess, 9);
        }
        const top = w.excess.wijken.slice(0, 2).map((x: any) => x.name);
        for (const name of top) expect(w.finding.nl).toContain(name);
      }
    }
  });

  it('recommends interventions, each traceable to a worse indicator and a risk factor, with a reason in both languages', async () => {
    const { body } = await p.get(`/api/v1/areas/${ROTTERDAM}/analysis?benchmark=similar`);
    const { body: risk } = await p.get('/api/v1/risk-factors');
    const links = new Map(risk.indicatorLinks.map((l: any) => [l.indicator, l.riskFactors]));
    const worse = new Set(body.worse.map((w: any) => w.indicator.id));
    expect(body.recommendations.length).toBeGreaterThan(3);
    for (const rec of body.recommendations) {
      const { body: intervention } = await p.get(`/api/v1/interventions/${rec.intervention.id}`);
      for (const rf of rec.riskFactors) {
        expect(intervention.riskFactors).toContain(rf);
        expect(body.riskFactors.map((r: any) => r.id)).toContain(rf);
      }
      for (const t of rec.trace) {
        expect(worse.has(t.indicator)).toBe(true);
        for (const rf of t.riskFactors) expect(links.get(t.indicator)).toContain(rf);
      }
      expect(rec.reason.nl).toMatch(/significant (hoger|lager) dan in vergelijkbare gemeenten/);
      expect(rec.reason.en).toMatch(/significantly (higher|lower) than in similar municipalities/);
      expect(rec.reason.nl).toContain(`${rec.intervention.name} richt zich op`);
      expect(rec.reason.en).toContain(`${rec.intervention.name} addresses`);
    }
    // Rotterdam's own local programme is among them. Without coalitions (no demo accounts here)
    // there is no plan to compare with, and the note says so (plan-coverage.test.ts has the rest).
    expect(body.recommendations.map((r: any) => r.intervention.id)).toContain('moeders-van-rotterdam');
    expect(body.coveredByPlan).toEqual([]);
    expect(body.coveredByPlanNote).toMatchObject({ reason: 'no-coalition', coalition: null });
    expect(body.coveredByPlanNote.en).toMatch(/not part of a coalition/);
    for (const line of body.actionLines) expect(line.indicators.every((id: string) => worse.has(id))).toBe(true);
  });

  it('answers with an ETag and 304 on revalidation', async () => {
    const first = await p.app.inject({ method: 'GET', url: `/api/v1/areas/${ROTTERDAM}/analysis` });
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await p.app.inject({ method: 'GET', url: `/api/v1/areas/${ROTTERDAM}/analysis`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('answers 404 for unknown areas and 400 for other levels and bad parameters, naming them', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/areas/GM9999/similar', 404, 'code'],
      ['/api/v1/areas/GM9999/analysis', 404, 'code'],
      [`/api/v1/areas/${RIJNMOND}/similar`, 400, 'code'],
      [`/api/v1/areas/${RIJNMOND}/analysis`, 400, 'code'],
      ['/api/v1/areas/WK059912/similar', 400, 'code'],
      ['/api/v1/areas/WK059912/analysis', 400, 'code'],
      ['/api/v1/areas/NL01/analysis', 400, 'code'],
      [`/api/v1/areas/${ROTTERDAM}/analysis?benchmark=GG4607`, 400, 'benchmark'],
      [`/api/v1/areas/${ROTTERDAM}/analysis?period=2031`, 400, 'period'],
      [`/api/v1/areas/${ROTTERDAM}/analysis?period=abc`, 400, 'period'],
    ];
    for (const [url, status, field] of cases) {
      const response = await p.get(url);
      expect(response.status, url).toBe(status);
      expect(response.body.error.field, url).toBe(field);
      expect(response.body.error.message, url).toBeTruthy();
    }
  });
});
