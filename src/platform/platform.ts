// Start-up of the platform: open the database, run migrations, load the catalogue and (in
// demo mode, on an empty database) the synthetic demo data.

import { AtlasService, seedCatalogue } from '../atlas/atlas-store.ts';
import { writeCounts } from '../atlas/counts-writer.ts';
import { SYNTHETIC_SOURCE } from '../atlas/atlas-views.ts';
import type { Config } from './config.ts';
import { onlyRow, openDatabase, type Database } from './db.ts';
import { migrate } from './migrations.ts';
import { loadMenukaartContent } from '../menukaart/content-loader.ts';

export interface Platform {
  config: Config;
  db: Database;
  atlas: AtlasService;
  close(): Promise<void>;
}

export type Progress = (message: string) => void;

export async function startPlatform(config: Config, progress: Progress = () => {}): Promise<Platform> {
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  progress(config.databaseUrl ? 'database: PostgreSQL server' : `database: embedded PGlite in ${config.dataDir}`);
  const applied = await migrate(db);
  if (applied.length) progress(`migrations applied: ${applied.join(', ')}`);
  await seedCatalogue(db);
  await loadMenukaartContent(db, progress);
  if (config.demo) {
    await loadDemoDataIfEmpty(db, progress);
    // After the demo figures: demo organisations, accounts for every role and coalitions.
    const { loadCoalitionDemo } = await import('../coalities/demo.ts');
    await loadCoalitionDemo(db, config, progress);
  }
  const atlas = new AtlasService(db);
  return { config, db, atlas, close: () => db.close() };
}

export async function loadDemoDataIfEmpty(db: Database, progress: Progress): Promise<boolean> {
  const { present } = onlyRow(await db.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM indicator_count) AS present'));
  if (present) return false;
  const started = performance.now();
  progress('first start: generating synthetic demo data (2015–2024, all wijken)…');
  const { generateDemoCounts } = await import('../atlas/demo/demo-counts.ts');
  const rows = generateDemoCounts();
  progress(`writing ${rows.length.toLocaleString('en')} demo counts…`);
  const written = await writeCounts(db, { kind: 'demo', synthetic: true, source: SYNTHETIC_SOURCE }, rows, { onlyIfEmpty: true });
  progress(written ? `demo data loaded in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'demo data: another server loaded it meanwhile');
  return written !== undefined;
}
