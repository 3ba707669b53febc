import { describe, expect, it } from 'vitest';
import { formatIssue, readImportFile } from '../../../src/atlas/import/index.ts';
import { brief, context, fixtures } from './helpers.ts';

const { file } = fixtures();
const HEADER = 'area_code,period,indicator,numerator,denominator';
const read = (text: string, maxIssues?: number) => readImportFile(file(text), context, maxIssues === undefined ? {} : { maxIssues });

const EXPECTED_ROWS = [
  { areaCode: 'GM0001', indicatorId: 'preterm', period: 2023, numerator: 5, denominator: 100 },
  { areaCode: 'WK000101', indicatorId: 'sga', period: 2024, numerator: 0, denominator: 12 },
];

describe('long CSV: formats', () => {
  it('reads a comma-separated file', async () => {
    const r = await read(`${HEADER}\nGM0001,2023,preterm,5,100\nWK000101,2024,sga,0,12\n`);
    expect(r.issues).toEqual([]);
    expect(r.kind).toBe('long');
    expect(r.delimiter).toBe(',');
    expect(r.columns).toEqual(['area_code', 'period', 'indicator', 'numerator', 'denominator']);
    expect(r.rows).toEqual(EXPECTED_ROWS);
    expect(r.linesRead).toBe(3);
    expect(r.recordsRead).toBe(2);
  });

  it('reads a semicolon-separated file (CBS style: padded codes, 2023JJ00 periods)', async () => {
    const r = await read('area_code;period;indicator;numerator;denominator\nGM0001    ;2023JJ00;preterm;5;100\nWK000101;2024jj00;sga;0;12\n');
    expect(r.issues).toEqual([]);
    expect(r.delimiter).toBe(';');
    expect(r.rows).toEqual(EXPECTED_ROWS);
  });

  it('takes the columns in any order, with names in any case and with spaces', async () => {
    const r = await read(' Denominator ;PERIOD;Indicator;Area_Code;numerator\n100;2023;preterm;GM0001;5\n12;2024;sga;WK000101;0\n');
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual(EXPECTED_ROWS);
    expect(r.columns).toEqual(['denominator', 'period', 'indicator', 'area_code', 'numerator']);
  });

  it('skips a UTF-8 byte order mark', async () => {
    const r = await read(`\uFEFF${HEADER}\nGM0001,2023,preterm,5,100\nWK000101,2024,sga,0,12\n`);
    expect(r.issues).toEqual([]);
    expect(r.columns[0]).toBe('area_code');
    expect(r.rows).toEqual(EXPECTED_ROWS);
  });

  it('reads CRLF line ends, also on the last line without a line break', async () => {
    const r = await read(`${HEADER}\r\nGM0001,2023,preterm,5,100\r\nWK000101,2024,sga,0,12`);
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual(EXPECTED_ROWS);
    expect(r.linesRead).toBe(3);
  });

  it('reads quoted fields, with "" escapes, delimiters and CRLF', async () => {
    const r = await read(`"area_code","period","indicator","numerator","denominator"\r\n"GM0001","2023","preterm","5","100"\r\n"WK000101",2024,"sga",0,"12"\r\n`);
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual(EXPECTED_ROWS);
    const escaped = await read(`${HEADER}\n"GM0001","2023","pre""term",5,100\n`);
    expect(brief(escaped.issues)).toEqual([[2, 'indicator', `'pre"term' is not a known indicator`]]);
  });

  it('counts the physical lines of a quoted field with a line break', async () => {
    // Line 2's indicator holds a line break, so the record spans lines 2–3; the next record is line 4.
    const r = await read(`${HEADER}\nGM0001,2023,"pre\nterm",5,100\nGM0001,2023,preterm,5,abc\n`);
    expect(brief(r.issues)).toEqual([
      [2, 'indicator', `'pre\\nterm' is not a known indicator`],
      [4, 'denominator', `'abc' is not a whole number`],
    ]);
    expect(r.linesRead).toBe(4);
  });

  it('allows empty lines at the end, but not in the middle', async () => {
    const trailing = await read(`${HEADER}\nGM0001,2023,preterm,5,100\n\n  \n\r\n`);
    expect(trailing.issues).toEqual([]);
    expect(trailing.rows).toHaveLength(1);
    const middle = await read(`${HEADER}\nGM0001,2023,preterm,5,100\n\nGM0001,2024,preterm,5,100\n`);
    expect(brief(middle.issues)).toEqual([[3, null, 'empty line; empty lines are only allowed at the end of the file']]);
  });
});

