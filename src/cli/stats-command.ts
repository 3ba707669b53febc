// `kansrijk stats …`: the statistics engine on CSV files, for analysts.
//
// CSV in (stdin or --input FILE), CSV out (stdout). Every input column is passed through
// unchanged and in order; the new columns are appended. The delimiter (comma or semicolon)
// is detected from the header line and used for the output too. All input is validated
// before anything is written, so a bad file never yields half an output.
// Exit codes: 0 done, 1 bad data, 2 bad invocation (unknown option, missing column …).

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import {
  type Polarity,
  compareWithBenchmark,
  empiricalBayesByParent,
  empiricalBayesGlobal,
  empiricalBayesLocal,
  proportionEstimate,
  proportionTrend,
  rateEstimate,
} from '../atlas/statistics/index.ts';
import type { Command, CommandIO } from './main.ts';

// ---------------------------------------------------------------------------------------
// Usage

const SUBCOMMANDS = ['proportion', 'rate', 'compare', 'trend', 'smooth'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const GENERAL_USAGE = `Usage: kansrijk stats <subcommand> [options] [--input FILE] < input.csv > output.csv

Subcommands:
  proportion  proportion with Wilson confidence interval      (columns: numerator, denominator)
  rate        crude rate with exact/Byar confidence interval  (columns: numerator, denominator)
  compare     compare each row's proportion with a benchmark  (columns: numerator, denominator)
  trend       recent trend per group (last five periods)      (columns: group, period, numerator, denominator)
  smooth      empirical Bayes smoothed proportion             (columns: area, numerator, denominator)

Input is CSV with a header line, comma- or semicolon-separated, on stdin or from --input FILE.
All input columns are passed through; new columns are appended. Empty cells (or NA) are missing.
Run 'kansrijk stats <subcommand> --help' for the options of a subcommand.
`;

const USAGE: Record<Subcommand, string> = {
  proportion: `Usage: kansrijk stats proportion [--confidence C] [--multiplier M] [--input FILE]

Adds value, lowercl, uppercl: numerator/denominator × M with its Wilson score interval.
  --confidence C   two-sided confidence level as a fraction, e.g. 0.95 (default) or 0.998
  --multiplier M   scale of the output, e.g. 100 for percentages (default 1)
Required columns: numerator, denominator (0 ≤ numerator ≤ denominator, denominator > 0).
`,
  rate: `Usage: kansrijk stats rate [--confidence C] [--multiplier M] [--input FILE]

Adds value, lowercl, uppercl: numerator/denominator × M with exact Poisson limits for a
numerator below 10 and Byar's limits from 10 upwards.
  --confidence C   two-sided confidence level as a fraction, e.g. 0.95 (default) or 0.998
  --multiplier M   scale of the output, e.g. 1000 for a rate per 1000 (default 1)
Required columns: numerator, denominator (numerator ≥ 0, denominator > 0).
`,
  compare: `Usage: kansrijk stats compare --benchmark P --polarity POLARITY [--confidence C] [--input FILE]

Adds comparison: better, similar or worse (higher or lower when POLARITY is none), or
not-compared for a missing value. 'similar' when the benchmark lies inside the Wilson
interval of numerator/denominator.
  --benchmark P    the benchmark as a proportion between 0 and 1 (e.g. 0.071 for 7.1 %)
  --polarity POL   low-is-good, high-is-good or none
  --confidence C   two-sided confidence level as a fraction (default 0.95)
Required columns: numerator, denominator.
`,
  trend: `Usage: kansrijk stats trend [--input FILE]

One output row per group, in order of first appearance: group, chisq, trend.
The trend is increasing, decreasing, no-significant-change or cannot-be-calculated, from the
Cochran–Armitage chi-square test on the last five periods of the group (Fingertips' recent
trend; significant above 9.5495). Periods are sorted numerically when they are all numbers,
otherwise as text (so use sortable labels such as 2019, 2020 or 2019-2020).
Groups with fewer than five periods, or a missing value or a numerator of 0 or equal to the
denominator in the last five, get cannot-be-calculated and an empty chisq.
Required columns: group, period, numerator, denominator.
`,
  smooth: `Usage: kansrijk stats smooth --method METHOD [--neighbours FILE | --parent COLUMN] [--input FILE]

Adds smoothed: the empirical Bayes (Marshall) estimate of numerator/denominator, on the
proportion scale 0–1, shrunk towards the mean of a reference set of areas.
  --method eb-global   shrink towards the mean of all rows
  --method eb-local    shrink towards each area's neighbourhood (itself plus its neighbours);
                       needs --neighbours FILE: a CSV with columns area, neighbour, one line
                       per pair of adjacent areas (either direction is enough)
  --method eb-parent   shrink towards the other areas with the same value in COLUMN
                       (e.g. the wijken of one gemeente); needs --parent COLUMN
Required columns: area, numerator, denominator (0 ≤ numerator ≤ denominator).
A denominator of 0 gives the reference mean.
`,
};

// The options of each subcommand; every option takes a value (--name value or --name=value).
const OPTIONS: Record<Subcommand, string[]> = {
  proportion: ['confidence', 'multiplier', 'input'],
  rate: ['confidence', 'multiplier', 'input'],
  compare: ['benchmark', 'polarity', 'confidence', 'input'],
  trend: ['input'],
  smooth: ['method', 'neighbours', 'parent', 'input'],
};

// ---------------------------------------------------------------------------------------
// Failures

/** A reason to stop: exit code 2 (invocation, with usage) or 1 (data). */
class Failure {
  constructor(
    readonly exitCode: 1 | 2,
    readonly messages: string[],
    readonly usage?: string,
  ) {}
}

function usageFailure(message: string, usage: string): Failure {
  return new Failure(2, [message], usage);
}

const MAX_REPORTED_ERRORS = 20;

// ---------------------------------------------------------------------------------------
// Arguments

function parseOptions(args: string[], sub: Subcommand): Map<string, string> | 'help' {
  const allowed = new Set(OPTIONS[sub]);
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('--')) throw usageFailure(`kansrijk stats ${sub}: unexpected argument '${arg}'`, USAGE[sub]);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!allowed.has(name)) throw usageFailure(`kansrijk stats ${sub}: unknown option '--${name}'`, USAGE[sub]);
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw usageFailure(`kansrijk stats ${sub}: option '--${name}' needs a value`, USAGE[sub]);
      }
      i++;
    }
    values.set(name, value);
  }
  return values;
}

