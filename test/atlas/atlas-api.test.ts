// The atlas on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), with the
// synthetic demo data, through the HTTP API. Expected sums come from SQL over the stored counts,
// independently of the derivation code.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { INDICATORS } from '../../src/atlas/indicator-catalogue.ts';

describe.each(TEST_ENGINES)('atlas API on $name', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: true });
  });
  afterAll(async () => p?.close());

  it('lists the real CBS geography with parents', async () => {
    const counts: Record<string, number> = { land: 1, provincie: 12, ggdregio: 25, jeugdregio: 42, gemeente: 342, wijk: 3393 };
    for (const [level, n] of Object.entries(counts)) {
      const { status, body } = await p.get(`/api/v1/areas?level=${level}`);
      expect(status).toBe(200);
      expect(body).toHaveLength(n);
    }
    const { body: wijken } = await p.get('/api/v1/areas?level=wijk');
    const charlois = wijken.find((a: any) => a.code === 'WK059912');
    expect(charlois).toMatchObject({ level: 'wijk', parents: { gemeente: 'GM0599', provincie: 'PV28', land: 'NL01' } });
    expect(charlois.parents.ggdregio).toMatch(/^GG\d{4}$/);
  });

  it('has a catalogue of at least 12 indicators with full metadata, flagged synthetic', async () => {
    const { body } = await p.get('/api/v1/indicators');
    expect(body.length).toBeGreaterThanOrEqual(12);
    for (const i of body) {
      expect(i.name.nl && i.name.en && i.definition.nl && i.definition.en).toBeTruthy();
      expect(['proportion', 'rate', 'mean', 'count']).toContain(i.method);
      expect(i.synthetic).toBe(true);
      expect(i.source.nl).toBeTruthy();
    }
    for (const id of ['big2', 'preterm', 'sga', 'low_birth_weight', 'perinatal_mortality', 'teenage_mothers', 'late_antenatal_care', 'smoking_in_pregnancy', 'child_protection_0_2', 'low_income_households', 'single_parent_households', 'social_assistance']) {
      expect(body.map((i: any) => i.id)).toContain(id);
    }
  });

  it('serves all 342 gemeenten for every indicator and year, labelled synthetic', async () => {
    const { body: meta } = await p.get('/api/v1/indicators/big2');
    expect(meta.periods).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    for (const indicator of INDICATORS) {
      for (const period of meta.periods) {
        const { status, body } = await p.get(`/api/v1/indicators/${indicator.id}/values?level=gemeente&period=${period}`);
        expect(status).toBe(200);
        expect(body.values).toHaveLength(342);
        expect(body.synthetic).toBe(true);
        expect(body.source.nl).toMatch(/Synthetische demonstratiedata/);
      }
    }
  });

  it('sums Nederland and the regions from their counts, never from percentages', async () => {
    for (const indicator of ['big2', 'child_protection_0_2']) {
      const sums = await p.db.query<{ region: string; numerator: number; denominator: number }>(
        `SELECT a.ggdregio_code AS region, sum(c.numerator)::float8 AS numerator, sum(c.denominator)::float8 AS denominator
         FROM indicator_count c JOIN area a ON a.code = c.area_code
         WHERE c.indicator_id = $1 AND c.period = 2022 GROUP BY a.ggdregio_code`,
        [indicator],
      );
      const { body } = await p.get(`/api/v1/indicators/${indicator}/values?level=ggdregio&period=2022`);
      expect(body.values).toHaveLength(25);
      for (const v of body.values) {
        const sum = sums.find((s) => s.region === v.area)!;
        expect(v.numerator).toBe(sum.numerator);
        expect(v.denominator).toBe(sum.denominator);
      }
      const { body: land } = await p.get(`/api/v1/indicators/${indicator}/values?level=land&period=2022`);
      expect(land.values[0].numerator).toBe(sums.reduce((t, s) => t + s.numerator, 0));
      expect(land.benchmark.value).toBeCloseTo((land.values[0].numerator / land.values[0].denominator) * (indicator === 'big2' ? 100 : 1000), 10);
    }
  });

  it('publishes no small numbers and leaves no suppressed wijk or gemeente to be derived by differencing', async () => {
    const { body: wijkAreas } = await p.get('/api/v1/areas?level=wijk');
    const gemeenteOf = new Map(wijkAreas.map((a: any) => [a.code, a.parents.gemeente]));
    for (const indicator of INDICATORS) {
      for (const period of [2015, 2024]) {
        const [{ body: wijken }, { body: gemeenten }] = await Promise.all([
          p.get(`/api/v1/indicators/${indicator.id}/values?level=wijk&period=${period}`),
          p.get(`/api/v1/indicators/${indicator.id}/values?level=gemeente&period=${period}`),
        ]);
        for (const v of [...wijken.values, ...gemeenten.values]) {
          if (v.suppressed) {
            expect(v.numerator).toBeUndefined();
            expect(v.value).toBeUndefined();
            expect(v.lowercl95).toBeUndefined();
            continue;
          }
          expect(v.denominator).toBeGreaterThanOrEqual(10);
          expect(v.numerator === 0 || v.numerator >= 5).toBe(true);
        }
        // Per gemeente: its published total minus its published wijken must never leave exactly
        // one hidden wijk; and a hidden gemeente must not equal the sum of fully published wijken.
        const hiddenPerGemeente = new Map<string, number>();
        for (const v of wijken.values) {
          const g = gemeenteOf.get(v.area) as string;
          hiddenPerGemeente.set(g, (hiddenPerGemeente.get(g) ?? 0) + (v.suppressed ? 1 : 0));
        }
        for (const g of gemeenten.values) {
          const hidden = (hiddenPerGemeente.get(g.area) ?? 0) + (g.suppressed ? 1 : 0);
          expect(hidden === 0 || hidden >= 2, `${indicator.id} ${period} ${g.area}: ${hidden} hidden cell(s)`).toBe(true);
        }
      }
    }
  });

  it('compares with Nederland by default and with any area on request', async () => {
    const { body } = await p.get('/api/v1/indicators/big2/values?level=gemeente&period=2023');
    expect(body.benchmark.code).toBe('NL01');
    for (const v of body.values.filter((x: any) => !x.suppressed)) {
      const inside = v.lowercl95 <= body.benchmark.value && body.benchmark.value <= v.uppercl95;
      expect(v.comparison).toBe(inside ? 'similar' : v.value > body.benchmark.value ? 'worse' : 'better');
    }
    const { body: vsRotterdam } = await p.get('/api/v1/indicators/big2/values?level=gemeente&period=2023&benchmark=GM0599');
    expect(vsRotterdam.benchmark.code).toBe('GM0599');
    expect(vsRotterdam.values.find((v: any) => v.area === 'GM0599').comparison).toBe('not-compared');
    const { body: none } = await p.get('/api/v1/indicators/single_parent_households/values?level=gemeente&period=2023');
    const judged = new Set(none.values.map((v: any) => v.comparison));
    expect(judged.has('better') || judged.has('worse')).toBe(false);
    expect(judged.has('higher') || judged.has('lower')).toBe(true);
  });

  it('narrows values to the areas within one area', async () => {
    const { body } = await p.get('/api/v1/indicators/big2/values?level=wijk&within=GM0599');
    const { body: all } = await p.get('/api/v1/areas?level=wijk');
    const expected = all.filter((a: any) => a.parents.gemeente === 'GM0599').map((a: any) => a.code);
    expect(body.values.map((v: any) => v.area)).toEqual(expected);
    expect(body.within).toBe('GM0599');
    const { body: ggd } = await p.get('/api/v1/indicators/big2/values?level=gemeente&within=GG4607');
    expect(ggd.values.length).toBeGreaterThan(3);
    expect((await p.get('/api/v1/indicators/big2/values?level=wijk&within=GM9999')).status).toBe(400);
  });

  it('gives an area profile with every indicator, trend and national range', async () => {
    const { status, body } = await p.get('/api/v1/areas/GM0599/profile?period=2024');
    expect(status).toBe(200);
    expect(body.area.name).toBe('Rotterdam');
    expect(body.indicators).toHaveLength(INDICATORS.length);
    for (const row of body.indicators) {
      expect(row.series).toHaveLength(10);
      expect(['increasing', 'decreasing', 'no-significant-change', 'cannot-be-calculated']).toContain(row.trend);
      expect(row.levelRange.min).toBeLessThanOrEqual(row.levelRange.max);
    }
  });

  it('serves TopoJSON per level, wijken per gemeente, with attribution', async () => {
    const { status, body } = await p.get('/api/v1/geo/gemeente');
    expect(status).toBe(200);
    expect(body.type).toBe('Topology');
    expect(body.objects.gemeente.geometries).toHaveLength(342);
    expect(body.attribution).toMatch(/CBS/);
    const { body: wijken } = await p.get('/api/v1/geo/wijk?gemeente=GM0599');
    expect(wijken.objects.wijk.geometries.length).toBeGreaterThan(5);
    expect(wijken.objects.wijk.geometries.every((g: any) => g.properties.gemeentecode === 'GM0599')).toBe(true);
  });

  it('answers 404 for unknown areas and indicators and 400 for bad parameters, naming them', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/indicators/nope/values?level=gemeente', 404, 'id'],
      ['/api/v1/areas/GM9999/profile', 404, 'code'],
      ['/api/v1/indicators/big2/values?level=buurt', 400, 'level'],
      ['/api/v1/indicators/big2/values', 400, 'level'],
      ['/api/v1/indicators/big2/values?level=gemeente&period=2031', 400, 'period'],
      ['/api/v1/indicators/big2/values?level=gemeente&period=abc', 400, 'period'],
      ['/api/v1/indicators/big2/values?level=gemeente&benchmark=GM9999', 400, 'benchmark'],
      ['/api/v1/areas?level=dorp', 400, 'level'],
      ['/api/v1/geo/land', 400, 'level'],
    ];
    for (const [url, status, field] of cases) {
      const response = await p.get(url);
      expect(response.status, url).toBe(status);
      expect(response.body.error.field, url).toBe(field);
      expect(response.body.error.message, url).toBeTruthy();
    }
  });

  it('documents itself in OpenAPI and reports health', async () => {
    const { body } = await p.get('/api/v1/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/areas', '/api/v1/indicators', '/api/v1/indicators/{id}/values', '/api/v1/areas/{code}/profile', '/api/v1/geo/{level}']) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    const health = await p.get('/healthz');
    expect(health.body).toMatchObject({ status: 'ok', database: engine.name });
  });
});