describe('long CSV: validation', () => {
  it('names line and field in the formatted message', async () => {
    const r = await read(`${HEADER}\nGM0001,2023,preterm,abc,100\n`);
    expect(r.issues).toEqual([{ line: 2, field: 'numerator', value: 'abc', message: "'abc' is not a whole number" }]);
    expect(formatIssue(r.issues[0]!)).toBe("line 2, field 'numerator': 'abc' is not a whole number");
  });

  it('rejects an unknown area code', async () => {
    const r = await read(`${HEADER}\nGM9999,2023,preterm,5,100\n,2023,preterm,5,100\n`);
    expect(brief(r.issues)).toEqual([
      [2, 'area_code', "'GM9999' is not a known area code"],
      [3, 'area_code', 'is empty; an area code is required'],
    ]);
    expect(r.rows).toEqual([]);
  });

  it('rejects an unknown indicator', async () => {
    const r = await read(`${HEADER}\nGM0001,2023,vroeggeboorte,5,100\n`);
    expect(brief(r.issues)).toEqual([[2, 'indicator', "'vroeggeboorte' is not a known indicator"]]);
  });

  it('rejects a period that is not a year, or outside the atlas years', async () => {
    const r = await read(`${HEADER}\nGM0001,23,preterm,5,100\nGM0001,2023KW01,preterm,5,100\nGM0001,1999,preterm,5,100\nGM0001,2014,preterm,5,100\nGM0001,2025,preterm,5,100\n`);
    expect(brief(r.issues)).toEqual([
      [2, 'period', "'23' is not a year (expected a year from 2000 to 2100, such as 2023 or 2023JJ00)"],
      [3, 'period', "'2023KW01' is not a year (expected a year from 2000 to 2100, such as 2023 or 2023JJ00)"],
      [4, 'period', "'1999' is not a year (expected a year from 2000 to 2100, such as 2023 or 2023JJ00)"],
      [5, 'period', "'2014' is outside the years of this atlas (2015–2024)"],
      [6, 'period', "'2025' is outside the years of this atlas (2015–2024)"],
    ]);
  });

  it('rejects counts that are not non-negative whole numbers', async () => {
    const r = await read(`${HEADER}\nGM0001,2015,preterm,-3,100\nGM0001,2016,preterm,2.5,100\nGM0001,2017,preterm,5,\nGM0001,2018,preterm,5,1e3\nGM0001,2019,preterm,"1,5",100\n`);
    expect(brief(r.issues)).toEqual([
      [2, 'numerator', "'-3' is negative; counts must be 0 or more"],
      [3, 'numerator', "'2.5' is not a whole number; counts must be whole numbers, written without decimals or thousands separators"],
      [4, 'denominator', 'is empty; a whole number is required'],
      [5, 'denominator', "'1e3' is not a whole number"],
      [6, 'numerator', "'1,5' is not a whole number (and a decimal comma is only allowed in semicolon-separated files)"],
    ]);
  });

  it('rejects a decimal comma in a semicolon file too: counts are whole numbers', async () => {
    const r = await read('area_code;period;indicator;numerator;denominator\nGM0001;2023;preterm;5,0;100\nGM0001;2024;preterm;5;1.000\n');
    expect(brief(r.issues)).toEqual([
      [2, 'numerator', "'5,0' is not a whole number; counts must be whole numbers, written without decimals or thousands separators"],
      [3, 'denominator', "'1.000' is not a whole number; counts must be whole numbers, written without decimals or thousands separators"],
    ]);
  });

  it('rejects a numerator above the denominator, except for rate indicators', async () => {
    const r = await read(`${HEADER}\nGM0001,2023,preterm,101,100\nGM0001,2023,social_assistance,150,100\n`);
    expect(brief(r.issues)).toEqual([[2, 'numerator', "101 is greater than the denominator 100 (only allowed for rate indicators; 'preterm' is a proportion)"]]);
    expect(r.rows).toEqual([{ areaCode: 'GM0001', indicatorId: 'social_assistance', period: 2023, numerator: 150, denominator: 100 }]);
  });

  it('rejects a denominator of 0 with a numerator above 0 (also for rates); 0 / 0 is fine', async () => {
    const r = await read(`${HEADER}\nGM0001,2023,preterm,3,0\nGM0001,2023,social_assistance,2,0\nGM0002,2023,preterm,0,0\n`);
    expect(brief(r.issues)).toEqual([
      [2, 'denominator', 'is 0 while the numerator is 3; a numerator needs a denominator above 0'],
      [3, 'denominator', 'is 0 while the numerator is 2; a numerator needs a denominator above 0'],
    ]);
    expect(r.rows).toEqual([{ areaCode: 'GM0002', indicatorId: 'preterm', period: 2023, numerator: 0, denominator: 0 }]);
  });

  it('rejects a duplicate (area, period, indicator) and names both lines', async () => {
    const r = await read(`${HEADER}\nGM0001,2023,preterm,5,100\nGM0001,2024,preterm,5,100\n  gm0001 ,2023JJ00,preterm,6,100\n`);
    expect(brief(r.issues)).toEqual([[4, null, 'duplicate: GM0001, 2023, preterm is also on line 2 (lines 2 and 4; each area, period and indicator may appear once)']]);
  });

  it('rejects a line with the wrong number of fields', async () => {
    const r = await read(`${HEADER}\nGM0001,2023,preterm,5\nGM0001,2023,preterm,1,5,100\n`);
    expect(brief(r.issues)).toEqual([
      [2, null, 'expected 5 fields (area_code,period,indicator,numerator,denominator), found 4'],
      [3, null, 'expected 5 fields (area_code,period,indicator,numerator,denominator), found 6 (a value with a comma must be quoted)'],
    ]);
  });

  it('reports every problem of a line, and goes on with the next lines', async () => {
    const r = await read(`${HEADER}\nGM9999,1999,nope,x,y\nGM0001,2023,preterm,5,100\nGM0001,2023,preterm,-1,100\n`);
    expect(brief(r.issues).map(([line, field]) => `${line}:${field}`)).toEqual([
      '2:area_code',
      '2:period',
      '2:indicator',
      '2:numerator',
      '2:denominator',
      '4:numerator',
      '4:null',
    ]);
  });
});

