// A small XLSX writer (Office Open XML SpreadsheetML, ECMA-376): several sheets of rows, numbers
// written as numbers (so a spreadsheet can compute with them), text as shared strings, a bold
// header style, number formats `0.0` and `#,##0`, column widths and frozen header rows. Zipped
// with fflate. No formulas, dates or merged cells: Kansrijk's downloads need none.

import { zipSync, strToU8 } from 'fflate';

/** Cell styles (indexes into styles.xml's cellXfs, in this order). */
export const XLSX_STYLES = ['default', 'bold', 'decimal1', 'integer', 'wrap', 'title'] as const;
export type XlsxStyle = (typeof XLSX_STYLES)[number];

/** A cell: a bare value, or a value with a style. null, undefined, NaN and ±Infinity give an empty cell. */
export type XlsxValue = string | number | boolean | null | undefined;
export type XlsxCell = XlsxValue | { value: XlsxValue; style?: XlsxStyle };

export interface XlsxSheet {
  /** 1–31 characters, none of \ / ? * : [ ], unique in the workbook (case-insensitively). */
  name: string;
  rows: readonly (readonly XlsxCell[])[];
  /** Column widths in characters; a missing or undefined width is fitted to the column's content. */
  widths?: readonly (number | undefined)[];
  /** Rows (from the top) that stay in view when scrolling, e.g. the header rows. */
  freezeRows?: number;
}

export interface XlsxOptions {
  /** Modification time written in the zip entries; fixed by default, so equal input gives equal bytes. */
  modified?: Date;
  /** Workbook properties (docProps/core.xml). */
  title?: string;
  creator?: string;
}

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

// Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/FFFF).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML content and attribute values: escaped, with characters XML can't hold removed. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function checkSheetNames(sheets: readonly XlsxSheet[]): void {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (name.length < 1 || name.length > 31 || /[\\/?*:[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new RangeError(`invalid sheet name '${name}': 1–31 characters, none of \\ / ? * : [ ], not starting or ending with '`);
    }
    if (seen.has(name.toLowerCase())) throw new RangeError(`duplicate sheet name '${name}'`);
    seen.add(name.toLowerCase());
  }
}

const cellValue = (cell: XlsxCell): XlsxValue => (cell !== null && typeof cell === 'object' ? cell.value : cell);
const cellStyle = (cell: XlsxCell): XlsxStyle | undefined => (cell !== null && typeof cell === 'object' ? cell.style : undefined);

/** Shared string table: every distinct text once. */
class SharedStrings {
  readonly index = new Map<string, number>();
  count = 0;
  add(text: string): number {
    this.count++;
    let k = this.index.get(text);
    if (k === undefined) this.index.set(text, (k = this.index.size));
    return k;
  }
  xml(): string {
    const items: string[] = [];
    for (const text of this.index.keys()) items.push(`<si><t xml:space="preserve">${xmlEscape(text)}</t></si>`);
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.index.size}">${items.join('')}</sst>`;
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const STYLE_ATTRIBUTE: Record<XlsxStyle, string> = Object.fromEntries(XLSX_STYLES.map((style, k) => [style, k === 0 ? '' : ` s="${k}"`])) as Record<XlsxStyle, string>;

/** Display width of a cell's content in characters, for fitting a column. */
function displayWidth(value: XlsxValue, style: XlsxStyle | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    if (style === 'decimal1') return value.toFixed(1).length;
    if (style !== 'integer') return String(value).length;
    const digits = String(Math.round(Math.abs(value))).length;
    return digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0);
  }
  if (typeof value === 'boolean') return 5;
  // Long wrapped text (definitions) should not make the column huge.
  return Math.max(...value.split('\n').map((line) => line.length));
}

