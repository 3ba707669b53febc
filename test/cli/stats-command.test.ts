// `kansrijk stats …` run as a real child process (node bin/kansrijk.mjs), input on stdin,
// checked against the reference vectors.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorTracker, expectCell, expectPrinted, readVectors, type Row } from '../atlas/statistics/vectors.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'kansrijk.mjs');
const TIMEOUT = 30_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function stats(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'stats', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // the command may exit before reading stdin
    child.stdin.end(input);
  });
}

function csv(rows: (string | number)[][], delimiter = ','): string {
  return rows.map((r) => r.map(String).join(delimiter)).join('\n') + '\n';
}

function records(text: string, delimiter = ','): string[][] {
  return parse(text, { delimiter }) as string[][];
}

const tracker = new ErrorTracker();
afterAll(() => tracker.report('kansrijk stats (CLI)'));

const tmp = mkdtempSync(join(tmpdir(), 'kansrijk-stats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.concurrent('kansrijk stats proportion / rate against the vectors', () => {
  // Each vector file is fed per (confidence, multiplier) combination, with case_id and area
  // as pass-through columns around numerator and denominator.
  const cases: [sub: 'proportion' | 'rate', file: string][] = [
    ['proportion', 'phe_proportion_wilson.csv'],
    ['rate', 'phe_rate_byars_exact.csv'],
  ];
  for (const [sub, file] of cases) {
    const rows = readVectors(file);
    const combos = [...new Set(rows.map((r) => `${r.confidence}|${r.multiplier}`))];
    it.each(combos)(`${sub}: ${file} at confidence|multiplier %s`, async (combo) => {
      const [confidence, multiplier] = combo.split('|') as [string, string];
      const subset = rows.filter((r) => r.confidence === confidence && r.multiplier === multiplier);
      const input = csv([
        ['case_id', 'numerator', 'area', 'denominator'],
        ...subset.map((r) => [r.case_id!, r.numerator!, r.area!, r.denominator!]),
      ]);
      const run = await stats([sub, '--confidence', confidence, '--multiplier', multiplier], input);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const out = records(run.stdout);
      expect(out[0]).toEqual(['case_id', 'numerator', 'area', 'denominator', 'value', 'lowercl', 'uppercl']);
      expect(out).toHaveLength(subset.length + 1);
      subset.forEach((r, i) => {
        const line = out[i + 1]!;
        // Pass-through columns unchanged and in order.
        expect(line.slice(0, 4)).toEqual([r.case_id, r.numerator, r.area, r.denominator]);
        const cellOf = (s: string) => (s === '' ? null : Number(s));
        expectCell(tracker, `${sub} value`, cellOf(line[4]!), r.value, `${r.case_id} value`);
        expectCell(tracker, `${sub} lowercl`, cellOf(line[5]!), r.lowercl, `${r.case_id} lower`);
        expectCell(tracker, `${sub} uppercl`, cellOf(line[6]!), r.uppercl, `${r.case_id} upper`);
      });
    }, TIMEOUT);
  }

  it('reads semicolon-separated input and answers in kind', async () => {
    const input = csv(
      [
        ['gemeente', 'numerator', 'denominator', 'naam'],
        ['GM0363', '65', '100', 'Amsterdam'],
        ['GM0599', '', '100', 'Rotterdam, "stad"'],
      ],
      ';',
    );
    const run = await stats(['proportion', '--multiplier', '100'], input);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('gemeente;numerator;denominator;naam;value;lowercl;uppercl');
    expect(lines[1]).toBe('GM0363;65;100;Amsterdam;65;55.25444329688797;73.63575175690247');
    // Missing numerator → empty cells; a stray quote in an unquoted field is read
    // literally, and the field is written back properly quoted with its content intact.
    expect(lines[2]).toBe('GM0599;;100;"Rotterdam, ""stad""";;;');
    expect(records(run.stdout, ';')[2]![3]).toBe('Rotterdam, "stad"');
  }, TIMEOUT);

  it('quotes pass-through fields that contain the delimiter', async () => {
    const run = await stats(['rate'], 'name,numerator,denominator\n"Bergen (L.), NL",250,220\n');
    expect(run.code).toBe(0);
    const out = records(run.stdout);
    expect(out[1]!.slice(0, 3)).toEqual(['Bergen (L.), NL', '250', '220']);
    expect(Number(out[1]![3])).toBeCloseTo(250 / 220, 15);
  }, TIMEOUT);

  it('reads --input FILE instead of stdin', async () => {
    const file = join(tmp, 'input.csv');
    writeFileSync(file, 'numerator,denominator\n1,100\n');
    const run = await stats(['proportion', '--input', file, '--confidence=0.998']);
    expect(run.code).toBe(0);
    const [line] = records(run.stdout).slice(1);
    expect(line!.slice(0, 3)).toEqual(['1', '100', '0.01']);
    // phe_proportion_wilson.csv prop_01_0.998
    expectCell(tracker, 'proportion lowercl', Number(line![3]), '8.73065697299977E-4', '--input lower');
    expectCell(tracker, 'proportion uppercl', Number(line![4]), '0.10455445283705821', '--input upper');
  }, TIMEOUT);
});

