// Schema migrations: the numbered SQL files in migrations/, each applied once, in order. All
// pending ones run in one transaction under an advisory lock, so app servers starting at the
// same moment neither race nor see half a schema.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './db.ts';

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** Advisory lock held while the schema or the shipped catalogue is being written. */
export const SCHEMA_LOCK = 736_120_018;

export async function lockSchema(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
}

export async function migrate(db: Database): Promise<string[]> {
  const files = readdirSync(migrationsDir).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return db.transaction(async (tx) => {
    await lockSchema(tx);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migration')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      for (const statement of splitStatements(readFileSync(migrationsDir + file, 'utf8'))) await tx.query(statement);
      await tx.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}

/** The opening tag of a dollar-quoted body: $$ or $name$. */
const DOLLAR_TAG = /\$[A-Za-z_]*\$/y;

/**
 * Splits a migration into statements at semicolons that end a line (our migrations keep to that
 * form), skipping `--` comments. A semicolon inside a quoted string or a dollar-quoted body
 * (`$$ … $$`, `$body$ … $body$`, as in PL/pgSQL functions) never splits.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '-' && sql[i + 1] === '-') {
      // A comment runs to the end of the line; the line end itself is kept.
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      continue;
    }
    if (c === "'") {
      // A string literal, with '' as an escaped quote.
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      current += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '$') {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(sql)?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        const stop = end === -1 ? sql.length : end + tag.length;
        current += sql.slice(i, stop);
        i = stop;
        continue;
      }
    }
    if (c === ';' && /^[ \t\r]*(?:\n|$)/.test(sql.slice(i + 1, i + 200))) {
      statements.push(current);
      current = '';
      i++;
      continue;
    }
    current += c;
    i++;
  }
  statements.push(current);
  return statements.map((s) => s.trim()).filter(Boolean);
}