function sheetXml(sheet: XlsxSheet, strings: SharedStrings): string {
  if (sheet.rows.length > MAX_ROWS) throw new RangeError(`sheet '${sheet.name}' has more than ${MAX_ROWS} rows`);
  const widths: number[] = [];
  const rows: string[] = [];
  const letters: string[] = [];
  sheet.rows.forEach((row, r) => {
    if (row.length > MAX_COLUMNS) throw new RangeError(`sheet '${sheet.name}' row ${r + 1} has more than ${MAX_COLUMNS} columns`);
    const cells: string[] = [];
    row.forEach((cell, c) => {
      const value = cellValue(cell);
      const style = cellStyle(cell);
      const s = style ? STYLE_ATTRIBUTE[style] : '';
      const ref = `${(letters[c] ??= columnName(c))}${r + 1}`;
      // Measure only the columns whose width is to be fitted.
      const width = sheet.widths?.[c] === undefined ? displayWidth(value, style) : 0;
      if (!(width <= (widths[c] ?? -1))) widths[c] = width;
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
        if (s) cells.push(`<c r="${ref}"${s}/>`); // an empty but styled cell (e.g. in a bold header row)
      } else if (typeof value === 'number') {
        cells.push(`<c r="${ref}"${s}><v>${Object.is(value, -0) ? 0 : value}</v></c>`);
      } else if (typeof value === 'boolean') {
        cells.push(`<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
      } else {
        if (value.length > MAX_CELL_TEXT) throw new RangeError(`sheet '${sheet.name}' cell ${ref}: text longer than ${MAX_CELL_TEXT} characters`);
        if (value === '') {
          if (s) cells.push(`<c r="${ref}"${s}/>`);
        } else {
          cells.push(`<c r="${ref}"${s} t="s"><v>${strings.add(value)}</v></c>`);
        }
      }
    });
    rows.push(cells.length > 0 ? `<row r="${r + 1}">${cells.join('')}</row>` : `<row r="${r + 1}"/>`);
  });
  const columnCount = Math.max(widths.length, sheet.widths?.length ?? 0);
  const cols: string[] = [];
  for (let c = 0; c < columnCount; c++) {
    const width = sheet.widths?.[c] ?? Math.min(60, Math.max(8, (widths[c] ?? 0) + 2));
    cols.push(`<col min="${c + 1}" max="${c + 1}" width="${Math.round(width * 100) / 100}" customWidth="1"/>`);
  }
  const freeze = sheet.freezeRows && sheet.freezeRows > 0
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.freezeRows + 1}" sqref="A${sheet.freezeRows + 1}"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const lastColumn = columnName(Math.max(0, widths.length - 1));
  const dimension = `<dimension ref="A1:${lastColumn}${Math.max(1, sheet.rows.length)}"/>`;
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${dimension}${freeze}<sheetFormatPr defaultRowHeight="15"/>${cols.length > 0 ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** styles.xml: cellXfs in the order of XLSX_STYLES. */
const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="#,##0"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + // default
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' + // bold (header)
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // decimal1: 0.0
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + // integer: #,##0
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' + // wrap
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' + // title
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The workbook as the bytes of an .xlsx file. */
export function writeXlsx(sheets: readonly XlsxSheet[], options: XlsxOptions = {}): Uint8Array {
  checkSheetNames(sheets);
  const strings = new SharedStrings();
  const sheetFiles = sheets.map((sheet) => sheetXml(sheet, strings));
  const n = sheets.length;
  const range = (f: (k: number) => string) => Array.from({ length: n }, (_, k) => f(k + 1)).join('');

  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    range((k) => `<Override PartName="/xl/worksheets/sheet${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`) +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>';
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>';
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, k) => `<sheet name="${xmlEscape(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('') +
    '</sheets></workbook>';
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    range((k) => `<Relationship Id="rId${k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k}.xml"/>`) +
    `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
  const modified = options.modified ?? new Date(Date.UTC(2000, 0, 1));
  const w3cdtf = modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (options.title ? `<dc:title>${xmlEscape(options.title)}</dc:title>` : '') +
    (options.creator ? `<dc:creator>${xmlEscape(options.creator)}</dc:creator>` : '') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf}</dcterms:modified>` +
    '</cp:coreProperties>';

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'docProps/core.xml': strToU8(core),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
    'xl/styles.xml': strToU8(STYLES_XML),
  };
  sheetFiles.forEach((xml, k) => (files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(xml)));
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  // The zip's DOS timestamps start in 1980; clamp, so any date can be passed.
  const mtime = modified.getUTCFullYear() < 1980 ? new Date(1980, 0, 1) : modified;
  // Level 3: about the size of level 6 for these files in half the time (a national wijk table
  // is ~2 MB of XML).
  return zipSync(files, { level: 3, mtime });
}
