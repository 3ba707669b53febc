// npm run bench: the atlas's speed, on PGlite and on a PostgreSQL server, each figure beside a
// baseline measured in the same run (these machines are noisy; ratios travel, seconds don't).
//
//   1. full recompute of every derived figure from the stored counts (target < 2 s)
//   2. import of a birth-level file of 1.7 million rows (target ≥ 100,000 rows/s on PostgreSQL):
//      read, validate, aggregate and write, beside csv-parse only parsing the same file
//   3. API throughput of the values endpoint, beside a bare Node HTTP server sending the same
//      bytes (target ≥ 50 % of the baseline on PostgreSQL)

import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse';
import type { Command, CommandIO } from '../src/cli/main.ts';
import { AtlasService, computeSnapshot, seedCatalogue } from '../src/atlas/atlas-store.ts';
import { importFile } from '../src/atlas/importer.ts';
import { buildServer } from '../src/http/server.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, type Database } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrations.ts';
import { loadDemoDataIfEmpty } from '../src/platform/platform.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const workDir = join(root, '.bench');

interface Options {
  engines: ('pglite' | 'postgres')[];
  births: number;
  seconds: number;
  postgresUrl: string;
}

function parseOptions(args: string[]): Options {
  const options: Options = {
    engines: ['pglite', 'postgres'],
    births: 1_700_000,
    seconds: 8,
    postgresUrl: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
  for (let k = 0; k < args.length; k++) {
    const [flag, value] = [args[k], args[k + 1]];
    if (flag === '--engines' && value) options.engines = value.split(',') as Options['engines'];
    else if (flag === '--births' && value) options.births = Number(value);
    else if (flag === '--seconds' && value) options.seconds = Number(value);
    else throw new Error(`unknown option ${flag}; use --engines pglite,postgres --births N --seconds S`);
    k++;
  }
  return options;
}

async function openBenchDatabase(engine: 'pglite' | 'postgres', options: Options): Promise<{ db: Database; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = join(workDir, `pglite-${randomBytes(4).toString('hex')}`);
    const db = await openDatabase({ dataDir: dir });
    return { db, cleanup: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: options.postgresUrl });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const separator = options.postgresUrl.includes('?') ? '&' : '?';
  const db = await openDatabase({ url: `${options.postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` });
  return {
    db,
    cleanup: async () => {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Baseline for the import: only parsing the file with csv-parse, the usual Node CSV parser. */
async function csvParseRowsPerSecond(path: string): Promise<number> {
  const started = performance.now();
  let rows = 0;
  for await (const _record of createReadStream(path).pipe(parse({ from_line: 2 }))) rows++;
  return rows / ((performance.now() - started) / 1000);
}

/** Requests per second from autocannon, run as a separate process so it doesn't share our CPU time slices. */
function autocannon(url: string, seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/autocannon/autocannon.js'), '-j', '-c', '10', '-d', String(seconds), url], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const result = JSON.parse(out);
        if (result.non2xx > 0 || result.errors > 0) reject(new Error(`autocannon: ${result.non2xx} non-2xx, ${result.errors} errors`));
        else resolve(result.requests.average);
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function apiThroughput(db: Database, seconds: number): Promise<{ ours: number; bare: number; bytes: number }> {
  const platform = { config: loadConfig({}), db, atlas: new AtlasService(db), close: async () => {} };
  const app = await buildServer(platform);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const path = '/api/v1/indicators/big2/values?level=gemeente&period=2024';
  const ourUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${path}`;
  const body = Buffer.from(await (await fetch(ourUrl)).arrayBuffer());
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}${path}`;
  // Warm both, then measure them alternately, twice each, and keep the better run of each.
  await autocannon(ourUrl, 1);
  await autocannon(bareUrl, 1);
  const runs = { ours: [] as number[], bare: [] as number[] };
  for (let k = 0; k < 2; k++) {
    runs.bare.push(await autocannon(bareUrl, seconds / 2));
    runs.ours.push(await autocannon(ourUrl, seconds / 2));
  }
  await app.close();
  await new Promise((r) => bare.close(r));
  return { ours: Math.max(...runs.ours), bare: Math.max(...runs.bare), bytes: body.length };
}

async function benchEngine(engine: 'pglite' | 'postgres', options: Options, birthFile: string, io: CommandIO) {
  const say = (m: string) => io.stderr.write(`[${engine}] ${m}\n`);
  const { db, cleanup } = await openBenchDatabase(engine, options);
  try {
    await migrate(db);
    await seedCatalogue(db);
    let started = performance.now();
    await loadDemoDataIfEmpty(db, () => {});
    const demoLoadMs = performance.now() - started;
    say(`demo data loaded in ${(demoLoadMs / 1000).toFixed(1)} s`);

    const recomputes: { total: number; cells: number }[] = [];
    for (let k = 0; k < 3; k++) {
      const snapshot = await computeSnapshot(db);
      let cells = 0;
      for (const list of snapshot.atlas.series.values()) cells += list.length * snapshot.areas.length;
      recomputes.push({ total: snapshot.computeMs, cells });
    }
    const recomputeMs = median(recomputes.map((r) => r.total));
    say(`full recompute ${recomputeMs.toFixed(0)} ms (${recomputes[0]!.cells.toLocaleString('en')} cells)`);

    const api = await apiThroughput(db, options.seconds);
    say(`values endpoint ${api.ours.toFixed(0)} req/s vs bare ${api.bare.toFixed(0)} req/s`);

    started = performance.now();
    const result = await importFile(db, birthFile, { source: 'benchmark births' });
    if (result.issues.length) throw new Error(`benchmark import failed: ${result.issues[0]}`);
    const importSeconds = (performance.now() - started) / 1000;
    const importRate = result.records / importSeconds;
    say(`imported ${result.records.toLocaleString('en')} births → ${result.rows.toLocaleString('en')} counts in ${importSeconds.toFixed(1)} s`);
    return { engine, demoLoadMs, recomputeMs, cells: recomputes[0]!.cells, api, importRate, importSeconds, births: result.records };
  } finally {
    await cleanup();
  }
}

export const benchCommand: Command = async (args, io) => {
  const options = parseOptions(args);
  mkdirSync(workDir, { recursive: true });
  const birthFile = join(workDir, `births-${options.births}.csv`);
  if (!existsSync(birthFile)) {
    io.stderr.write(`generating a birth-level file of ${options.births.toLocaleString('en')} rows…\n`);
    const { writeBirthFile } = await import('../src/atlas/demo/birth-file.ts');
    const years = Array.from({ length: 10 }, (_, k) => 2015 + k);
    await writeBirthFile(birthFile, { years, targetRows: options.births });
  }
  const baselineParseRate = await csvParseRowsPerSecond(birthFile);
  const results = [];
  for (const engine of options.engines) results.push(await benchEngine(engine, options, birthFile, io));

  const mb = (statSync(birthFile).size / 1e6).toFixed(0);
  const lines = [
    '',
    `Kansrijk benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    `birth file: ${results[0]?.births.toLocaleString('en')} rows, ${mb} MB; baseline (csv-parse, parsing only, no validation or database): ${(baselineParseRate / 1000).toFixed(0)}k rows/s`,
    '',
    '| engine | demo load | full recompute (target < 2 s) | birth import (target ≥ 100k rows/s) | vs csv-parse alone | values endpoint | bare server | ratio (target ≥ 50 %) |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map((r) =>
      `| ${r.engine} | ${(r.demoLoadMs / 1000).toFixed(1)} s | ${(r.recomputeMs / 1000).toFixed(2)} s (${r.cells.toLocaleString('en')} cells) | ${(r.importRate / 1000).toFixed(0)}k rows/s (${r.importSeconds.toFixed(1)} s) | ${((100 * r.importRate) / baselineParseRate).toFixed(0)} % | ${r.api.ours.toFixed(0)} req/s | ${r.api.bare.toFixed(0)} req/s | ${((100 * r.api.ours) / r.api.bare).toFixed(0)} % |`,
    ),
    '',
  ];
  io.stdout.write(lines.join('\n'));
  return 0;
};
