// Schema migrations: the numbered SQL files in migrations/, applied once each, in order, in
// one transaction per file. An advisory lock keeps two app servers from migrating at once.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));
const MIGRATION_LOCK = 736_120_018;

export async function migrate(db: Database): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = readdirSync(migrationsDir).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query('SELECT 1 FROM schema_migration WHERE name = $1', [file]);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(readFileSync(migrationsDir + file, 'utf8'))) await tx.query(statement);
      await tx.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}

/** Splits a migration on semicolons at line ends; our migrations keep to that form. */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
