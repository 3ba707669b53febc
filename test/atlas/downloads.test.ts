// Downloads of what the screens show (CSV and XLSX of the values and profile endpoints), and
// ETag revalidation of the cached responses, on a real database with the synthetic demo data.
// Every download is checked against the JSON of the same request: same rows, same order, the
// values rounded as the screens round them.

import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { INDICATORS } from '../../src/atlas/indicator-catalogue.ts';

type Lang = 'nl' | 'en';

/** How a screen shows a value (Intl, 1 decimal) or a count (whole), without thousands separators. */
const shown = (lang: Lang, x: number | null | undefined, decimals = 1) =>
  x === null || x === undefined ? '' : new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false }).format(x);

interface Csv {
  bom: boolean;
  meta: Map<string, string>;
  header: string[];
  rows: Record<string, string>[];
  lines: string[];
}

/** Reads a download: `# key<sep>value` lines, then a header row and the data rows. */
function readCsv(body: string, separator: ';' | ','): Csv {
  const bom = body.startsWith('\uFEFF');
  const text = bom ? body.slice(1) : body;
  const lines = text.split('\r\n');
  const metaLines = lines.filter((l) => l.startsWith('# ')).map((l) => l.slice(2));
  const meta = new Map((parse(metaLines.join('\n'), { delimiter: separator, relax_column_count: true }) as string[][]).map(([k, v]) => [k!, v ?? '']));
  const records = parse(text, { delimiter: separator, comment: '#', comment_no_infix: true, skip_empty_lines: true }) as string[][];
  const [header, ...data] = records;
  return { bom, meta, header: header!, rows: data.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k]!]))), lines };
}

interface XCell { type: 'n' | 's' | 'b'; style: number; value: string | number }

/** The sheets of an XLSX download, by name: rows of cells (undefined where no cell). */
function readXlsx(bytes: Buffer): Map<string, (XCell | undefined)[][]> {
  const files = unzipSync(new Uint8Array(bytes));
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const strings = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<si><t xml:space="preserve">([^<]*)<\/t><\/si>/g)].map((m) => unescape(m[1]!));
  const names = [...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet name="([^"]+)"/g)].map((m) => unescape(m[1]!));
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const sheets = new Map<string, (XCell | undefined)[][]>();
  names.forEach((name, k) => {
    const rows: (XCell | undefined)[][] = [];
    for (const m of strFromU8(files[`xl/worksheets/sheet${k + 1}.xml`]!).matchAll(/<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?(?:\/>|><v>([^<]*)<\/v><\/c>)/g)) {
      const [, letters, row, style, t, v] = m;
      if (v === undefined) continue; // an empty styled cell
      const type = (t ?? 'n') as XCell['type'];
      ((rows[Number(row) - 1] ??= [])[column(letters!)] = { type, style: Number(style ?? 0), value: type === 's' ? strings[Number(v)]! : Number(v) });
    }
    sheets.set(name, Array.from(rows, (r) => r ?? []));
  });
  return sheets;
}

/** The table of a data sheet: the rows below the header row that starts with `first`. */
function xlsxTable(sheet: (XCell | undefined)[][], first: string) {
  const at = sheet.findIndex((row) => row[0]?.value === first);
  expect(at, `header row starting with ${first}`).toBeGreaterThanOrEqual(0);
  const header = sheet[at]!.map((c) => String(c?.value ?? ''));
  return { top: sheet.slice(0, at), header, rows: sheet.slice(at + 1).map((row) => Object.fromEntries(header.map((h, k) => [h, row[k]]))) };
}

