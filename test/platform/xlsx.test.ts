// The XLSX writer: the package parts and their XML (cells, types, styles, escaping), and a real
// spreadsheet program (LibreOffice, headless) opening the file and reading the same values.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, writeXlsx, xmlEscape, type XlsxSheet } from '../../src/platform/xlsx.ts';

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

interface ReadCell { type: 'n' | 's' | 'b'; style: number; value: string | number | boolean }

/** The cells of one sheet of a workbook we wrote, by reference (A1 → cell). */
function readSheet(files: Record<string, Uint8Array>, n: number): Map<string, ReadCell> {
  const strings = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<si><t xml:space="preserve">([^<]*)<\/t><\/si>/g)].map((m) => unescapeXml(m[1]!));
  const cells = new Map<string, ReadCell>();
  for (const m of strFromU8(files[`xl/worksheets/sheet${n}.xml`]!).matchAll(/<c r="([A-Z]+\d+)"( s="(\d+)")?( t="(\w+)")?>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
    const [, ref, , style, , t, v] = m;
    const type = (t ?? 'n') as 'n' | 's' | 'b';
    cells.set(ref!, { type, style: Number(style ?? 0), value: type === 's' ? strings[Number(v)]! : type === 'b' ? v === '1' : Number(v) });
  }
  return cells;
}

const SHEETS: XlsxSheet[] = [
  {
    name: 'Gegevens',
    rows: [
      [{ value: 'Big2 — gemeenten — 2024', style: 'title' }],
      [{ value: 'Synthetische demonstratiedata — geen echte cijfers', style: 'bold' }],
      [],
      ['Gebiedscode', 'Gebied', 'Teller', 'Waarde (%)', 'Trend', 'Gepubliceerd'].map((value) => ({ value, style: 'bold' as const })),
      ['GM0014', 'Groningen', { value: 1422, style: 'integer' }, { value: 18.3, style: 'decimal1' }, 'stijgend', true],
      ['GM0363', "'s-Gravenhage <Den Haag> & \"zo\"", { value: 12345, style: 'integer' }, { value: 16, style: 'decimal1' }, null, false],
      ['GM0060', 'Ameland', null, { value: Number.NaN, style: 'decimal1' }, 'onderdrukt (kleine aantallen)', false],
      ['GM9999', 'Ünïcödé 👶 ĳ', -0, 0.1 + 0.2, 'a\u0001b\u000bc', 1e-7],
    ],
    freezeRows: 4,
  },
  { name: 'Toelichting', rows: [[{ value: 'Bron', style: 'bold' }, { value: 'Regel 1\nRegel 2', style: 'wrap' }]], widths: [20, 80] },
];