describe.concurrent('kansrijk stats compare', () => {
  // Expected comparisons follow from the vector intervals themselves: 'similar' when the
  // benchmark lies within [lowercl, uppercl], otherwise by the side of the value.
  const rows = readVectors('phe_proportion_wilson.csv').filter(
    (r) => r.confidence === '0.95' && r.multiplier === '1' && r.case_id!.startsWith('prop_'),
  );
  const benchmark = 0.2;

  it.each(['low-is-good', 'high-is-good', 'none'])('polarity %s', async (polarity) => {
    const input = csv([['case_id', 'numerator', 'denominator'], ...rows.map((r) => [r.case_id!, r.numerator!, r.denominator!])]);
    const run = await stats(['compare', '--benchmark', String(benchmark), '--polarity', polarity], input);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = records(run.stdout);
    expect(out[0]).toEqual(['case_id', 'numerator', 'denominator', 'comparison']);
    rows.forEach((r, i) => {
      let expected: string;
      if (r.value === '') expected = 'not-compared';
      else if (Number(r.lowercl) <= benchmark && benchmark <= Number(r.uppercl)) expected = 'similar';
      else {
        const higher = Number(r.value) > benchmark;
        if (polarity === 'none') expected = higher ? 'higher' : 'lower';
        else expected = higher === (polarity === 'high-is-good') ? 'better' : 'worse';
      }
      expect(out[i + 1], r.case_id).toEqual([r.case_id, r.numerator, r.denominator, expected]);
    });
    // At this benchmark the rows produce all four outcomes: not-compared, similar and both sides.
    expect(new Set(out.slice(1).map((l) => l[3])).size).toBe(4);
  }, TIMEOUT);

  it('uses the confidence level', async () => {
    // 999/3456 = 28.9 %: 95 % CI 27.42–30.44 %, 99.8 % CI 26.58–31.34 %.
    const input = 'numerator,denominator\n999,3456\n';
    const at95 = await stats(['compare', '--benchmark', '0.27', '--polarity', 'none'], input);
    const at998 = await stats(['compare', '--benchmark', '0.27', '--polarity', 'none', '--confidence', '0.998'], input);
    expect(records(at95.stdout)[1]![2]).toBe('higher');
    expect(records(at998.stdout)[1]![2]).toBe('similar');
  }, TIMEOUT);
});

