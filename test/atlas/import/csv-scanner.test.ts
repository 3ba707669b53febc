import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvScanner, detectDelimiter, type CsvSink } from '../../../src/atlas/import/csv-scanner.ts';

interface Seen {
  records: { line: number; fields: string[] }[];
  empty: number[];
  malformed: { line: number; message: string }[];
}

function collector(): CsvSink & { seen: Seen } {
  const seen: Seen = { records: [], empty: [], malformed: [] };
  return {
    seen,
    stopped: false,
    record(text, starts, ends, count, line) {
      const fields: string[] = [];
      for (let i = 0; i < count; i++) fields.push(text.slice(starts[i]!, ends[i]!));
      seen.records.push({ line, fields });
    },
    emptyLine(line) {
      seen.empty.push(line);
    },
    malformed(line, message) {
      seen.malformed.push({ line, message });
    },
  };
}

/** Scans `text` pushed in pieces cut at `cuts` (positions). */
function scan(text: string, delimiter: string, cuts: number[] = []): Seen {
  const sink = collector();
  const scanner = new CsvScanner(delimiter, sink);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.push(text.slice(from, cut));
    from = cut;
  }
  scanner.push(text.slice(from));
  scanner.end();
  return sink.seen;
}

const TRICKY = [
  'a,b,c',
  '1,"two, with comma",3',
  '"x""y",plain,"multi',
  'line ""quoted""',
  'field"',
  '"",,""',
  'crlf,here,"ok"\r',
  'last,"r\r\nn",end',
].join('\n');

describe('CsvScanner', () => {
  it('splits unquoted lines and reports physical line numbers', () => {
    const seen = scan('a,b\n1,2\r\n\n  \n3,4', ',');
    expect(seen.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 5, fields: ['3', '4'] },
    ]);
    expect(seen.empty).toEqual([3, 4]);
  });

  it('reads quoted fields like csv-parse does, and counts the lines inside quotes', () => {
    const seen = scan(TRICKY, ',');
    const expected: string[][] = parse(TRICKY, { relax_column_count: true, record_delimiter: ['\r\n', '\n'] });
    expect(seen.records.map((r) => r.fields)).toEqual(expected);
    // Record 3 starts on line 3 and spans lines 3–5; record 5 starts on line 7.
    expect(seen.records.map((r) => r.line)).toEqual([1, 2, 3, 6, 7, 8]);
    expect(seen.malformed).toEqual([]);
  });

  it('gives the same result however the text is cut into chunks', () => {
    const whole = scan(TRICKY, ',');
    for (let cut = 1; cut < TRICKY.length; cut++) {
      expect(scan(TRICKY, ',', [cut]), `cut at ${cut}`).toEqual(whole);
    }
    for (let seed = 1; seed <= 50; seed++) {
      const cuts = Array.from({ length: 6 }, (_, i) => ((seed * 7919 + i * 104729) % (TRICKY.length - 1)) + 1);
      expect(scan(TRICKY, ',', cuts)).toEqual(whole);
    }
  });

  it('uses the delimiter it is given; a comma is then plain text', () => {
    expect(scan('a;"b;c";1,5', ';').records).toEqual([{ line: 1, fields: ['a', 'b;c', '1,5'] }]);
  });

  it('reports a quote that is never closed, and text after a closing quote', () => {
    const unclosed = scan('a,b\n1,"open\n2,3\n', ',');
    expect(unclosed.malformed).toEqual([{ line: 2, message: expect.stringContaining('not closed') }]);
    expect(unclosed.records.map((r) => r.line)).toEqual([1, 3]);
    const trailing = scan('a,b\n"x"y,2\n3,4\n', ',');
    expect(trailing.malformed).toEqual([{ line: 2, message: expect.stringContaining('after a closing quote') }]);
    expect(trailing.records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['3', '4'],
    ]);
  });

  it('detects the delimiter from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('area_code,period,indicator')).toBe(',');
    expect(detectDelimiter('area_code;period;indicator')).toBe(';');
    expect(detectDelimiter('"a,b,c";"d";"e";"f"')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });
});