describe.each(TEST_ENGINES)('downloads on $name', (engine) => {
  let p: TestPlatform;
  const raw = async (url: string, headers: Record<string, string> = {}) => p.app.inject({ method: 'GET', url, headers });
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: true });
  });
  afterAll(async () => p?.close());

  const VALUES = '/api/v1/indicators/big2/values?level=gemeente&period=2024';

  it('CSV (nl) of big2 per gemeente 2024: the JSON rows, rounded as shown, with `;` and a decimal comma', async () => {
    const { body: json } = await p.get(VALUES);
    const response = await raw(`${VALUES}&format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="kansrijk-big2-gemeente-2024.csv"');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM
    const csv = readCsv(response.body, ';');
    expect(csv.bom).toBe(true);

    expect(csv.header).toEqual([
      'Gebiedscode', 'Gebied', 'Teller (aantal)', 'Noemer (aantal)', 'Waarde (%)', 'Ondergrens 95%-interval (%)', 'Bovengrens 95%-interval (%)',
      'Ondergrens 99,8%-interval (%)', 'Bovengrens 99,8%-interval (%)', 'Vergelijking met Nederland', 'Kwintiel (1 = gunstigste vijfde)',
      'Gladgestreken waarde (%)', 'Trend (laatste 5 jaar)', 'Opmerking', 'Synthetisch',
    ]);
    expect(csv.rows).toHaveLength(342);
    expect(json.values).toHaveLength(342);
    const comparison: Record<string, string> = { better: 'beter', similar: 'vergelijkbaar', worse: 'slechter', 'not-compared': 'niet vergeleken' };
    const trend: Record<string, string> = { increasing: 'stijgend', decreasing: 'dalend', 'no-significant-change': 'geen significante verandering', 'cannot-be-calculated': 'niet te berekenen' };
    let suppressed = 0;
    json.values.forEach((v: any, k: number) => {
      const row = csv.rows[k]!;
      expect(row.Gebiedscode).toBe(v.area);
      expect(row.Gebied).toBe(v.name);
      expect(row['Vergelijking met Nederland']).toBe(comparison[v.comparison]);
      expect(row.Synthetisch).toBe('ja');
      if (v.suppressed) {
        suppressed++;
        for (const column of ['Teller (aantal)', 'Noemer (aantal)', 'Waarde (%)', 'Ondergrens 95%-interval (%)', 'Bovengrens 95%-interval (%)', 'Gladgestreken waarde (%)', 'Kwintiel (1 = gunstigste vijfde)']) {
          expect(row[column], `${v.area} ${column}`).toBe('');
        }
        expect(row.Opmerking).toBe(v.suppressionReason === 'small-numbers' ? 'onderdrukt (kleine aantallen)' : 'onderdrukt (complementair: anders terug te rekenen)');
        return;
      }
      expect(row['Teller (aantal)']).toBe(shown('nl', v.numerator, 0));
      expect(row['Noemer (aantal)']).toBe(shown('nl', v.denominator, 0));
      expect(row['Waarde (%)']).toBe(shown('nl', v.value));
      expect(row['Waarde (%)']).toMatch(/^\d+,\d$/);
      expect(row['Ondergrens 95%-interval (%)']).toBe(shown('nl', v.lowercl95));
      expect(row['Bovengrens 95%-interval (%)']).toBe(shown('nl', v.uppercl95));
      expect(row['Ondergrens 99,8%-interval (%)']).toBe(shown('nl', v.lowercl998));
      expect(row['Bovengrens 99,8%-interval (%)']).toBe(shown('nl', v.uppercl998));
      expect(row['Gladgestreken waarde (%)']).toBe(shown('nl', v.smoothed));
      expect(row['Kwintiel (1 = gunstigste vijfde)']).toBe(String(v.quintile ?? ''));
      expect(row['Trend (laatste 5 jaar)']).toBe(v.trend ? trend[v.trend] : '');
      expect(row.Opmerking).toBe('');
    });
    expect(suppressed).toBeGreaterThan(0);
    expect(csv.rows.some((r) => r.Opmerking === 'onderdrukt (kleine aantallen)')).toBe(true);

    // Metadata lines at the top, before the header.
    expect(csv.lines[0]).toBe('# Titel;Kansrijk — Big2 (valse start) — gemeenten — 2024');
    expect(csv.lines[1]).toBe('# Let op;Synthetische demonstratiedata — geen echte cijfers');
    const m = csv.meta;
    expect(m.get('Indicator')).toBe('Big2 (valse start) (big2)');
    expect(m.get('Definitie')).toBe(INDICATORS.find((i) => i.id === 'big2')!.definition.nl);
    expect(m.get('Eenheid')).toBe('%');
    expect(m.get('Periode')).toBe('2024');
    expect(m.get('Gebiedsniveau')).toBe('gemeenten');
    expect(m.get('Binnen')).toBe('heel Nederland');
    expect(m.get('Vergelijkingsgebied')).toBe('Nederland (NL01)');
    expect(m.get('Waarde vergelijkingsgebied (%)')).toBe(shown('nl', json.benchmark.value));
    expect(m.get('Bron')).toBe(json.source.nl);
    expect(m.get('Bron')).toMatch(/^Synthetische demonstratiedata/);
    expect(m.get('Methode')).toMatch(/Wilson/);
    expect(m.get('Onderdrukking')).toMatch(/teller van 1 tot en met 4 of een noemer onder 10/);
    expect(m.get('Aantal rijen')).toBe('342');
    expect(Date.now() - Date.parse(m.get('Gegenereerd op')!)).toBeLessThan(10 * 60_000);
    expect(m.get('Gegenereerd op')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(m.get('Weergave')).toBe('http://localhost/nl/atlas?indicator=big2&period=2024&level=gemeente');
    expect(m.get('Gegevens (API)')).toBe('http://localhost/api/v1/indicators/big2/values?level=gemeente&period=2024');
    expect(csv.lines.findIndex((l) => !l.startsWith('#'))).toBe(m.size); // all metadata first
  });

  it('CSV (en): `,` and a decimal point, English headers and words', async () => {
    const { body: json } = await p.get(VALUES);
    const response = await raw(`${VALUES}&format=csv&lang=en`);
    expect(response.headers['content-disposition']).toBe('attachment; filename="kansrijk-big2-gemeente-2024-en.csv"');
    const csv = readCsv(response.body, ',');
    expect(csv.header.slice(0, 6)).toEqual(['Area code', 'Area', 'Numerator (count)', 'Denominator (count)', 'Value (%)', 'Lower 95% limit (%)']);
    expect(csv.rows.map((r) => r['Area code'])).toEqual(json.values.map((v: any) => v.area));
    json.values.forEach((v: any, k: number) => {
      const row = csv.rows[k]!;
      expect(row['Value (%)']).toBe(shown('en', v.value));
      if (!v.suppressed) expect(row['Value (%)']).toMatch(/^\d+\.\d$/);
      if (v.suppressed && v.suppressionReason === 'small-numbers') expect(row.Note).toBe('suppressed (small numbers)');
    });
    const words: Record<string, string> = { better: 'better', similar: 'similar', worse: 'worse', 'not-compared': 'not compared' };
    expect(csv.rows.map((r) => r['Compared with Nederland'])).toEqual(json.values.map((v: any) => words[v.comparison]));
    expect(csv.rows.map((r) => r.Synthetic)).toEqual(json.values.map(() => 'yes'));
    expect(csv.lines[1]).toBe('# Note,Synthetic demonstration data — not real figures');
    expect(csv.meta.get('Benchmark value (%)')).toBe(shown('en', json.benchmark.value));
    expect(csv.meta.get('Source')).toBe(json.source.en);
    expect(csv.meta.get('View')).toBe('http://localhost/en/atlas?indicator=big2&period=2024&level=gemeente');
  });

  it('XLSX of the same: the same values, as numbers, and an About sheet with the metadata', async () => {
    const { body: json } = await p.get(VALUES);
    const response = await raw(`${VALUES}&format=xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="kansrijk-big2-gemeente-2024.xlsx"');
    const sheets = readXlsx(response.rawPayload);
    expect([...sheets.keys()]).toEqual(['Gegevens', 'Toelichting']);
    const { top, header, rows } = xlsxTable(sheets.get('Gegevens')!, 'Gebiedscode');
    // A few header rows above the table: title, synthetic label, benchmark, source.
    expect(top[0]![0]!.value).toBe('Big2 (valse start) — gemeenten — 2024');
    expect(top[1]![0]!.value).toBe('Synthetische demonstratiedata — geen echte cijfers');
    expect(top.map((r) => r[0]?.value).join('\n')).toMatch(/Vergelijkingsgebied: Nederland \(NL01\), waarde \d+,\d%/);
    expect(header[4]).toBe('Waarde (%)');
    expect(rows).toHaveLength(342);
    const round1 = (x: number) => Number(shown('en', x));
    json.values.forEach((v: any, k: number) => {
      const row = rows[k]!;
      expect(row.Gebiedscode!.value).toBe(v.area);
      if (v.suppressed) {
        expect(row['Waarde (%)']).toBeUndefined();
        expect(row['Teller (aantal)']).toBeUndefined();
        expect(String(row.Opmerking!.value)).toMatch(/^onderdrukt/);
        return;
      }
      expect(row['Waarde (%)']).toEqual({ type: 'n', style: 2, value: round1(v.value) }); // number, format 0.0
      expect(row['Ondergrens 95%-interval (%)']).toEqual({ type: 'n', style: 2, value: round1(v.lowercl95) });
      expect(row['Bovengrens 99,8%-interval (%)']).toEqual({ type: 'n', style: 2, value: round1(v.uppercl998) });
      expect(row['Teller (aantal)']).toEqual({ type: 'n', style: 3, value: v.numerator }); // number, format #,##0
      expect(row['Noemer (aantal)']).toEqual({ type: 'n', style: 3, value: v.denominator });
      expect(row['Kwintiel (1 = gunstigste vijfde)']?.value).toBe(v.quintile);
    });
    const about = new Map(sheets.get('Toelichting')!.map((r) => [r[0]?.value, r[1]?.value]));
    expect(about.get('Let op')).toBe('Synthetische demonstratiedata — geen echte cijfers');
    expect(about.get('Waarde vergelijkingsgebied (%)')).toBe(round1(json.benchmark.value));
    expect(about.get('Periode')).toBe(2024);
    expect(about.get('Methode')).toMatch(/Wilson/);
    expect(String(about.get('Bestandsformaat'))).toMatch(/Excel/);
  });

  it('per 1.000 values carry their unit; within and benchmark show in the rows, metadata and file name', async () => {
    const url = '/api/v1/indicators/perinatal_mortality/values?level=wijk&within=GM0599&benchmark=GM0599';
    const { body: json } = await p.get(url);
    const response = await raw(`${url}&format=csv`);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="kansrijk-perinatal_mortality-wijk-GM0599-${json.period}-vs-GM0599.csv"`);
    const csv = readCsv(response.body, ';');
    expect(csv.header).toContain('Waarde (per 1.000)');
    expect(csv.header).toContain('Vergelijking met Rotterdam');
    expect(csv.rows.map((r) => r.Gebiedscode)).toEqual(json.values.map((v: any) => v.area));
    expect(csv.rows.map((r) => r['Waarde (per 1.000)'])).toEqual(json.values.map((v: any) => shown('nl', v.value)));
    expect(csv.meta.get('Binnen')).toBe('Rotterdam (GM0599)');
    expect(csv.meta.get('Vergelijkingsgebied')).toBe('Rotterdam (GM0599)');
    expect(csv.meta.get('Methode')).toMatch(/Byar/);
    // The atlas screen's own query: wijken of a gemeente, benchmarked against that gemeente.
    expect(csv.meta.get('Weergave')).toBe(`http://localhost/nl/atlas?indicator=perinatal_mortality&period=${json.period}&level=wijk&gemeente=GM0599&benchmark=gemeente`);
    expect(csv.meta.get('Gegevens (API)')).toBe(`http://localhost/api/v1/indicators/perinatal_mortality/values?level=wijk&period=${json.period}&benchmark=GM0599&within=GM0599`);
  });

  it('profile CSV and XLSX: one row per indicator (14), as the JSON', async () => {
    const { body: json } = await p.get('/api/v1/areas/GM0599/profile?period=2024');
    expect(json.indicators).toHaveLength(14);
    const response = await raw('/api/v1/areas/GM0599/profile?period=2024&format=csv');
    expect(response.headers['content-disposition']).toBe('attachment; filename="kansrijk-profiel-GM0599-2024.csv"');
    const csv = readCsv(response.body, ';');
    expect(csv.rows).toHaveLength(14);
    expect(csv.rows.map((r) => r['Indicator-id'])).toEqual(json.indicators.map((r: any) => r.indicator.id));
    json.indicators.forEach((r: any, k: number) => {
      const row = csv.rows[k]!;
      expect(row.Indicator).toBe(r.indicator.name.nl);
      expect(row.Eenheid).toBe(r.indicator.unit.nl);
      expect(row.Waarde).toBe(shown('nl', r.value));
      expect(row['Waarde Nederland']).toBe(shown('nl', r.benchmarkValue));
      expect(row['Mediaan gemeenten']).toBe(shown('nl', r.levelRange?.median));
    });
    expect(csv.meta.get('Gebied')).toBe('Rotterdam (GM0599)');
    expect(csv.meta.get('Let op')).toBe('Synthetische demonstratiedata — geen echte cijfers');
    expect(csv.meta.get('Weergave')).toBe('http://localhost/nl/gebied/GM0599?period=2024');

    const xlsx = await raw('/api/v1/areas/GM0599/profile?period=2024&format=xlsx&lang=en');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="kansrijk-profiel-GM0599-2024-en.xlsx"');
    const sheets = readXlsx(xlsx.rawPayload);
    expect([...sheets.keys()]).toEqual(['Data', 'Time series', 'About']);
    const { rows } = xlsxTable(sheets.get('Data')!, 'Indicator id');
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r['Indicator id']!.value)).toEqual(json.indicators.map((r: any) => r.indicator.id));
    rows.forEach((row, k) => {
      const r = json.indicators[k];
      expect(row.Indicator!.value).toBe(r.indicator.name.en);
      expect(row.Value).toEqual(r.suppressed ? undefined : { type: 'n', style: 2, value: Number(shown('en', r.value)) });
    });
    const series = xlsxTable(sheets.get('Time series')!, 'Indicator id').rows;
    expect(series).toHaveLength(14 * 10);
    expect(new Map(sheets.get('About')!.map((r) => [r[0]?.value, r[1]?.value])).get('Note')).toBe('Synthetic demonstration data — not real figures');
  });

  it('answers 400 naming `format` or `lang` for a bad value', async () => {
    for (const [url, field] of [
      [`${VALUES}&format=pdf`, 'format'],
      ['/api/v1/areas/GM0599/profile?format=xls', 'format'],
      [`${VALUES}&format=csv&lang=de`, 'lang'],
    ] as const) {
      const { status, body } = await p.get(url);
      expect(status, url).toBe(400);
      expect(body.error.field, url).toBe(field);
      expect(body.error.message, url).toMatch(new RegExp(`parameter '${field}'`));
    }
    // The JSON stays the default, and errors stay JSON whatever the format.
    expect((await raw(`${VALUES}&format=json`)).body).toBe((await raw(VALUES)).body);
    const missing = await raw('/api/v1/indicators/nope/values?level=gemeente&format=csv');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.field).toBe('id');
  });

  it('documents format and lang in OpenAPI', async () => {
    const { body } = await p.get('/api/v1/openapi.json');
    for (const path of ['/api/v1/indicators/{id}/values', '/api/v1/areas/{code}/profile']) {
      const names = body.paths[path].get.parameters.map((q: any) => q.name);
      expect(names).toEqual(expect.arrayContaining(['format', 'lang']));
      const content = Object.keys(body.paths[path].get.responses['200'].content);
      expect(content).toEqual(['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      expect(body.paths[path].get.responses['304']).toBeDefined();
    }
  });

  it('sends an ETag with no-cache and answers If-None-Match with 304, until the counts change', async () => {
    for (const url of [VALUES, `${VALUES}&format=csv`, `${VALUES}&format=xlsx`, '/api/v1/areas/GM0599/profile', '/api/v1/areas/GM0599/profile?format=xlsx', '/api/v1/indicators', '/api/v1/areas?level=gemeente']) {
      const first = await raw(url);
      const etag = String(first.headers.etag);
      expect(etag, url).toMatch(/^"v\d+-[A-Za-z0-9_-]+"$/);
      expect(first.headers['cache-control'], url).toBe('no-cache');
      const again = await raw(url);
      expect(again.headers.etag, url).toBe(etag);
      expect(again.rawPayload.equals(first.rawPayload), url).toBe(true); // the same bytes for the same tag

      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const revalidated = await raw(url, { 'if-none-match': header });
        expect(revalidated.statusCode, `${url} ${header}`).toBe(304);
        expect(revalidated.rawPayload.length).toBe(0);
        expect(revalidated.headers.etag).toBe(etag);
        expect(revalidated.headers['cache-control']).toBe('no-cache');
      }
      expect((await raw(url, { 'if-none-match': '"v0-stale"' })).statusCode, url).toBe(200);
    }
    const tags = await Promise.all([VALUES, `${VALUES}&format=csv`, `${VALUES}&format=csv&lang=en`, `${VALUES}&format=xlsx`, '/api/v1/indicators/big2/values?level=gemeente&period=2023'].map(async (u) => (await raw(u)).headers.etag));
    expect(new Set(tags).size).toBe(tags.length);

    // New counts (an import): a new version, so the old tag no longer matches.
    const before = String((await raw(VALUES)).headers.etag);
    await p.db.query('UPDATE atlas_state SET counts_version = counts_version + 1 WHERE id = 1');
    const after = await raw(VALUES, { 'if-none-match': before });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before);
    expect(String(after.headers.etag).split('-')[0]).toBe(`"v${Number(before.slice(2).split('-')[0]) + 1}`);
  });
});