function confidenceOption(options: Map<string, string>, sub: Subcommand): number {
  const raw = options.get('confidence');
  if (raw === undefined) return 0.95;
  const c = parseNumber(raw);
  if (c === null || !(c > 0 && c < 1)) {
    const hint = c !== null && c > 1 && c < 100 ? ` (give it as a fraction, e.g. ${c / 100})` : '';
    throw usageFailure(
      `kansrijk stats ${sub}: --confidence must be a fraction between 0 and 1, e.g. 0.95 or 0.998; got '${raw}'${hint}`,
      USAGE[sub],
    );
  }
  return c;
}

function multiplierOption(options: Map<string, string>, sub: Subcommand): number {
  const raw = options.get('multiplier');
  if (raw === undefined) return 1;
  const m = parseNumber(raw);
  if (m === null || !(m > 0)) {
    throw usageFailure(`kansrijk stats ${sub}: --multiplier must be a positive number; got '${raw}'`, USAGE[sub]);
  }
  return m;
}

// ---------------------------------------------------------------------------------------
// CSV

interface Table {
  delimiter: ',' | ';';
  header: string[];
  rows: { fields: string[]; line: number }[];
}

/** Comma or semicolon: whichever occurs more often outside quotes in the header line. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function parseTable(text: string, what: string): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter, info: true, skip_empty_lines: true, relax_quotes: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    const message = String(e.message ?? error).replace(/ (on|at) line \d+\.?$/, '');
    throw new Failure(1, [`${what}${e.lines === undefined ? '' : ` line ${e.lines}`}: ${message}`]);
  }
  const [first, ...rest] = records;
  if (!first) throw new Failure(1, [`${what} is empty: expected a header line`]);
  return {
    delimiter,
    header: first.record,
    rows: rest.map((r) => ({ fields: r.record, line: r.info.lines })),
  };
}

function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

function csvLine(fields: readonly string[], delimiter: string): string {
  return fields.map((f) => csvField(f, delimiter)).join(delimiter) + '\n';
}

function formatNumber(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '' : String(x);
}

/** Index of each required column (matched case-insensitively, ignoring surrounding spaces). */
function requireColumns(table: Table, names: readonly string[], sub: Subcommand, what = 'the input'): number[] {
  const normalised = table.header.map((h) => h.trim().toLowerCase());
  return names.map((name) => {
    const index = normalised.indexOf(name);
    if (index === -1) {
      throw usageFailure(
        `kansrijk stats ${sub}: ${what} has no column '${name}' (its columns: ${table.header.join(', ') || 'none'})`,
        USAGE[sub],
      );
    }
    return index;
  });
}

