// Benchmark of the import reader:
//   node --import tsx src/atlas/import/bench-parse.ts [--rows 1700000] [--runs 3] [--no-csv-parse] [--keep]
// Generates a birth-level file (default 1.7 million rows) and two long files (plain, and
// CBS-style: semicolons, every field quoted) in a temp folder,
// reads each with readImportFile and prints rows/s; for comparison it also times csv-parse's
// streaming parser on the birth file (parsing only, no validation or aggregation).

import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { writeBirthFile, writeLongFile } from './bench-generate.ts';
import { importContextFromAtlas } from './context.ts';
import { readImportFile } from './read-import-file.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const rows = option('--rows', 1_700_000);
const runs = option('--runs', 3);
const withCsvParse = !process.argv.includes('--no-csv-parse');
const keep = process.argv.includes('--keep');

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(label: string, count: number, bytes: number, run: () => Promise<void>): Promise<void> {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    seconds.push((performance.now() - t0) / 1000);
  }
  const best = Math.min(...seconds);
  const mid = median(seconds);
  console.log(
    `${label.padEnd(44)} ${fmt(count / mid).padStart(11)} rows/s median, ${fmt(count / best).padStart(11)} best ` +
      `(${mid.toFixed(2)} s, ${(bytes / 1048576 / mid).toFixed(0)} MiB/s)`,
  );
}

const context = importContextFromAtlas({ firstPeriod: 2015, lastPeriod: 2024 });
const areas = [...context.areaCodes];
const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
const dir = mkdtempSync(join(tmpdir(), 'kansrijk-bench-parse-'));
try {
  const birthPath = join(dir, 'births.csv');
  let t0 = performance.now();
  const birthBytes = writeBirthFile(birthPath, rows, areas, years);
  console.log(`generated ${fmt(rows)} births (${(birthBytes / 1048576).toFixed(0)} MiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${birthPath}`);

  const longPath = join(dir, 'long.csv');
  t0 = performance.now();
  const long = writeLongFile(longPath, areas, [...context.indicatorIds], years);
  console.log(`generated ${fmt(long.rows)} long rows (${(long.bytes / 1048576).toFixed(0)} MiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`node ${process.version}, ${runs} runs each\n`);

  let last = await readImportFile(birthPath, context);
  if (last.issues.length > 0 || last.recordsRead !== rows) throw new Error(`birth file: ${last.issues.length} issues, ${last.recordsRead} records`);
  console.log(`birth file → ${fmt(last.rows.length)} count rows (${last.indicatorsProduced.length} indicators)`);
  await time('readImportFile, birth file (read+validate+aggregate)', rows, birthBytes, async () => {
    last = await readImportFile(birthPath, context, { onProgress: () => {} });
  });

  last = await readImportFile(longPath, context);
  if (last.issues.length > 0 || last.rows.length !== long.rows) throw new Error(`long file: ${last.issues.length} issues, ${last.rows.length} rows`);
  await time('readImportFile, long file (read+validate)', long.rows, long.bytes, async () => {
    last = await readImportFile(longPath, context);
  });

  const cbsPath = join(dir, 'long-cbs.csv');
  const cbs = writeLongFile(cbsPath, areas, [...context.indicatorIds], years, { cbs: true });
  last = await readImportFile(cbsPath, context);
  if (last.issues.length > 0 || last.rows.length !== cbs.rows) throw new Error(`CBS-style long file: ${last.issues.length} issues, ${last.rows.length} rows`);
  await time('readImportFile, long file CBS-style (all quoted)', cbs.rows, cbs.bytes, async () => {
    last = await readImportFile(cbsPath, context);
  });

  if (withCsvParse) {
    await time('csv-parse stream, birth file (parse only)', rows, birthBytes, async () => {
      let n = 0;
      const parser = createReadStream(birthPath, { highWaterMark: 1 << 20 }).pipe(parse({ from_line: 2 }));
      for await (const record of parser) if (record) n++;
      if (n !== rows) throw new Error(`csv-parse read ${n} records`);
    });
  }
} finally {
  if (keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
