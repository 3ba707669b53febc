// `kansrijk import` on a real database: a broken file writes nothing and names the line; the
// same file twice gives the same counts; a gemeente figure replaces the wijken below it.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/atlas/importer.ts';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const dir = mkdtempSync(join(tmpdir(), 'kansrijk-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function countsFingerprint(p: TestPlatform) {
  const [row] = await p.db.query<{ n: number; num: number; den: number; version: number }>(
    `SELECT count(*)::int AS n, coalesce(sum(numerator), 0)::float8 AS num, coalesce(sum(denominator), 0)::float8 AS den,
            (SELECT counts_version FROM atlas_state)::int AS version FROM indicator_count`,
  );
  return row!;
}

describe.each(TEST_ENGINES)('import on $name', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false });
  });
  afterAll(async () => p?.close());

  it('rejects a broken file whole, naming line and field, and writes nothing', async () => {
    const before = await countsFingerprint(p);
    const path = file(
      'broken.csv',
      ['area_code;period;indicator;numerator;denominator', 'GM0599;2023;big2;100;800', 'GM0000;2023;big2;1;10', 'GM0363;2023;big2;90;80', 'GM0014;2023;big2;abc;100', 'GM0014;2031;big2;1;100', 'GM0014;2023;nope;1;100'].join('\n'),
    );
    const result = await importFile(p.db, path, { source: 'test' });
    expect(result.issues).toEqual([
      expect.stringMatching(/^line 3, field 'area_code'.*GM0000/),
      expect.stringMatching(/^line 4, field 'numerator'.*greater than/),
      expect.stringMatching(/^line 5, field 'numerator'.*abc/),
      expect.stringMatching(/^line 6, field 'period'.*2031/),
      expect.stringMatching(/^line 7, field 'indicator'.*nope/),
    ]);
    expect(await countsFingerprint(p)).toEqual(before);
  });

  it('imports a long CSV, and the same file twice gives the same counts', async () => {
    const path = file('gemeenten.csv', ['area_code,period,indicator,numerator,denominator', 'GM0599,2023,big2,1000,7000', 'GM0363,2023,big2,1200,9000', 'GM0014,2023,big2,300,2500'].join('\n'));
    const first = await importFile(p.db, path, { source: 'Perined 2023 (test)' });
    expect(first.issues).toEqual([]);
    const afterFirst = await countsFingerprint(p);
    await importFile(p.db, path, { source: 'Perined 2023 (test)' });
    const afterSecond = await countsFingerprint(p);
    expect({ ...afterSecond, version: 0 }).toEqual({ ...afterFirst, version: 0 });
    expect(afterFirst).toMatchObject({ n: 3, num: 2500, den: 18500 });
    const { body } = await p.get('/api/v1/indicators/big2/values?level=land&period=2023');
    expect(body.values[0]).toMatchObject({ numerator: 2500, denominator: 18500, synthetic: false });
    expect(body.synthetic).toBe(false);
    expect(body.source.nl).toBe('Perined 2023 (test)');
  });

  it('lets a gemeente figure replace the counts of its wijken, and wijk counts replace the gemeente', async () => {
    const wijken = file('wijken.csv', ['area_code,period,indicator,numerator,denominator', 'WK059912,2022,preterm,40,600', 'WK059913,2022,preterm,30,500', 'WK0363AA,2022,preterm,12,300'].join('\n'));
    expect((await importFile(p.db, wijken, { source: 'wijken' })).issues).toEqual([]);
    let rotterdam = (await p.get('/api/v1/indicators/preterm/values?level=gemeente&period=2022')).body.values.find((v: any) => v.area === 'GM0599');
    expect(rotterdam).toMatchObject({ numerator: 70, denominator: 1100 });

    const gemeente = file('gemeente.csv', 'area_code,period,indicator,numerator,denominator\nGM0599,2022,preterm,500,7000\n');
    const result = await importFile(p.db, gemeente, { source: 'gemeente' });
    expect(result.replacedAtOtherLevels).toBe(2);
    rotterdam = (await p.get('/api/v1/indicators/preterm/values?level=gemeente&period=2022')).body.values.find((v: any) => v.area === 'GM0599');
    expect(rotterdam).toMatchObject({ numerator: 500, denominator: 7000 });
    const amsterdamWijk = (await p.get('/api/v1/indicators/preterm/values?level=wijk&period=2022')).body.values.find((v: any) => v.area === 'WK0363AA');
    expect(amsterdamWijk).toMatchObject({ numerator: 12, denominator: 300 });

    const again = await importFile(p.db, wijken, { source: 'wijken' });
    expect(again.replacedAtOtherLevels).toBe(1);
    rotterdam = (await p.get('/api/v1/indicators/preterm/values?level=gemeente&period=2022')).body.values.find((v: any) => v.area === 'GM0599');
    expect(rotterdam).toMatchObject({ numerator: 70, denominator: 1100 });
  });

  it('rejects a file that delivers a gemeente and one of its own wijken', async () => {
    const before = await countsFingerprint(p);
    const path = file('mixed.csv', 'area_code,period,indicator,numerator,denominator\nGM0599,2021,sga,50,700\nWK059912,2021,sga,5,70\n');
    const result = await importFile(p.db, path, { source: 'mixed' });
    expect(result.issues).toEqual([expect.stringMatching(/sga 2021 is delivered both for gemeente GM0599 and for its wijk WK059912/)]);
    expect(await countsFingerprint(p)).toEqual(before);
  });

  it('aggregates a birth-level file on import', async () => {
    const header = 'area_code,year,gestational_age_days,birth_weight_g,sex,stillbirth,death_within_7_days,mother_age,sga,first_contact_day,smoking,maternity_care';
    const births = [
      'WK001400,2021,280,3500,f,0,0,31,0,60,0,1', // term, fine
      'WK001400,2021,250,2300,m,0,0,19,0,80,1,1', // preterm, low weight, teenage mother, late, smoking
      'WK001400,2021,275,2700,f,0,0,25,1,65,0,0', // SGA, no maternity care
      'WK001400,2021,200,900,m,1,0,33,1,70,0,', // stillbirth, preterm and SGA
      'WK001400,2021,160,500,m,1,0,30,,,,', // 22+6 weeks: perinatal mortality only
    ];
    const path = file('births.csv', [header, ...births].join('\n'));
    const result = await importFile(p.db, path, { source: 'births test' });
    expect(result.issues).toEqual([]);
    const rows = await p.db.query<{ indicator_id: string; numerator: number; denominator: number }>(
      `SELECT indicator_id, numerator::int, denominator::int FROM indicator_count WHERE area_code = 'WK001400' AND period = 2021 ORDER BY indicator_id`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.indicator_id, [r.numerator, r.denominator]]));
    expect(byId).toMatchObject({
      preterm: [2, 4], // 250 and 200 days, of the four from 24 weeks
      sga: [2, 4],
      big2: [3, 4], // preterm or SGA: the 250-, 275- and 200-day births
      perinatal_mortality: [2, 5], // both stillbirths, all five from 22 weeks
      teenage_mothers: [1, 4],
      late_antenatal_care: [1, 4], // day 80 only; day 70 is not after day 70
      smoking_in_pregnancy: [1, 4],
      no_maternity_care: [1, 3], // live births with known maternity care
    });
  });
});