describe.concurrent('kansrijk stats trend', () => {
  it('reproduces the Fingertips recent-trend vectors, one row per group in first-seen order', async () => {
    const fingertips = readVectors('fingertips_recent_trend.csv').filter((r) => r.set_id!.endsWith('_prop'));
    const next = readVectors('fingertipsnext_recent_trend.csv').filter((r) => r.series === 'DiabetesPrevalence');
    const lines: (string | number)[][] = [['region', 'group', 'period', 'numerator', 'denominator']];
    // Years as given (newest first for set1), so the command has to sort them.
    for (const r of fingertips) lines.push(['UK', r.set_id!, r.year!, r.count!, r.denominator!]);
    for (const r of next) lines.push(['UK', 'DiabetesPrevalence', r.to_date!, r.count!, r.denominator!]);
    lines.push(['NL', 'too-short', 2023, 5, 50], ['NL', 'too-short', 2024, 6, 50]);
    const run = await stats(['trend'], csv(lines));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = records(run.stdout);
    expect(out[0]).toEqual(['group', 'chisq', 'trend']);
    expect(out.slice(1).map((l) => [l[0], l[2]])).toEqual([
      ['set1_prop', 'increasing'],
      ['set2_prop', 'cannot-be-calculated'],
      ['DiabetesPrevalence', 'increasing'],
      ['too-short', 'cannot-be-calculated'],
    ]);
    // Expected χ² in the Fingertips file is rounded to 2 decimals.
    expect(Math.round(Number(out[1]![1]) * 100) / 100).toBe(Number(fingertips[0]!.expected_chi2_round2));
    expect(out[2]![1]).toBe('');
    expect(out[4]![1]).toBe('');
  }, TIMEOUT);

  it('sorts numeric periods as numbers', async () => {
    const up = [
      [9, 1300],
      [10, 1400],
      [8, 1200],
      [11, 1500],
      [7, 1100],
    ];
    const run = await stats(['trend'], csv([['group', 'period', 'numerator', 'denominator'], ...up.map(([p, x]) => ['g', p!, x!, 10000])]));
    expect(records(run.stdout)[1]![2]).toBe('increasing');
  }, TIMEOUT);

  it('refuses a period given twice for a group', async () => {
    const run = await stats(['trend'], 'group,period,numerator,denominator\ng,2020,1,10\ng,2020,2,10\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("line 3: period '2020' of group 'g' also appears on line 2");
  }, TIMEOUT);
});

describe.concurrent('kansrijk stats smooth', () => {
  const sids = readVectors('smoothing_sids2_inputs.csv');
  const derived = readVectors('smoothing_sids2_derived_all_rows.csv');
  const input = csv([
    ['area', 'name', 'numerator', 'denominator'],
    ...sids.map((r) => [r.FIPSNO!, r.NAME!, r.events_SID74!, r.births_BIR74!]),
  ]);

  function check(run: Run, column: 'global_eb_marshall' | 'local_eb_marshall'): void {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = records(run.stdout);
    expect(out[0]).toEqual(['area', 'name', 'numerator', 'denominator', 'smoothed']);
    expect(out).toHaveLength(101);
    derived.forEach((r, i) => {
      expect(out[i + 1]!.slice(0, 4)).toEqual([sids[i]!.FIPSNO, sids[i]!.NAME, sids[i]!.events_SID74, sids[i]!.births_BIR74]);
      // Rows 0–4 are confirmed by esda; all rows are compared with the derived full-precision file.
      expectCell(tracker, `smooth ${column}`, Number(out[i + 1]![4]), r[column], `row ${i}`);
    });
  }

  it('eb-global reproduces the esda / derived SIDS values', async () => {
    const run = await stats(['smooth', '--method', 'eb-global'], input);
    check(run, 'global_eb_marshall');
    const esda = readVectors('smoothing_expected.csv').filter((r) => r.method === 'global_empirical_bayes_marshall');
    const out = records(run.stdout);
    for (const r of esda) {
      expectPrinted(tracker, 'smooth esda global EB', Number(out[Number(r.row_index) + 1]![4]), r.expected!, `row ${r.row_index}`);
    }
  }, TIMEOUT);

  it('eb-local with --neighbours reproduces the derived SIDS values', async () => {
    const file = join(tmp, 'neighbours.csv');
    const links = readVectors('smoothing_sids2_neighbors.csv');
    writeFileSync(file, csv([['area', 'neighbour'], ...links.map((l: Row) => [l.FIPSNO!, l.neighbor_FIPSNO!])], ';'));
    check(await stats(['smooth', '--method', 'eb-local', '--neighbours', file], input), 'local_eb_marshall');
  }, TIMEOUT);

  it('eb-parent smooths within each parent', async () => {
    const run = await stats(
      ['smooth', '--method', 'eb-parent', '--parent', 'gemeente'],
      'area,gemeente,numerator,denominator\nw1,A,1,100\nw2,A,5,100\nw3,B,7,100\n',
    );
    expect(run.code).toBe(0);
    const smoothed = records(run.stdout).slice(1).map((l) => Number(l[4]));
    expect(smoothed[0]!).toBeGreaterThan(0.01);
    expect(smoothed[1]!).toBeLessThan(0.05);
    expect(smoothed[2]).toBe(0.07); // alone in its gemeente
  }, TIMEOUT);

  it('rejects other methods clearly', async () => {
    const run = await stats(['smooth', '--method', 'bym2'], input);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("unknown method 'bym2'");
    expect(run.stderr).toContain('Usage: kansrijk stats smooth');
    const local = await stats(['smooth', '--method', 'eb-local'], input);
    expect(local.code).toBe(2);
    expect(local.stderr).toContain('--method eb-local needs --neighbours FILE');
  }, TIMEOUT);

  it('reports areas in the neighbours file that are not in the input', async () => {
    const file = join(tmp, 'bad-neighbours.csv');
    writeFileSync(file, 'area,neighbour\n37009,99999\n');
    const run = await stats(['smooth', '--method', 'eb-local', '--neighbours', file], input);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("line 2: neighbour '99999' is not in the input");
  }, TIMEOUT);
});

describe.concurrent('kansrijk stats errors', () => {
  it('names line and column of a value that is not a number, and writes nothing', async () => {
    const input = 'area,numerator,denominator\nA,1,100\nB,2,100\nC,3,abc\nD,4,100\n';
    const run = await stats(['proportion'], input);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("line 4: column 'denominator': 'abc' is not a number\n");
  }, TIMEOUT);

  it('lists every bad row, with hints', async () => {
    const input = 'numerator;denominator\n1,5;10\n-1;10\n11;10\n3;0\n';
    const run = await stats(['proportion'], input);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      "line 2: column 'numerator': '1,5' is not a number (use a dot as the decimal separator)",
      "line 3: column 'numerator': -1 is negative",
      'line 4: numerator 11 is greater than denominator 10',
      "line 5: column 'denominator': 0 must be greater than 0 (leave the cell empty for a missing value)",
    ]);
  }, TIMEOUT);

  it('allows numerator > denominator for rates', async () => {
    const run = await stats(['rate'], 'numerator,denominator\n11,10\n');
    expect(run.code).toBe(0);
  }, TIMEOUT);

  it('reports a missing column with the usage (exit 2)', async () => {
    const run = await stats(['rate'], 'numerator,population\n1,100\n');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("the input has no column 'denominator' (its columns: numerator, population)");
    expect(run.stderr).toContain('Usage: kansrijk stats rate');
  }, TIMEOUT);

  it('reports an unknown option with the usage (exit 2)', async () => {
    const run = await stats(['proportion', '--confidance', '0.95'], 'numerator,denominator\n1,2\n');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("unknown option '--confidance'");
    expect(run.stderr).toContain('Usage: kansrijk stats proportion');
  }, TIMEOUT);

  it('rejects a confidence given as a percentage and a benchmark given as a percentage', async () => {
    const conf = await stats(['proportion', '--confidence', '95'], 'numerator,denominator\n1,2\n');
    expect(conf.code).toBe(2);
    expect(conf.stderr).toContain('give it as a fraction, e.g. 0.95');
    const bench = await stats(['compare', '--benchmark', '7.1', '--polarity', 'none'], 'numerator,denominator\n1,2\n');
    expect(bench.code).toBe(2);
    expect(bench.stderr).toContain('a percentage? give 0.071');
    const pol = await stats(['compare', '--benchmark', '0.5', '--polarity', 'lower-is-better'], 'numerator,denominator\n1,2\n');
    expect(pol.code).toBe(2);
    expect(pol.stderr).toContain('--polarity must be low-is-good, high-is-good or none');
  }, TIMEOUT);

  it('reports a ragged row with its line number', async () => {
    const run = await stats(['rate'], 'numerator,denominator\n1,100\n2,100,extra\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^input line 3: /);
  }, TIMEOUT);

  it('refuses to overwrite an existing output column', async () => {
    const run = await stats(['proportion'], 'numerator,denominator,value\n1,2,x\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("already has a column 'value'");
  }, TIMEOUT);

  it('prints usage for --help and for a missing or unknown subcommand', async () => {
    const help = await stats(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: kansrijk stats <subcommand>');
    const subHelp = await stats(['trend', '--help']);
    expect(subHelp.code).toBe(0);
    expect(subHelp.stdout).toContain('Usage: kansrijk stats trend');
    const none = await stats([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('missing subcommand');
    const unknown = await stats(['median']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown subcommand 'median'");
  }, TIMEOUT);

  it('reports empty input', async () => {
    const run = await stats(['proportion'], '');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('input is empty');
  }, TIMEOUT);
});
