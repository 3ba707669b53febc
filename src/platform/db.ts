// One database interface over two engines with PostgreSQL semantics: PGlite (Postgres
// compiled to WASM, data in a local folder) by default, a PostgreSQL server when DATABASE_URL
// is set. Both run the same migrations and the same SQL; only bulk loading differs (COPY from
// a blob in PGlite, COPY FROM STDIN on a server).

import { mkdirSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PGlite as PGliteType, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export type Engine = 'pglite' | 'postgres';
export type SqlValue = string | number | boolean | null | Date | string[] | number[];

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Bulk-insert rows with COPY. Values are written in PostgreSQL's text format. */
  copyRows(table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>): Promise<number>;
  /** Reads a whole query result as COPY text (tab-separated, \N for NULL): far faster than
   * row objects for the hundreds of thousands of counts the atlas loads at once. */
  copyOut(selectSql: string): Promise<string>;
}

export interface Database extends Queryable {
  readonly engine: Engine;
  /** Runs fn in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The one row a query must return (an aggregate, an INSERT … RETURNING). */
export function onlyRow<T>(rows: T[]): T {
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server; otherwise PGlite in dataDir (or in memory). */
  url?: string;
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir);
}

/** Escape one value for COPY's text format: tab-separated, \N for NULL, backslash escapes. */
function copyField(value: SqlValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`copyRows: non-finite number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) throw new Error('copyRows: arrays are not supported');
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

/** Yields COPY text in chunks of about 256 kB so that large loads never build one huge string. */
function* copyChunks(rows: Iterable<readonly SqlValue[]>, counter: { rows: number }): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyField(row[i]!);
    chunk += line + '\n';
    counter.rows++;
    if (chunk.length > 262_144) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
function copyStatement(table: string, columns: readonly string[], source: string): string {
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`copyRows: bad identifier '${name}'`);
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}

// ---------------------------------------------------------------------------------------------
// PGlite

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg: PGliteType = await PGlite.create(dataDir ?? 'memory://');

  const wrap = (target: PGliteType | PGliteTransaction): Queryable => ({
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async copyRows(table, columns, rows) {
      const counter = { rows: 0 };
      const parts = [...copyChunks(rows, counter)];
      if (counter.rows === 0) return 0;
      await target.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob(parts) });
      return counter.rows;
    },
    async copyOut(selectSql) {
      const result = await target.query(`COPY (${selectSql}) TO '/dev/blob'`);
      return result.blob ? await result.blob.text() : '';
    },
  });

  const root = wrap(pg);
  return {
    engine: 'pglite',
    ...root,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server

async function openPostgres(url: string): Promise<Database> {
  const { default: pgModule } = await import('pg');
  const { from: copyFrom, to: copyTo } = await import('pg-copy-streams');
  // Counts and sums come back as JS numbers; bigint counts stay far below 2^53.
  pgModule.types.setTypeParser(20, (v: string) => Number(v));
  pgModule.types.setTypeParser(1700, (v: string) => Number(v));
  const pool: Pool = new pgModule.Pool({ connectionString: url, max: Number(process.env.KANSRIJK_DB_POOL ?? 10) });

  // COPY needs one connection: inside a transaction its client, otherwise one from the pool.
  async function withConnection<T>(client: Pool | PoolClient, fn: (c: PoolClient) => Promise<T>): Promise<T> {
    if ('release' in client) return fn(client);
    const connection = await client.connect();
    try {
      return await fn(connection);
    } finally {
      connection.release();
    }
  }

  const wrap = (client: Pool | PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async copyRows(table, columns, rows) {
      const counter = { rows: 0 };
      await withConnection(client, (c) => pipeline(Readable.from(copyChunks(rows, counter)), c.query(copyFrom(copyStatement(table, columns, 'STDIN')))));
      return counter.rows;
    },
    copyOut(selectSql) {
      return withConnection(client, async (c) => {
        const chunks: Buffer[] = [];
        for await (const chunk of c.query(copyTo(`COPY (${selectSql}) TO STDOUT`))) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      });
    },
  });

  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