describe('long CSV: header', () => {
  it('reports a missing required column on line 1, and reads no rows', async () => {
    const r = await read('area_code,period,indicator,numerator\nGM0001,2023,preterm,5\n');
    expect(brief(r.issues)).toEqual([[1, 'denominator', "required column 'denominator' is missing"]]);
    expect(r.rows).toEqual([]);
  });

  it('reports an unknown column on line 1, and still checks the rows', async () => {
    const r = await read(`${HEADER},note\nGM0001,2023,preterm,5,100,hello\nGM0001,2024,preterm,x,100,hi\n`);
    expect(brief(r.issues)).toEqual([
      [1, 'note', "unknown column 'note'; a long file has the columns area_code, period, indicator, numerator, denominator"],
      [3, 'numerator', "'x' is not a whole number"],
    ]);
  });

  it('reports a column given twice, and a column without a name', async () => {
    const r = await read(`${HEADER},period,\nGM0001,2023,preterm,5,100,2023,\n`);
    expect(brief(r.issues)).toEqual([
      [1, 'period', "column 'period' appears more than once"],
      [1, null, 'column 7 of the header has no name (is there a delimiter too many?)'],
    ]);
  });

  it('reports a header that fits neither file kind', async () => {
    const r = await read('gemeente,jaar,waarde\nGM0001,2023,5\n');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 1, field: null, message: expect.stringContaining('cannot tell what kind of file this is') });
  });

  it('reports a file with a header and no rows, and an empty file', async () => {
    expect(brief((await read(`${HEADER}\n\n`)).issues)).toEqual([[1, null, 'the file has a header but no data rows']]);
    expect(brief((await read('')).issues)).toEqual([[1, null, 'the file is empty; expected a header line']]);
    expect(brief((await read('\uFEFF\n  \n')).issues)).toEqual([[1, null, 'the file is empty; expected a header line']]);
  });

  it('requires the header on line 1', async () => {
    const r = await read(`\n${HEADER}\nGM0001,2023,preterm,5,100\n`);
    expect(brief(r.issues)).toEqual([[1, null, 'the first line must be the header; it is empty']]);
  });

  it('reports a quote that is never closed', async () => {
    const r = await read(`${HEADER}\nGM0001,2023,"preterm,5,100\n`);
    expect(brief(r.issues)).toEqual([[2, null, 'a quoted field that starts on this line is not closed (a " is missing)']]);
  });
});

describe('long CSV: issue limit', () => {
  it('stops after maxIssues issues (default 100)', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `GM0001,${2015 + (i % 10)},preterm,x${i},100`);
    const text = `${HEADER}\n${lines.join('\n')}\n`;
    const ten = await read(text, 10);
    expect(ten.issues).toHaveLength(10);
    expect(ten.issues.map((i) => i.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ten.stoppedAtMaxIssues).toBe(true);
    const byDefault = await read(text);
    expect(byDefault.issues).toHaveLength(100);
    expect(byDefault.stoppedAtMaxIssues).toBe(true);
    const all = await read(text, 1000);
    expect(all.issues.length).toBeGreaterThan(300); // every x-numerator, then duplicates from line 12 on
    expect(all.stoppedAtMaxIssues).toBe(false);
  });
});

describe('long CSV: a very large context', () => {
  it('finds duplicates also when the atlas has very many areas, indicators and years', async () => {
    const areaCodes = new Set(Array.from({ length: 60_000 }, (_, i) => `WK${String(i).padStart(6, '0')}`));
    const big = { ...context, areaCodes, firstPeriod: 2000, lastPeriod: 2100 };
    const r = await readImportFile(file(`${HEADER}\nWK059999,2100,preterm,5,100\nWK000000,2000,preterm,5,100\nWK059999,2100,preterm,6,100\n`), big);
    expect(brief(r.issues)).toEqual([[4, null, 'duplicate: WK059999, 2100, preterm is also on line 2 (lines 2 and 4; each area, period and indicator may appear once)']]);
  });
});