function refuseExistingColumns(table: Table, added: readonly string[]): void {
  const normalised = table.header.map((h) => h.trim().toLowerCase());
  for (const name of added) {
    if (normalised.includes(name)) {
      throw new Failure(1, [`the input already has a column '${name}'; rename or remove it before adding '${name}'`]);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Cell validation

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(raw: string): number | null {
  const s = raw.trim();
  if (!NUMBER.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

function isMissing(raw: string): boolean {
  const s = raw.trim();
  return s === '' || s.toUpperCase() === 'NA';
}

/** Collects the data errors of a whole file before deciding. */
class Problems {
  readonly messages: string[] = [];
  count = 0;

  add(line: number, message: string): void {
    this.count++;
    if (this.messages.length < MAX_REPORTED_ERRORS) this.messages.push(`line ${line}: ${message}`);
  }

  throwIfAny(): void {
    if (this.count === 0) return;
    const more = this.count - this.messages.length;
    throw new Failure(1, more > 0 ? [...this.messages, `… and ${more} more`] : this.messages);
  }
}

/** A numeric cell: null for missing, NaN (with a problem recorded) for an invalid value. */
function numberCell(raw: string, column: string, line: number, problems: Problems): number | null {
  if (isMissing(raw)) return null;
  const x = parseNumber(raw);
  if (x === null) {
    const hint = /^\s*[+-]?\d+,\d+\s*$/.test(raw) ? ' (use a dot as the decimal separator)' : '';
    problems.add(line, `column '${column}': '${raw}' is not a number${hint}`);
    return Number.NaN;
  }
  return x;
}

interface CountPair {
  numerator: number | null;
  denominator: number | null;
}

/**
 * Reads numerator and denominator of a row and checks them: numerator ≥ 0; denominator > 0
 * (or ≥ 0 when `allowZeroDenominator`); numerator ≤ denominator when `proportion`. A pair
 * with a missing value is returned with nulls and not checked further.
 */
function countPair(
  fields: string[],
  line: number,
  [numIndex, denIndex]: [number, number],
  problems: Problems,
  opts: { proportion: boolean; allowZeroDenominator?: boolean },
): CountPair {
  const numerator = numberCell(fields[numIndex]!, 'numerator', line, problems);
  const denominator = numberCell(fields[denIndex]!, 'denominator', line, problems);
  if (numerator !== null && numerator < 0) problems.add(line, `column 'numerator': ${numerator} is negative`);
  let denominatorOk = denominator !== null && !Number.isNaN(denominator);
  if (denominator !== null && (opts.allowZeroDenominator ? denominator < 0 : denominator <= 0)) {
    denominatorOk = false;
    problems.add(
      line,
      `column 'denominator': ${denominator} must be ${opts.allowZeroDenominator ? 'at least 0' : 'greater than 0'} (leave the cell empty for a missing value)`,
    );
  }
  if (opts.proportion && denominatorOk && numerator !== null && numerator > denominator!) {
    problems.add(line, `numerator ${numerator} is greater than denominator ${denominator}`);
  }
  if (numerator === null || denominator === null) return { numerator: null, denominator: null };
  return { numerator, denominator };
}

// ---------------------------------------------------------------------------------------
// Subcommands: each validates everything, then returns the complete output text.

function estimateCommand(table: Table, options: Map<string, string>, sub: 'proportion' | 'rate'): string {
  const confidence = confidenceOption(options, sub);
  const multiplier = multiplierOption(options, sub);
  const columns = requireColumns(table, ['numerator', 'denominator'], sub) as [number, number];
  refuseExistingColumns(table, ['value', 'lowercl', 'uppercl']);
  const problems = new Problems();
  const pairs = table.rows.map((r) => countPair(r.fields, r.line, columns, problems, { proportion: sub === 'proportion' }));
  problems.throwIfAny();

  const estimate = sub === 'proportion' ? proportionEstimate : rateEstimate;
  let out = csvLine([...table.header, 'value', 'lowercl', 'uppercl'], table.delimiter);
  table.rows.forEach((row, i) => {
    const { numerator, denominator } = pairs[i]!;
    const est =
      numerator === null || denominator === null
        ? { value: null, lower: null, upper: null }
        : estimate(numerator, denominator, { confidence, multiplier });
    out += csvLine(
      [...row.fields, formatNumber(est.value), formatNumber(est.lower), formatNumber(est.upper)],
      table.delimiter,
    );
  });
  return out;
}

const POLARITIES: readonly Polarity[] = ['low-is-good', 'high-is-good', 'none'];

function compareCommand(table: Table, options: Map<string, string>): string {
  const sub = 'compare';
  const confidence = confidenceOption(options, sub);
  const rawBenchmark = options.get('benchmark');
  if (rawBenchmark === undefined) throw usageFailure('kansrijk stats compare: --benchmark is required', USAGE.compare);
  const benchmark = parseNumber(rawBenchmark);
  if (benchmark === null || benchmark < 0 || benchmark > 1) {
    const hint = benchmark !== null && benchmark > 1 && benchmark <= 100 ? ` (a percentage? give ${benchmark / 100})` : '';
    throw usageFailure(
      `kansrijk stats compare: --benchmark must be a proportion between 0 and 1; got '${rawBenchmark}'${hint}`,
      USAGE.compare,
    );
  }
  const rawPolarity = options.get('polarity');
  if (rawPolarity === undefined) throw usageFailure('kansrijk stats compare: --polarity is required', USAGE.compare);
  if (!POLARITIES.includes(rawPolarity as Polarity)) {
    throw usageFailure(
      `kansrijk stats compare: --polarity must be low-is-good, high-is-good or none; got '${rawPolarity}'`,
      USAGE.compare,
    );
  }
  const polarity = rawPolarity as Polarity;
  const columns = requireColumns(table, ['numerator', 'denominator'], sub) as [number, number];
  refuseExistingColumns(table, ['comparison']);
  const problems = new Problems();
  const pairs = table.rows.map((r) => countPair(r.fields, r.line, columns, problems, { proportion: true }));
  problems.throwIfAny();

  let out = csvLine([...table.header, 'comparison'], table.delimiter);
  table.rows.forEach((row, i) => {
    const { numerator, denominator } = pairs[i]!;
    const comparison =
      numerator === null || denominator === null
        ? 'not-compared'
        : compareWithBenchmark(proportionEstimate(numerator, denominator, { confidence }), benchmark, polarity);
    out += csvLine([...row.fields, comparison], table.delimiter);
  });
  return out;
}

function comparePeriods(a: string, b: string, numeric: boolean): number {
  if (numeric) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function trendCommand(table: Table): string {
  const sub = 'trend';
  const [groupIndex, periodIndex, numIndex, denIndex] = requireColumns(
    table,
    ['group', 'period', 'numerator', 'denominator'],
    sub,
  ) as [number, number, number, number];
  const problems = new Problems();
  const groups = new Map<string, { period: string; line: number; pair: CountPair }[]>();
  for (const row of table.rows) {
    const group = row.fields[groupIndex]!;
    const period = row.fields[periodIndex]!.trim();
    if (period === '') problems.add(row.line, `column 'period' is empty`);
    const pair = countPair(row.fields, row.line, [numIndex, denIndex], problems, { proportion: true });
    let points = groups.get(group);
    if (!points) {
      points = [];
      groups.set(group, points);
    }
    const duplicate = points.find((p) => p.period === period);
    if (duplicate && period !== '') {
      problems.add(row.line, `period '${period}' of group '${group}' also appears on line ${duplicate.line}`);
    }
    points.push({ period, line: row.line, pair });
  }
  problems.throwIfAny();

  let out = csvLine([table.header[groupIndex]!, 'chisq', 'trend'], table.delimiter);
  for (const [group, points] of groups) {
    const numeric = points.every((p) => parseNumber(p.period) !== null);
    const sorted = [...points].sort((a, b) => comparePeriods(a.period, b.period, numeric));
    const result = proportionTrend(
      sorted.map((p) => ({ numerator: p.pair.numerator ?? Number.NaN, denominator: p.pair.denominator ?? Number.NaN })),
    );
    out += csvLine([group, formatNumber(result.chisq), result.trend], table.delimiter);
  }
  return out;
}

async function smoothCommand(table: Table, options: Map<string, string>): Promise<string> {
  const sub = 'smooth';
  const method = options.get('method');
  if (method === undefined) throw usageFailure('kansrijk stats smooth: --method is required', USAGE.smooth);
  if (method !== 'eb-global' && method !== 'eb-local' && method !== 'eb-parent') {
    throw usageFailure(
      `kansrijk stats smooth: unknown method '${method}'; use eb-global, eb-local (with --neighbours FILE) or eb-parent (with --parent COLUMN)`,
      USAGE.smooth,
    );
  }
  const neighboursFile = options.get('neighbours');
  const parentColumn = options.get('parent');
  if (method === 'eb-local' && neighboursFile === undefined) {
    throw usageFailure('kansrijk stats smooth: --method eb-local needs --neighbours FILE', USAGE.smooth);
  }
  if (method === 'eb-parent' && parentColumn === undefined) {
    throw usageFailure('kansrijk stats smooth: --method eb-parent needs --parent COLUMN', USAGE.smooth);
  }
  if (method !== 'eb-local' && neighboursFile !== undefined) {
    throw usageFailure('kansrijk stats smooth: --neighbours only applies to --method eb-local', USAGE.smooth);
  }
  if (method !== 'eb-parent' && parentColumn !== undefined) {
    throw usageFailure('kansrijk stats smooth: --parent only applies to --method eb-parent', USAGE.smooth);
  }

  const [areaIndex, numIndex, denIndex] = requireColumns(table, ['area', 'numerator', 'denominator'], sub) as [
    number,
    number,
    number,
  ];
  const parentIndex =
    parentColumn === undefined ? -1 : requireColumns(table, [parentColumn.trim().toLowerCase()], sub)[0]!;
  refuseExistingColumns(table, ['smoothed']);

  // Neighbours are read (and checked) before the data is validated, so that an unusable
  // neighbours file is reported as such.
  const neighbourText = neighboursFile === undefined ? undefined : await readInputFile(neighboursFile, sub);

  const problems = new Problems();
  const pairs = table.rows.map((r) =>
    countPair(r.fields, r.line, [numIndex, denIndex], problems, { proportion: true, allowZeroDenominator: true }),
  );
  const areaRow = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const area = row.fields[areaIndex]!.trim();
    const earlier = areaRow.get(area);
    if (earlier !== undefined && method === 'eb-local') {
      problems.add(row.line, `area '${area}' also appears on line ${table.rows[earlier]!.line}`);
    }
    if (earlier === undefined) areaRow.set(area, i);
  });
  problems.throwIfAny();

  const numerators = pairs.map((p) => p.numerator ?? Number.NaN);
  const denominators = pairs.map((p) => p.denominator ?? Number.NaN);
  let smoothed: number[];
  if (method === 'eb-global') smoothed = empiricalBayesGlobal(numerators, denominators);
  else if (method === 'eb-parent') {
    smoothed = empiricalBayesByParent(
      numerators,
      denominators,
      table.rows.map((r) => r.fields[parentIndex]!),
    );
  } else {
    const neighbours = readNeighbours(neighbourText!, neighboursFile!, areaRow, table.rows.length);
    smoothed = empiricalBayesLocal(numerators, denominators, neighbours);
  }

  let out = csvLine([...table.header, 'smoothed'], table.delimiter);
  table.rows.forEach((row, i) => {
    out += csvLine([...row.fields, formatNumber(smoothed[i]!)], table.delimiter);
  });
  return out;
}

/** Neighbour lists from a CSV with columns area and neighbour (or neighbor); symmetric. */
function readNeighbours(text: string, file: string, areaRow: Map<string, number>, count: number): number[][] {
  const what = `neighbours file ${file}`;
  const table = parseTable(text, what);
  const normalised = table.header.map((h) => h.trim().toLowerCase());
  const areaIndex = normalised.indexOf('area');
  const neighbourIndex = normalised.findIndex((h) => h === 'neighbour' || h === 'neighbor');
  if (areaIndex === -1 || neighbourIndex === -1) {
    throw usageFailure(
      `kansrijk stats smooth: ${what} needs columns 'area' and 'neighbour' (its columns: ${table.header.join(', ')})`,
      USAGE.smooth,
    );
  }
  const lists: number[][] = Array.from({ length: count }, () => []);
  const problems = new Problems();
  for (const row of table.rows) {
    const a = areaRow.get(row.fields[areaIndex]!.trim());
    const b = areaRow.get(row.fields[neighbourIndex]!.trim());
    if (a === undefined) problems.add(row.line, `area '${row.fields[areaIndex]}' is not in the input`);
    if (b === undefined) problems.add(row.line, `neighbour '${row.fields[neighbourIndex]}' is not in the input`);
    if (a === undefined || b === undefined || a === b) continue;
    lists[a]!.push(b);
    lists[b]!.push(a);
  }
  if (problems.count > 0) {
    throw new Failure(1, problems.messages.map((m) => `${what} ${m}`));
  }
  return lists;
}

// ---------------------------------------------------------------------------------------
// Input

async function readInputFile(path: string, sub: Subcommand): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    throw usageFailure(`kansrijk stats ${sub}: cannot read '${path}': ${reason}`, USAGE[sub]);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

// ---------------------------------------------------------------------------------------
// Entry point

async function run(args: string[], io: CommandIO): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) throw usageFailure('kansrijk stats: missing subcommand', GENERAL_USAGE);
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(GENERAL_USAGE);
    return 0;
  }
  if (!(SUBCOMMANDS as readonly string[]).includes(first)) {
    throw usageFailure(`kansrijk stats: unknown subcommand '${first}'`, GENERAL_USAGE);
  }
  const sub = first as Subcommand;
  const options = parseOptions(rest, sub);
  if (options === 'help') {
    io.stdout.write(USAGE[sub]);
    return 0;
  }
  // Options that need no input are checked before the input is read.
  if (sub === 'proportion' || sub === 'rate') {
    confidenceOption(options, sub);
    multiplierOption(options, sub);
  }
  const inputPath = options.get('input');
  const text = inputPath === undefined ? await readStream(io.stdin) : await readInputFile(inputPath, sub);
  const table = parseTable(text, 'input');

  let output: string;
  if (sub === 'proportion' || sub === 'rate') output = estimateCommand(table, options, sub);
  else if (sub === 'compare') output = compareCommand(table, options);
  else if (sub === 'trend') output = trendCommand(table);
  else output = await smoothCommand(table, options);
  io.stdout.write(output);
  return 0;
}

export const statsCommand: Command = async (args, io) => {
  try {
    return await run(args, io);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    io.stderr.write(error.messages.map((m) => `${m}\n`).join(''));
    if (error.usage) io.stderr.write(`\n${error.usage}`);
    return error.exitCode;
  }
};
