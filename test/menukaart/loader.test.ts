// Loading the content into the database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
// idempotent, keyed by id + version, strict about edits without a new version, and never
// overwriting a newer version edited in the database.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogue } from '../../src/atlas/atlas-store.ts';
import { CONTENT_DIR, ContentError, loadMenukaartContent, readContent } from '../../src/menukaart/content-loader.ts';
import { MenukaartService, readMenukaartContent } from '../../src/menukaart/menukaart-store.ts';
import type { Database } from '../../src/platform/db.ts';
import { migrate } from '../../src/platform/migrations.ts';
import { TEST_ENGINES } from '../support/databases.ts';

describe.each(TEST_ENGINES)('menukaart content loader on $name', (engine) => {
  let db: Database;
  let dir: string;
  const edit = (file: string, change: (json: any) => void) => {
    const json = JSON.parse(readFileSync(dir + file, 'utf8'));
    change(json);
    writeFileSync(dir + file, JSON.stringify(json));
  };

  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
    await seedCatalogue(db);
    dir = mkdtempSync(join(tmpdir(), 'kansrijk-content-')) + '/';
    cpSync(CONTENT_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every item once, and a second load changes nothing', async () => {
    const shipped = readContent();
    const total = shipped.interventions.length + shipped.riskFactors.length + shipped.links.length;
    const first = await loadMenukaartContent(db, () => {}, dir);
    expect(first).toMatchObject({ inserted: total, unchanged: 0, keptNewer: 0, contentVersion: 1 });
    const second = await loadMenukaartContent(db, () => {}, dir);
    expect(second).toMatchObject({ inserted: 0, unchanged: total, keptNewer: 0, contentVersion: 1 });
    const content = await readMenukaartContent(db);
    expect(content.interventions).toHaveLength(shipped.interventions.length);
    expect(content.riskFactors).toHaveLength(shipped.riskFactors.length);
    expect(content.links).toHaveLength(shipped.links.length);
    expect(content.interventionById.get('voorzorg')!.content).toEqual(shipped.interventions.find((i) => i.id === 'voorzorg'));
    expect(content.interventionById.get('voorzorg')!.searchText).toContain('nurse');
  });

  it('adds a new version as a new row and serves the latest; the old version stays as history', async () => {
    edit('interventions/voorzorg.json', (j) => {
      j.version = 2;
      j.summary.en = 'Changed summary, version 2.';
    });
    const result = await loadMenukaartContent(db, () => {}, dir);
    expect(result).toMatchObject({ inserted: 1, contentVersion: 2 });
    const rows = await db.query<{ version: number }>("SELECT version FROM intervention WHERE id = 'voorzorg' ORDER BY version");
    expect(rows.map((r) => Number(r.version))).toEqual([1, 2]);
    const service = new MenukaartService(db, 0);
    expect((await service.current()).interventionById.get('voorzorg')!.content.summary.en).toBe('Changed summary, version 2.');
  });

  it('refuses an edit that keeps the same version, naming the file', async () => {
    edit('interventions/voorzorg.json', (j) => (j.summary.en = 'Edited without raising the version.'));
    const error = await loadMenukaartContent(db, () => {}, dir).catch((e) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatch(/content\/interventions\/voorzorg\.json: version: version 2 of 'voorzorg' is already loaded with different content/);
    // Nothing of the failed load was written.
    expect((await readMenukaartContent(db)).version).toBe(2);
    edit('interventions/voorzorg.json', (j) => (j.summary.en = 'Changed summary, version 2.'));
  });

  it('keeps a newer version edited in the database', async () => {
    const stored = (await readMenukaartContent(db)).interventionById.get('home-start')!.content;
    await db.query(
      "INSERT INTO intervention (id, version, content, content_sha256, search_text) VALUES ('home-start', 5, $1, 'edited', 'home-start')",
      [JSON.stringify({ ...stored, version: 5, name: 'Home-Start (edited)' })],
    );
    await db.query('UPDATE menukaart_state SET content_version = content_version + 1');
    const result = await loadMenukaartContent(db, () => {}, dir);
    expect(result.keptNewer).toBe(1);
    expect(result.inserted).toBe(0);
    expect((await readMenukaartContent(db)).interventionById.get('home-start')!.content.name).toBe('Home-Start (edited)');
  });

  it('hides a withdrawn intervention', async () => {
    edit('interventions/triple-p.json', (j) => {
      j.version = 2;
      j.status = 'withdrawn';
    });
    await loadMenukaartContent(db, () => {}, dir);
    const content = await readMenukaartContent(db);
    expect(content.interventionById.has('triple-p')).toBe(false);
    expect(content.interventions.some((i) => i.content.id === 'triple-p')).toBe(false);
  });

  it('loads safely from two servers at once', async () => {
    edit('interventions/k-vht.json', (j) => (j.version = 2));
    const results = await Promise.all([loadMenukaartContent(db, () => {}, dir), loadMenukaartContent(db, () => {}, dir)]);
    expect(results.map((r) => r.inserted).sort()).toEqual([0, 1]);
  });
});