describe('writeXlsx', () => {
  const bytes = writeXlsx(SHEETS, { modified: new Date(Date.UTC(2024, 5, 1, 12)), title: 'Big2 <test>', creator: 'Kansrijk' });
  const files = unzipSync(bytes);
  const text = (path: string) => strFromU8(files[path]!);

  it('writes every part of the package, with the sheets declared and related', () => {
    for (const path of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'docProps/core.xml']) {
      expect(files[path], path).toBeDefined();
      expect(text(path), path).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>/);
    }
    expect(text('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(text('xl/workbook.xml')).toContain('<sheet name="Gegevens" sheetId="1" r:id="rId1"/><sheet name="Toelichting" sheetId="2" r:id="rId2"/>');
    expect(text('xl/_rels/workbook.xml.rels')).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
    expect(text('docProps/core.xml')).toContain('<dc:title>Big2 &lt;test&gt;</dc:title>');
    expect(text('docProps/core.xml')).toContain('2024-06-01T12:00:00Z');
  });

  it('writes numbers as numbers with their number format, text as shared strings, booleans as booleans', () => {
    const cells = readSheet(files, 1);
    expect(cells.get('C5')).toEqual({ type: 'n', style: 3, value: 1422 });
    expect(cells.get('D5')).toEqual({ type: 'n', style: 2, value: 18.3 });
    expect(cells.get('D6')).toEqual({ type: 'n', style: 2, value: 16 });
    expect(cells.get('B5')).toEqual({ type: 's', style: 0, value: 'Groningen' });
    expect(cells.get('F5')).toEqual({ type: 'b', style: 0, value: true });
    expect(cells.get('A1')).toEqual({ type: 's', style: 5, value: 'Big2 — gemeenten — 2024' });
    expect(cells.get('A4')).toEqual({ type: 's', style: 1, value: 'Gebiedscode' });
    expect(cells.get('C8')).toEqual({ type: 'n', style: 0, value: 0 }); // -0 written as 0
    expect(cells.get('D8')!.value).toBe(0.1 + 0.2); // full precision round-trips
    expect(cells.get('F8')!.value).toBe(1e-7);
    // Empty values: no cell, or an empty styled cell; never a text "NaN" or "null".
    expect(cells.get('C7')).toBeUndefined();
    expect(text('xl/worksheets/sheet1.xml')).toContain('<c r="D7" s="2"/>');
    expect(text('xl/worksheets/sheet1.xml')).not.toMatch(/NaN|null|undefined/);
    expect(text('xl/sharedStrings.xml')).toMatch(/<sst [^>]*count="\d+" uniqueCount="\d+">/);
  });

  it('escapes text and drops characters XML cannot hold', () => {
    const cells = readSheet(files, 1);
    expect(cells.get('B6')!.value).toBe("'s-Gravenhage <Den Haag> & \"zo\"");
    expect(text('xl/sharedStrings.xml')).toContain("'s-Gravenhage &lt;Den Haag&gt; &amp; &quot;zo&quot;");
    expect(cells.get('B8')!.value).toBe('Ünïcödé 👶 ĳ');
    expect(cells.get('E8')!.value).toBe('abc');
    expect(xmlEscape('a\uD800b\uDFFFc😀')).toBe('abc😀'); // lone surrogates go, pairs stay
    expect(readSheet(files, 2).get('B1')!.value).toBe('Regel 1\nRegel 2');
  });

  it('has a bold header style, number formats 0.0 and #,##0, column widths and frozen header rows', () => {
    const styles = text('xl/styles.xml');
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.0"/>');
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="#,##0"/>');
    const xfs = [...styles.split('<cellXfs')[1]!.matchAll(/<xf [^>]*?numFmtId="(\d+)" fontId="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(xfs).toEqual([[0, 0], [0, 1], [164, 0], [165, 0], [0, 0], [0, 2]]);
    expect(styles.split('<fonts')[1]).toMatch(/^ count="3"><font><sz val="11"\/>.*?<\/font><font><b\/>/);
    const sheet1 = text('xl/worksheets/sheet1.xml');
    expect(sheet1).toMatch(/<cols><col min="1" max="1" width="[\d.]+" customWidth="1"\/>/);
    expect(sheet1).toContain('<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    expect(sheet1).toContain('<dimension ref="A1:F8"/>');
    expect(text('xl/worksheets/sheet2.xml')).toContain('<col min="2" max="2" width="80" customWidth="1"/>');
  });

  it('gives equal bytes for equal input, and refuses bad sheet names', () => {
    expect(Buffer.from(writeXlsx(SHEETS, { modified: new Date(Date.UTC(2024, 5, 1, 12)), title: 'Big2 <test>', creator: 'Kansrijk' })).equals(Buffer.from(bytes))).toBe(true);
    expect(() => writeXlsx([])).toThrow(/at least one sheet/);
    expect(() => writeXlsx([{ name: 'a/b', rows: [] }])).toThrow(/invalid sheet name/);
    expect(() => writeXlsx([{ name: 'x'.repeat(32), rows: [] }])).toThrow(/invalid sheet name/);
    expect(() => writeXlsx([{ name: 'Data', rows: [] }, { name: 'data', rows: [] }])).toThrow(/duplicate/);
    expect(() => writeXlsx([{ name: 'Data', rows: [['x'.repeat(32768)]] }])).toThrow(/longer than/);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});

// --- A real spreadsheet program reads the file ------------------------------------------------

function findBinary(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}
const soffice = findBinary();
if (!soffice) {
  console.warn('SKIPPED: LibreOffice (soffice) is not installed, so no real spreadsheet program opens the XLSX here. Install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui');
}

/** Every sheet of an XLSX as CSV through LibreOffice: `;`-separated, text cells quoted, numbers as
 * shown (number formats applied). Returns sheet name → rows of { text, quoted }. */
function libreOfficeSheets(binary: string, xlsx: Uint8Array): Map<string, { text: string; quoted: boolean }[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'kansrijk-xlsx-'));
  try {
    writeFileSync(join(dir, 'book.xlsx'), xlsx);
    // Tokens: separator ;, quote ", UTF-8, line 1, -, -, quote all text cells, -, save as shown,
    // no formulas, no trimming, all sheets (one file per sheet: book-<name>.csv).
    execFileSync(binary, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,true,false,true,false,false,-1', '--outdir', dir, join(dir, 'book.xlsx')], { stdio: 'pipe', timeout: 120_000 });
    const sheets = new Map<string, { text: string; quoted: boolean }[][]>();
    for (const file of readdirSync(dir).filter((f) => f.startsWith('book-') && f.endsWith('.csv'))) {
      const rows = parse(readFileSync(join(dir, file), 'utf8'), {
        delimiter: ';',
        relax_column_count: true,
        cast: (text, context) => ({ text, quoted: context.quoting }),
      }) as unknown as { text: string; quoted: boolean }[][];
      sheets.set(file.slice('book-'.length, -'.csv'.length), rows);
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('writeXlsx in LibreOffice', () => {
  it.skipIf(!soffice)(`opens in LibreOffice with the same values, numbers as numbers${soffice ? '' : ' — SKIPPED: soffice not installed'}`, () => {
    const sheets = libreOfficeSheets(soffice!, writeXlsx(SHEETS));
    expect([...sheets.keys()].sort()).toEqual(['Gegevens', 'Toelichting']);
    const rows = sheets.get('Gegevens')!;
    expect(rows[0]![0]).toEqual({ text: 'Big2 — gemeenten — 2024', quoted: true });
    expect(rows[3]!.map((c) => c.text)).toEqual(['Gebiedscode', 'Gebied', 'Teller', 'Waarde (%)', 'Trend', 'Gepubliceerd']);
    const groningen = rows[4]!;
    expect(groningen[1]).toEqual({ text: 'Groningen', quoted: true });
    // Numbers are not quoted (so not text), and shown with their number format.
    expect(groningen[2]!.quoted).toBe(false);
    expect(groningen[2]!.text.replace(/[.,\s]/g, '')).toBe('1422');
    expect(groningen[2]!.text).toMatch(/^1[.,\s]?422$/);
    expect(groningen[3]).toEqual({ text: expect.stringMatching(/^18[.,]3$/), quoted: false });
    expect(rows[5]![3]).toEqual({ text: expect.stringMatching(/^16[.,]0$/), quoted: false });
    expect(rows[5]![1]!.text).toBe("'s-Gravenhage <Den Haag> & \"zo\"");
    expect(rows[6]![2]!.text).toBe('');
    expect(rows[6]![3]!.text).toBe('');
    expect(rows[7]![1]!.text).toBe('Ünïcödé 👶 ĳ');
    expect(groningen[5]!.text).toMatch(/^(TRUE|WAAR|1)$/);
    expect(sheets.get('Toelichting')![0]!.map((c) => c.text)).toEqual(['Bron', 'Regel 1\nRegel 2']);
  });
});
