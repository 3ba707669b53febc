import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBirthFile } from '../../../src/atlas/import/bench-generate.ts';
import { importContextFromAtlas, readImportFile, type ImportProgress } from '../../../src/atlas/import/index.ts';
import { brief, context, fixtures } from './helpers.ts';

const { file, dir } = fixtures();
const AREAS = [...context.areaCodes];
const YEARS = [2019, 2020, 2021, 2022, 2023];

describe('readImportFile: progress', () => {
  it('calls onProgress at the end of a small file', async () => {
    const calls: ImportProgress[] = [];
    const path = file('area_code,period,indicator,numerator,denominator\nGM0001,2023,preterm,5,100\n');
    await readImportFile(path, context, { onProgress: (p) => calls.push(p) });
    expect(calls.length).toBeGreaterThanOrEqual(1);
    const size = readFileSync(path).length;
    expect(calls.at(-1)).toEqual({ bytesRead: size, totalBytes: size, linesRead: 2 });
  });

  it('reports bytes read along the way, at most about 10 times a second', async () => {
    const path = join(dir, 'births-progress.csv');
    const size = writeBirthFile(path, 150_000, AREAS, YEARS, 7);
    const calls: (ImportProgress & { at: number })[] = [];
    const started = performance.now();
    const r = await readImportFile(path, context, { onProgress: (p) => calls.push({ ...p, at: performance.now() }) });
    const elapsed = performance.now() - started;
    expect(r.issues).toEqual([]);
    expect(r.recordsRead).toBe(150_000);
    expect(calls.at(-1)).toMatchObject({ bytesRead: size, totalBytes: size, linesRead: 150_001 });
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]!.bytesRead).toBeGreaterThanOrEqual(calls[i - 1]!.bytesRead);
      expect(calls[i]!.linesRead).toBeGreaterThanOrEqual(calls[i - 1]!.linesRead);
      // Calls before the final one are at least 100 ms apart.
      if (i < calls.length - 1) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(99);
    }
  });
});

describe('readImportFile: files larger than one read chunk', () => {
  it('gives the same counts for a birth file written plain, fully quoted, and with CRLF', async () => {
    const plainPath = join(dir, 'births-plain.csv');
    writeBirthFile(plainPath, 40_000, AREAS, YEARS, 11); // about 1.6 MB: several 1 MiB chunks
    const plainText = readFileSync(plainPath, 'utf8');
    const quoted = plainText
      .split('\n')
      .map((line) => (line === '' ? line : line.split(',').map((cell) => `"${cell.replace(/^"|"$/g, '')}"`).join(',')))
      .join('\r\n');
    const plain = await readImportFile(plainPath, context);
    const fromQuoted = await readImportFile(file(quoted), context);
    expect(plain.issues).toEqual([]);
    expect(fromQuoted.issues).toEqual([]);
    expect(fromQuoted.recordsRead).toBe(40_000);
    expect(fromQuoted.rows).toEqual(plain.rows);
    expect(plain.rows.length).toBe(AREAS.length * YEARS.length * 9);
  });

  it('decodes a UTF-8 character that straddles two chunks', async () => {
    const header = 'area_code,period,indicator,numerator,denominator\n';
    const line3 = 'GMé,2015,preterm,5,100\n';
    // Pad line 2 (spaces around a count are allowed) so that 'é' starts on the last byte of the first 1 MiB.
    const padding = (1 << 20) - 1 - header.length - 'GM0001,2015,preterm,'.length - '5,100\n'.length - 'GM'.length;
    const text = `${header}GM0001,2015,preterm,${' '.repeat(padding)}5,100\n${line3}`;
    expect(Buffer.from(text).indexOf(Buffer.from('é'))).toBe((1 << 20) - 1);
    const r = await readImportFile(file(text), context);
    expect(r.issues).toEqual([{ line: 3, field: 'area_code', value: 'GMé', message: "'GMé' is not a known area code" }]);
  });
});

describe('readImportFile: files that are not CSV lines', () => {
  it('reports a line of millions of characters and goes on after it', async () => {
    const header = 'area_code,period,indicator,numerator,denominator\n';
    const text = `${header}GM0001,2015,preterm,5,100\n${'x'.repeat(9_000_000)}\nGM0001,2016,preterm,abc,100\n`;
    const r = await readImportFile(file(text), context);
    expect(brief(r.issues)).toEqual([
      [3, null, 'the line is longer than 4194304 characters (is this a CSV file?)'],
      [4, 'numerator', "'abc' is not a whole number"],
    ]);
    expect(r.linesRead).toBe(4);
  });

  it('reports a file without line breaks', async () => {
    const r = await readImportFile(file('area_code,'.repeat(600_000)), context);
    expect(brief(r.issues)).toEqual([[1, null, 'cannot read the header: the line is longer than 4194304 characters (is this a CSV file?)']]);
  });

  it('reports CR-only line ends and tab-separated files', async () => {
    const cr = await readImportFile(file('area_code,period,indicator,numerator,denominator\rGM0001,2023,preterm,1,2\r'), context);
    expect(brief(cr.issues)).toEqual([[1, null, 'the lines end in a carriage return only (CR); save the file with LF or CRLF line ends']]);
    const tab = await readImportFile(file('area_code\tperiod\tindicator\tnumerator\tdenominator\nGM0001\t2023\tpreterm\t1\t2\n'), context);
    expect(brief(tab.issues)).toEqual([
      [1, null, 'the header has tabs but no commas or semicolons: tab-separated files are not supported; save the file with comma or semicolon separators'],
    ]);
  });
});

describe('importContextFromAtlas', () => {
  it('takes the gemeente and wijk codes, every indicator, and the rates as ratio indicators', () => {
    const c = importContextFromAtlas({ firstPeriod: 2015, lastPeriod: 2024 });
    expect(c.areaCodes.has('GM0363')).toBe(true);
    expect([...c.areaCodes].some((code) => code.startsWith('WK'))).toBe(true);
    expect(c.areaCodes.has('NL01')).toBe(false);
    expect(c.indicatorIds.size).toBe(14);
    expect(c.ratioIndicators?.has('perinatal_mortality')).toBe(true);
    expect(c.ratioIndicators?.has('preterm')).toBe(false);
  });

  it('reads a file against the shipped geography', async () => {
    const c = importContextFromAtlas({ firstPeriod: 2015, lastPeriod: 2024 });
    const r = await readImportFile(file('area_code;period;indicator;numerator;denominator\nGM0363;2023;big2;1200;9000\nGM0000;2023;big2;1;10\n'), c);
    expect(brief(r.issues)).toEqual([[3, 'area_code', "'GM0000' is not a known area code"]]);
  });
});
