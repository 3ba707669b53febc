// Two app servers on one PostgreSQL database: what one imports, the other serves, because
// neither keeps state of its own beyond a cache keyed by the database's counts_version.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtlasService, seedCatalogue } from '../../src/atlas/atlas-store.ts';
import { importFile } from '../../src/atlas/importer.ts';
import { onlyRow, openDatabase, type Database } from '../../src/platform/db.ts';
import { migrate } from '../../src/platform/migrations.ts';
import { loadDemoDataIfEmpty } from '../../src/platform/platform.ts';
import { TEST_DATABASE_URL } from '../support/databases.ts';

describe.runIf(TEST_DATABASE_URL)('two app servers on one PostgreSQL database', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL?.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const dir = mkdtempSync(join(tmpdir(), 'kansrijk-two-'));
  const open: Database[] = [];
  afterAll(async () => {
    await open[0]?.query(`DROP SCHEMA ${schema} CASCADE`);
    for (const db of open) await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let a: Database;
  let b: Database;

  it('serves on one server what was imported through the other', async () => {
    const admin = await openDatabase({ url: TEST_DATABASE_URL! });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.close();
    a = await openDatabase({ url });
    b = await openDatabase({ url });
    open.push(a, b);
    // Both start at once, as two containers behind a load balancer would.
    await Promise.all([migrate(a).then(() => seedCatalogue(a)), migrate(b).then(() => seedCatalogue(b))]);
    const serverA = new AtlasService(a, 0);
    const serverB = new AtlasService(b, 0);
    expect((await serverB.current()).atlas.periods).toEqual([]);

    const file = join(dir, 'counts.csv');
    writeFileSync(file, 'area_code,period,indicator,numerator,denominator\nGM0599,2023,big2,1000,7000\nGM0014,2023,big2,300,2500\n');
    expect((await importFile(a, file, { source: 'test' })).issues).toEqual([]);

    const seenByB = await serverB.current();
    const seenByA = await serverA.current();
    expect(seenByB.version).toBe(seenByA.version);
    const series = seenByB.atlas.series.get('big2')![0]!;
    const nl = seenByB.atlas.hierarchy.netherlands;
    expect([series.numerator[nl], series.denominator[nl]]).toEqual([1300, 9500]);
  });

  it('loads the demo data once when two servers start on an empty database at the same moment', async () => {
    await a.query('DELETE FROM indicator_count');
    const loaded = await Promise.all([loadDemoDataIfEmpty(a, () => {}), loadDemoDataIfEmpty(b, () => {})]);
    expect(loaded.filter(Boolean)).toHaveLength(1);
    const { n } = onlyRow(await a.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator_count'));
    expect(n).toBe(3393 * 14 * 10);
  });
});
