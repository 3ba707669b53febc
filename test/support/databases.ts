// The database engines every database test runs on: PGlite always, and the PostgreSQL
// server in TEST_DATABASE_URL when it is set (.ci/run sets it). Each test file gets its own
// schema on the server, dropped afterwards, so files can run in parallel.

import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/platform/db.ts';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

if (!TEST_DATABASE_URL) {
  // Said loudly, once per test file: these tests ran on PGlite only.
  console.warn('TEST_DATABASE_URL is not set: database tests run on PGlite only (CI runs them on PostgreSQL too).');
}

async function openServerSchema(url: string): Promise<Database> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const separator = url.includes('?') ? '&' : '?';
  const db = await openDatabase({ url: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` });
  const close = db.close.bind(db);
  return Object.assign(db, {
    close: async () => {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await close();
    },
  });
}

export const TEST_ENGINES: TestEngine[] = [
  { name: 'pglite', open: () => openDatabase({}) },
  ...(TEST_DATABASE_URL ? [{ name: 'postgres' as const, open: () => openServerSchema(TEST_DATABASE_URL) }] : []),
];
