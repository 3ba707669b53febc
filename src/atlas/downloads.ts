// Downloads of exactly what a screen shows, as CSV and XLSX: the same rows in the same order as
// the JSON of the values and profile endpoints, values rounded as the screens round them, the
// words of the chosen language, and the metadata a figure needs to be read right (definition,
// unit, benchmark, source, synthetic label, method, suppression rule, when and where from).
//
// CSV follows the convention of the language: Dutch (nl) as CBS and a Dutch Excel expect it,
// with `;` between fields and a decimal comma; English (en) with `,` and a decimal point. Both
// are UTF-8 with a byte-order mark (so Excel reads them as UTF-8), lines end in CRLF, and the
// metadata comes first as `# key;value` lines (skipped by any reader told that `#` starts a
// comment), then the header row and one row per area or indicator.

import type { AtlasSnapshot } from './atlas-store.ts';
import { findAreaIn, findIndicatorIn, profileView, valuesView } from './atlas-views.ts';
import type { AreaLevel } from './geography.ts';
import type { IndicatorDefinition, SuppressionRule, Text } from './indicator-catalogue.ts';
import { writeXlsx, type XlsxCell, type XlsxSheet } from '../platform/xlsx.ts';

export const DOWNLOAD_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ResponseFormat = (typeof DOWNLOAD_FORMATS)[number];
export type DownloadFormat = Exclude<ResponseFormat, 'json'>;
export const DOWNLOAD_LANGS = ['nl', 'en'] as const;
export type Lang = (typeof DOWNLOAD_LANGS)[number];

export const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface Download {
  body: Buffer;
  contentType: string;
  filename: string;
}

export interface DownloadContext {
  format: DownloadFormat;
  lang: Lang;
  generatedAt: Date;
  /** Scheme and host the files' links start with (`https://kansrijk.example`); '' for paths only. */
  origin: string;
}

// ---------------------------------------------------------------------------------------------
// Words

/** The words of the downloads, per language; exported so that screens can use the same ones. */
export const WORDS = {
  nl: {
    comparison: { better: 'beter', similar: 'vergelijkbaar', worse: 'slechter', higher: 'hoger', lower: 'lager', 'not-compared': 'niet vergeleken' },
    trend: { increasing: 'stijgend', decreasing: 'dalend', 'no-significant-change': 'geen significante verandering', 'cannot-be-calculated': 'niet te berekenen' },
    suppressed: { 'small-numbers': 'onderdrukt (kleine aantallen)', complementary: 'onderdrukt (complementair: anders terug te rekenen)' },
    level: { land: 'Nederland', provincie: 'provincies', ggdregio: "GGD-regio's", jeugdregio: "jeugdregio's", gemeente: 'gemeenten', wijk: 'wijken' },
    yes: 'ja',
    no: 'nee',
    suppressedShort: 'onderdrukt',
    synthetic: 'Synthetische demonstratiedata — geen echte cijfers',
    dataSheet: 'Gegevens',
    seriesSheet: 'Tijdreeks',
    aboutSheet: 'Toelichting',
    seeAbout: 'Definitie, methode en onderdrukking: zie het tabblad ‘Toelichting’.',
    all: 'heel Nederland',
  },
  en: {
    comparison: { better: 'better', similar: 'similar', worse: 'worse', higher: 'higher', lower: 'lower', 'not-compared': 'not compared' },
    trend: { increasing: 'increasing', decreasing: 'decreasing', 'no-significant-change': 'no significant change', 'cannot-be-calculated': 'cannot be calculated' },
    suppressed: { 'small-numbers': 'suppressed (small numbers)', complementary: 'suppressed (complementary: could otherwise be derived)' },
    level: { land: 'the Netherlands', provincie: 'provinces', ggdregio: 'GGD regions', jeugdregio: 'youth care regions', gemeente: 'municipalities', wijk: 'districts (wijken)' },
    yes: 'yes',
    no: 'no',
    suppressedShort: 'suppressed',
    synthetic: 'Synthetic demonstration data — not real figures',
    dataSheet: 'Data',
    seriesSheet: 'Time series',
    aboutSheet: 'About',
    seeAbout: 'Definition, method and suppression: see the ‘About’ sheet.',
    all: 'the whole of the Netherlands',
  },
} as const;

const KEYS = {
  nl: {
    title: 'Titel', note: 'Let op', indicator: 'Indicator', definition: 'Definitie', numerator: 'Teller', denominator: 'Noemer', unit: 'Eenheid',
    period: 'Periode', level: 'Gebiedsniveau', within: 'Binnen', area: 'Gebied', benchmark: 'Vergelijkingsgebied', benchmarkValue: 'Waarde vergelijkingsgebied',
    source: 'Bron', method: 'Methode', comparison: 'Vergelijking', trend: 'Trend', quintile: 'Kwintielen', smoothing: 'Gladgestreken waarde',
    suppression: 'Onderdrukking', rounding: 'Afronding', separator: 'Bestandsformaat', generatedAt: 'Gegenereerd op', view: 'Weergave', api: 'Gegevens (API)', rows: 'Aantal rijen',
  },
  en: {
    title: 'Title', note: 'Note', indicator: 'Indicator', definition: 'Definition', numerator: 'Numerator', denominator: 'Denominator', unit: 'Unit',
    period: 'Period', level: 'Area level', within: 'Within', area: 'Area', benchmark: 'Benchmark', benchmarkValue: 'Benchmark value',
    source: 'Source', method: 'Method', comparison: 'Comparison', trend: 'Trend', quintile: 'Quintiles', smoothing: 'Smoothed value',
    suppression: 'Suppression', rounding: 'Rounding', separator: 'File format', generatedAt: 'Generated at', view: 'View', api: 'Data (API)', rows: 'Number of rows',
  },
} as const;

const HEAD = {
  nl: {
    code: 'Gebiedscode', name: 'Gebied', numerator: 'Teller (aantal)', denominator: 'Noemer (aantal)', value: 'Waarde',
    lower95: 'Ondergrens 95%-interval', upper95: 'Bovengrens 95%-interval', lower998: 'Ondergrens 99,8%-interval', upper998: 'Bovengrens 99,8%-interval',
    comparedWith: (name: string) => `Vergelijking met ${name}`, benchmarkValue: (name: string) => `Waarde ${name}`,
    quintile: (polarity: string) => (polarity === 'none' ? 'Kwintiel (1 = laagste vijfde)' : 'Kwintiel (1 = gunstigste vijfde)'),
    quintileMixed: 'Kwintiel (1 = gunstigste vijfde / laagste zonder gunstige richting)',
    smoothed: 'Gladgestreken waarde', trend: 'Trend (laatste 5 jaar)', note: 'Opmerking', synthetic: 'Synthetisch',
    indicatorId: 'Indicator-id', indicator: 'Indicator', actionLine: 'Actielijn', unit: 'Eenheid', source: 'Bron', period: 'Jaar',
    levelMin: (level: string) => `Laagste waarde ${level}`, levelMedian: (level: string) => `Mediaan ${level}`, levelMax: (level: string) => `Hoogste waarde ${level}`,
  },
  en: {
    code: 'Area code', name: 'Area', numerator: 'Numerator (count)', denominator: 'Denominator (count)', value: 'Value',
    lower95: 'Lower 95% limit', upper95: 'Upper 95% limit', lower998: 'Lower 99.8% limit', upper998: 'Upper 99.8% limit',
    comparedWith: (name: string) => `Compared with ${name}`, benchmarkValue: (name: string) => `Value ${name}`,
    quintile: (polarity: string) => (polarity === 'none' ? 'Quintile (1 = lowest fifth)' : 'Quintile (1 = best fifth)'),
    quintileMixed: 'Quintile (1 = best fifth / lowest without polarity)',
    smoothed: 'Smoothed value', trend: 'Trend (last 5 years)', note: 'Note', synthetic: 'Synthetic',
    indicatorId: 'Indicator id', indicator: 'Indicator', actionLine: 'Action line', unit: 'Unit', source: 'Source', period: 'Year',
    levelMin: (level: string) => `Lowest value ${level}`, levelMedian: (level: string) => `Median ${level}`, levelMax: (level: string) => `Highest value ${level}`,
  },
} as const;

/** A header with the unit in brackets: "Waarde (%)", "Value (per 1,000)". */
const withUnit = (header: string, unit: Text, lang: Lang) => `${header} (${unit[lang]})`;

function methodText(indicator: Pick<IndicatorDefinition, 'method' | 'multiplier'>, lang: Lang): string {
  const m = formatInteger(indicator.multiplier, lang);
  const nl = lang === 'nl';
  switch (indicator.method) {
    case 'proportion':
      return nl
        ? `Teller / noemer × ${m}, met Wilson-scoreintervallen (95% en 99,8%).`
        : `Numerator / denominator × ${m}, with Wilson score intervals (95% and 99.8%).`;
    case 'rate':
      return nl
        ? `Teller / noemer × ${m}, met exacte Poisson-grenzen bij een teller onder 10 en de benadering van Byar vanaf 10 (95% en 99,8%).`
        : `Numerator / denominator × ${m}, with exact Poisson limits for a numerator below 10 and Byar's approximation from 10 (95% and 99.8%).`;
    case 'mean':
      return nl ? 'Gemiddelde met een Student-t-interval (95% en 99,8%).' : 'Mean with a Student t interval (95% and 99.8%).';
    case 'count':
      return nl ? 'Aantal.' : 'Count.';
  }
}

const COMPARISON_TEXT: Text = {
  nl: "‘Vergelijkbaar’ als de waarde van het vergelijkingsgebied binnen het 95%-interval ligt; anders ‘beter’ of ‘slechter’ naar de gunstige richting van de indicator, of ‘hoger’ / ‘lager’ bij een indicator zonder gunstige richting. ‘Niet vergeleken’ zonder waarde, bij een onderdrukte waarde of voor het vergelijkingsgebied zelf.",
  en: "‘Similar’ when the benchmark value lies within the 95% interval; otherwise ‘better’ or ‘worse’ according to the indicator's polarity, or ‘higher’ / ‘lower’ for an indicator without one. ‘Not compared’ without a value, for a suppressed value or for the benchmark area itself.",
};
const TREND_TEXT: Text = {
  nl: 'Over de vijf meest recente opeenvolgende jaren tot en met dit jaar, alle gepubliceerd: chi-kwadraattoets voor trend (percentages) of gewogen regressie (per 1.000), significant bij 99,8%. Leeg bij minder dan vijf gepubliceerde jaren.',
  en: 'Over the five most recent consecutive years up to this one, all published: chi-square test for trend (percentages) or weighted regression (per 1,000), significant at 99.8%. Empty with fewer than five published years.',
};
const QUINTILE_TEXT: Text = {
  nl: 'De gepubliceerde waarden van het gebiedsniveau in vijf groepen; 1 is de gunstigste vijfde, of de laagste bij een indicator zonder gunstige richting.',
  en: 'The published values of the area level in five groups; 1 is the best fifth, or the lowest for an indicator without polarity.',
};
const SMOOTHING_TEXT: Text = {
  nl: 'Empirische-Bayesschatting (Marshall), naast de ruwe waarde: een wijk naar de andere wijken van haar gemeente getrokken, een gemeente naar Nederland.',
  en: 'Empirical-Bayes estimate (Marshall), beside the raw value: a wijk pulled towards the other wijken of its gemeente, a gemeente towards the Netherlands.',
};
const ROUNDING_TEXT: Text = {
  nl: 'Zoals op het scherm: waarden op 1 decimaal, aantallen als gehele getallen.',
  en: 'As on the screen: values to 1 decimal, counts as whole numbers.',
};
const FILE_FORMAT_TEXT: Record<Lang, Record<DownloadFormat, string>> = {
  nl: {
    csv: 'CSV (UTF-8), scheidingsteken puntkomma, decimaalkomma, geen duizendtalscheiding; regels met # vooraan zijn toelichting.',
    xlsx: 'Excel-werkmap: getallen als getallen, de tabel op het tabblad ‘Gegevens’.',
  },
  en: {
    csv: 'CSV (UTF-8), comma-separated, decimal point, no thousands separators; lines starting with # are metadata.',
    xlsx: 'Excel workbook: numbers as numbers, the table on the ‘Data’ sheet.',
  },
};

function suppressionText(rule: SuppressionRule, lang: Lang): string {
  const complementary = lang === 'nl'
    ? 'Daarnaast complementaire onderdrukking, zodat geen onderdrukt cijfer uit de gepubliceerde cijfers terug te rekenen is. Een onderdrukte rij heeft lege waardecellen.'
    : 'In addition, complementary suppression, so that no suppressed figure can be derived from the published ones. A suppressed row has empty value cells.';
  const max = rule.minNumerator - 1;
  if (lang === 'nl') {
    return `${max >= 1 ? `Niet gepubliceerd bij een teller van 1 tot en met ${max} of` : 'Niet gepubliceerd bij'} een noemer onder ${rule.minDenominator}. ${complementary}`;
  }
  return `${max >= 1 ? `Not published for a numerator from 1 to ${max} or` : 'Not published for'} a denominator below ${rule.minDenominator}. ${complementary}`;
}

// ---------------------------------------------------------------------------------------------
// Numbers, rounded as the screens round them

// The screens format with Intl (nl-NL / en-GB, a fixed number of decimals); every locale rounds
// alike (half away from zero, on the shortest decimal of the number), so these round the same.
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const NO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, useGrouping: false });
const GROUPED = { nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }) };
const formatInteger = (x: number, lang: Lang) => GROUPED[lang].format(x);

/** Values in running text (the XLSX summary lines): "14,8" / "14.8". */
const GROUPED_VALUE = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A number as a screen shows it: a value with 1 decimal or a whole count; kept as text "14.8". */
interface Rounded {
  kind: 'decimal1' | 'integer';
  text: string;
  value: number;
}

function rounded(x: number | null | undefined, kind: Rounded['kind']): Rounded | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  let text = (kind === 'decimal1' ? ONE_DECIMAL : NO_DECIMALS).format(x);
  if (text === '-0.0' || text === '-0') text = text.slice(1);
  return { kind, text, value: Number(text) };
}
const dec = (x: number | null | undefined) => rounded(x, 'decimal1');
const int = (x: number | null | undefined) => rounded(x, 'integer');

// ---------------------------------------------------------------------------------------------
// A table with its metadata, rendered as CSV or XLSX

type Cell = string | number | Rounded | null;

interface Table {
  /** The figure's title, also the first header row of the XLSX data sheet. */
  title: string;
  synthetic: boolean;
  /** Short lines above the XLSX table (benchmark, source, …). */
  summary: string[];
  meta: [key: string, value: Cell][];
  columns: string[];
  rows: Cell[][];
  /** Extra XLSX sheets (e.g. a profile's time series). */
  extraSheets?: { name: string; columns: string[]; rows: Cell[][] }[];
}

/** The fields of a value row or profile row that only a published (unsuppressed) row has. */
type CellFields = {
  numerator?: number | null; denominator?: number | null; value?: number | null; lowercl95?: number | null; uppercl95?: number | null;
  lowercl998?: number | null; uppercl998?: number | null; quintile?: number | null; smoothed?: number | null; trend?: string | null; suppressionReason?: string;
};

const isRounded = (c: Cell): c is Rounded => c !== null && typeof c === 'object';

// --- CSV

const CSV_STYLE: Record<Lang, { separator: string; decimal: string }> = { nl: { separator: ';', decimal: ',' }, en: { separator: ',', decimal: '.' } };

function csvField(cell: Cell, lang: Lang): string {
  const { separator, decimal } = CSV_STYLE[lang];
  if (cell === null) return '';
  if (isRounded(cell)) return decimal === '.' ? cell.text : cell.text.replace('.', decimal);
  if (typeof cell === 'number') return decimal === '.' ? String(cell) : String(cell).replace('.', decimal);
  // No line breaks inside a field (a `# key;value` line must stay one line), and no text that a
  // spreadsheet would run as a formula.
  let text = cell.replace(/\s*[\r\n]+\s*/g, ' ');
  if (/^[=+\-@\t]/.test(text)) text = `'${text}`;
  return text.includes(separator) || text.includes('"') || text.startsWith('#') ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(table: Table, lang: Lang): Buffer {
  const { separator } = CSV_STYLE[lang];
  const lines: string[] = [];
  for (const [key, value] of table.meta) lines.push(`# ${key}${separator}${csvField(value, lang)}`);
  lines.push(table.columns.map((c) => csvField(c, lang)).join(separator));
  for (const row of table.rows) lines.push(row.map((c) => csvField(c, lang)).join(separator));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

// --- XLSX

function xlsxCell(cell: Cell): XlsxCell {
  if (isRounded(cell)) return { value: cell.value, style: cell.kind };
  return cell;
}

/** Column widths of a table: its header and data, never its long title lines. */
function widthsOf(columns: string[], rows: Cell[][]): number[] {
  return columns.map((header, c) => {
    let width = Math.min(header.length, 28);
    for (const row of rows) {
      const cell = row[c] ?? null;
      const length = cell === null ? 0 : isRounded(cell) ? cell.text.length + (cell.kind === 'integer' ? Math.floor((cell.text.length - 1) / 3) : 0) : String(cell).length;
      if (length > width) width = length;
    }
    return Math.min(50, Math.max(8, width + 2));
  });
}

function toXlsx(table: Table, lang: Lang, generatedAt: Date): Buffer {
  const words = WORDS[lang];
  const top: XlsxCell[][] = [[{ value: table.title, style: 'title' }]];
  if (table.synthetic) top.push([{ value: words.synthetic, style: 'bold' }]);
  for (const line of table.summary) top.push([line]);
  top.push([words.seeAbout], []);
  const header = table.columns.map((c) => ({ value: c, style: 'bold' as const }));
  const data: XlsxSheet = {
    name: words.dataSheet,
    rows: [...top, header, ...table.rows.map((row) => row.map(xlsxCell))],
    widths: widthsOf(table.columns, table.rows),
    freezeRows: top.length + 1,
  };
  const extra: XlsxSheet[] = (table.extraSheets ?? []).map((s) => ({
    name: s.name,
    rows: [s.columns.map((c) => ({ value: c, style: 'bold' as const })), ...s.rows.map((row) => row.map(xlsxCell))],
    widths: widthsOf(s.columns, s.rows),
    freezeRows: 1,
  }));
  const about: XlsxSheet = {
    name: words.aboutSheet,
    rows: table.meta.map(([key, value]) => [{ value: key, style: 'bold' }, isRounded(value) ? xlsxCell(value) : { value, style: 'wrap' }]),
    widths: [28, 110],
  };
  return Buffer.from(writeXlsx([data, ...extra, about], { modified: generatedAt, title: table.title, creator: 'Kansrijk' }));
}

function render(table: Table, context: DownloadContext, filename: string): Download {
  const body = context.format === 'csv' ? toCsv(table, context.lang) : toXlsx(table, context.lang, context.generatedAt);
  return { body, contentType: CONTENT_TYPES[context.format], filename: `${filename.replace(/[^A-Za-z0-9._-]/g, '_')}${context.lang === 'en' ? '-en' : ''}.${context.format}` };
}

// ---------------------------------------------------------------------------------------------
// The values of one indicator for the areas of a level, and the profile of one area

const comparisonWord = (lang: Lang, c: string | undefined) => (c ? ((WORDS[lang].comparison as Record<string, string>)[c] ?? c) : null);
const trendWord = (lang: Lang, t: string | null | undefined) => (t ? ((WORDS[lang].trend as Record<string, string>)[t] ?? t) : null);
const suppressedWord = (lang: Lang, reason: string | undefined) => (WORDS[lang].suppressed as Record<string, string>)[reason ?? 'small-numbers'] ?? WORDS[lang].suppressed['small-numbers'];

function query(params: Record<string, string | number | undefined | null>): string {
  const text = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null).map(([k, v]) => [k, String(v)])).toString();
  return text ? `?${text}` : '';
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The query of the atlas screen showing these values (web/src/atlas/view-state.ts): wijken of
 * one gemeente are `level=wijk&gemeente=GM…`, and a benchmark is named by its kind (`gemeente`,
 * `provincie`, …, relative to that gemeente). A benchmark the screen cannot name is passed as
 * its code; the API link in the metadata reproduces the download exactly in any case.
 */
function atlasScreenQuery(snapshot: AtlasSnapshot, view: ReturnType<typeof valuesView>, benchmarkIsDefault: boolean) {
  const gemeente = view.level === 'wijk' && view.within?.startsWith('GM') ? view.within : undefined;
  let benchmark: string | undefined;
  if (!benchmarkIsDefault) {
    benchmark = view.benchmark.code;
    if (gemeente) {
      const parents = snapshot.atlas.hierarchy.areas[findAreaIn(snapshot, gemeente)]!.parents as Partial<Record<AreaLevel, string>>;
      if (benchmark === gemeente) benchmark = 'gemeente';
      else benchmark = (['provincie', 'ggdregio', 'jeugdregio'] as const).find((kind) => parents[kind] === view.benchmark.code) ?? benchmark;
    }
  }
  return { indicator: view.indicator, period: view.period, level: view.level, gemeente, benchmark };
}

export function valuesDownload(
  snapshot: AtlasSnapshot,
  request: { id: string; level: AreaLevel; period?: number; benchmark?: string; within?: string },
  context: DownloadContext,
): Download {
  const view = valuesView(snapshot, request);
  const indicator = findIndicatorIn(snapshot, view.indicator);
  const { lang } = context;
  const words = WORDS[lang];
  const keys = KEYS[lang];
  const head = HEAD[lang];
  const unit = indicator.unit;
  const areas = snapshot.atlas.hierarchy.areas;
  const within = view.within ? areas[findAreaIn(snapshot, view.within, 'within')]! : undefined;
  const level = words.level[view.level];
  const benchmarkIsDefault = view.benchmark.code === areas[snapshot.atlas.hierarchy.netherlands]!.code;
  const benchmarkName = `${view.benchmark.name} (${view.benchmark.code})`;
  const title = `${indicator.name[lang]} — ${level}${within ? ` in ${within.name}` : ''} — ${view.period}`;
  const viewQuery = query(atlasScreenQuery(snapshot, view, benchmarkIsDefault));
  const apiQuery = query({ level: view.level, period: view.period, benchmark: benchmarkIsDefault ? undefined : view.benchmark.code, within: view.within });
  const benchmarkValue = dec(view.benchmark.value);

  const columns = [
    head.code,
    head.name,
    head.numerator,
    head.denominator,
    withUnit(head.value, unit, lang),
    withUnit(head.lower95, unit, lang),
    withUnit(head.upper95, unit, lang),
    withUnit(head.lower998, unit, lang),
    withUnit(head.upper998, unit, lang),
    head.comparedWith(view.benchmark.name),
    head.quintile(indicator.polarity),
    withUnit(head.smoothed, unit, lang),
    head.trend,
    head.note,
    head.synthetic,
  ];
  const rows: Cell[][] = view.values.map((v) => {
    const r = v as typeof v & CellFields;
    return [
      r.area,
      r.name,
      int(r.numerator),
      int(r.denominator),
      dec(r.value),
      dec(r.lowercl95),
      dec(r.uppercl95),
      dec(r.lowercl998),
      dec(r.uppercl998),
      comparisonWord(lang, r.comparison),
      r.quintile ?? null,
      dec(r.smoothed),
      trendWord(lang, r.trend),
      r.suppressed ? suppressedWord(lang, r.suppressionReason) : null,
      r.synthetic ? words.yes : words.no,
    ];
  });

  const meta: [string, Cell][] = [[keys.title, `Kansrijk — ${title}`]];
  if (view.synthetic) meta.push([keys.note, words.synthetic]);
  meta.push(
    [keys.indicator, `${indicator.name[lang]} (${indicator.id})`],
    [keys.definition, indicator.definition[lang]],
    [keys.numerator, indicator.numerator[lang]],
    [keys.denominator, indicator.denominator[lang]],
    [keys.unit, unit[lang]],
    [keys.period, view.period],
    [keys.level, level],
    [keys.within, within ? `${within.name} (${within.code})` : words.all],
    [keys.benchmark, benchmarkName],
    [withUnit(keys.benchmarkValue, unit, lang), benchmarkValue],
    [keys.source, view.source[lang]],
    [keys.method, methodText(indicator, lang)],
    [keys.comparison, COMPARISON_TEXT[lang]],
    [keys.trend, TREND_TEXT[lang]],
    [keys.quintile, QUINTILE_TEXT[lang]],
    [keys.smoothing, SMOOTHING_TEXT[lang]],
    [keys.suppression, suppressionText(indicator.suppression, lang)],
    [keys.rounding, ROUNDING_TEXT[lang]],
    [keys.separator, FILE_FORMAT_TEXT[lang][context.format]],
    [keys.rows, rows.length],
    [keys.generatedAt, timestamp(context.generatedAt)],
    [keys.view, `${context.origin}/${lang}/atlas${viewQuery}`],
    [keys.api, `${context.origin}/api/v1/indicators/${encodeURIComponent(indicator.id)}/values${apiQuery}`],
  );
  const benchmarkText = benchmarkValue
    ? `${benchmarkName}, ${lang === 'nl' ? 'waarde' : 'value'} ${GROUPED_VALUE[lang].format(benchmarkValue.value)}${unit[lang] === '%' ? '%' : ` ${unit[lang]}`}`
    : benchmarkName;
  const summary = [
    `${keys.benchmark}: ${benchmarkText}`,
    ...(within ? [`${keys.within}: ${within.name} (${within.code})`] : []),
    `${keys.source}: ${view.source[lang]}`,
  ];
  const filename = ['kansrijk', indicator.id, view.level, view.within, view.period, benchmarkIsDefault ? undefined : `vs-${view.benchmark.code}`].filter((p) => p !== undefined && p !== null).join('-');
  return render({ title, synthetic: view.synthetic, summary, meta, columns, rows }, context, filename);
}

export function profileDownload(snapshot: AtlasSnapshot, request: { code: string; period?: number; benchmark?: string }, context: DownloadContext): Download {
  const view = profileView(snapshot, request);
  const { lang } = context;
  const words = WORDS[lang];
  const keys = KEYS[lang];
  const head = HEAD[lang];
  const areas = snapshot.atlas.hierarchy.areas;
  const benchmarkIsDefault = view.benchmark.code === areas[snapshot.atlas.hierarchy.netherlands]!.code;
  const benchmarkName = `${view.benchmark.name} (${view.benchmark.code})`;
  const level = words.level[view.area.level];
  const areaName = `${view.area.name} (${view.area.code})`;
  const title = lang === 'nl' ? `Profiel van ${view.area.name} — ${view.period}` : `Profile of ${view.area.name} — ${view.period}`;
  const synthetic = view.indicators.some((r) => r.synthetic);
  const definitions = new Map(snapshot.indicators.map((i) => [i.id, i]));

  const columns = [
    head.indicatorId,
    head.indicator,
    head.actionLine,
    head.unit,
    head.numerator,
    head.denominator,
    head.value,
    head.lower95,
    head.upper95,
    head.lower998,
    head.upper998,
    head.benchmarkValue(view.benchmark.name),
    head.comparedWith(view.benchmark.name),
    head.trend,
    head.quintileMixed,
    head.smoothed,
    head.levelMin(level),
    head.levelMedian(level),
    head.levelMax(level),
    head.note,
    head.synthetic,
    head.source,
  ];
  const rows: Cell[][] = view.indicators.map((row) => {
    const r = row as typeof row & CellFields;
    return [
      r.indicator.id,
      r.indicator.name[lang],
      r.indicator.actionLine,
      r.indicator.unit[lang],
      int(r.numerator),
      int(r.denominator),
      dec(r.value),
      dec(r.lowercl95),
      dec(r.uppercl95),
      dec(r.lowercl998),
      dec(r.uppercl998),
      dec(r.benchmarkValue),
      comparisonWord(lang, r.comparison),
      trendWord(lang, r.trend),
      r.quintile ?? null,
      dec(r.smoothed),
      dec(r.levelRange?.min),
      dec(r.levelRange?.median),
      dec(r.levelRange?.max),
      r.suppressed ? suppressedWord(lang, r.suppressionReason) : null,
      r.synthetic ? words.yes : words.no,
      r.source[lang],
    ];
  });
  const seriesColumns = [head.indicatorId, head.indicator, head.unit, head.period, head.value, head.lower95, head.upper95, head.benchmarkValue(view.benchmark.name), head.note];
  const seriesRows: Cell[][] = view.indicators.flatMap((r) =>
    r.series.map((p) => [r.indicator.id, r.indicator.name[lang], r.indicator.unit[lang], p.period, dec(p.value), dec(p.lowercl95), dec(p.uppercl95), dec(p.benchmarkValue), p.suppressed ? words.suppressedShort : null]),
  );

  const rules = new Set(view.indicators.map((r) => JSON.stringify(definitions.get(r.indicator.id)?.suppression ?? null)));
  const firstRule = definitions.get(view.indicators[0]?.indicator.id ?? '')?.suppression;
  const methods = [...new Set(view.indicators.map((r) => methodText(r.indicator, lang)))];
  const sources = [...new Set(view.indicators.map((r) => r.source[lang]))];
  const viewQuery = query({ period: view.period, benchmark: benchmarkIsDefault ? undefined : view.benchmark.code });
  const meta: [string, Cell][] = [[keys.title, `Kansrijk — ${title}`]];
  if (synthetic) meta.push([keys.note, words.synthetic]);
  meta.push(
    [keys.area, areaName],
    [keys.level, level],
    [keys.period, view.period],
    [keys.benchmark, benchmarkName],
    [keys.source, sources.join(' ')],
    [keys.method, methods.join(' ')],
    [keys.comparison, COMPARISON_TEXT[lang]],
    [keys.trend, TREND_TEXT[lang]],
    [keys.quintile, QUINTILE_TEXT[lang]],
    [keys.smoothing, SMOOTHING_TEXT[lang]],
    [
      keys.suppression,
      rules.size === 1 && firstRule
        ? suppressionText(firstRule, lang)
        : lang === 'nl' ? 'Per indicator, zie de definities.' : 'Per indicator, see the definitions.',
    ],
    [keys.rounding, ROUNDING_TEXT[lang]],
    [keys.separator, FILE_FORMAT_TEXT[lang][context.format]],
    [keys.rows, rows.length],
    [keys.generatedAt, timestamp(context.generatedAt)],
    [keys.view, `${context.origin}/${lang}/${lang === 'nl' ? 'gebied' : 'area'}/${encodeURIComponent(view.area.code)}${viewQuery}`],
    [keys.api, `${context.origin}/api/v1/areas/${encodeURIComponent(view.area.code)}/profile${viewQuery}`],
  );
  const summary = [`${keys.area}: ${areaName}`, `${keys.benchmark}: ${benchmarkName}`, `${keys.source}: ${sources.join(' ')}`];
  const filename = ['kansrijk', 'profiel', view.area.code, view.period, benchmarkIsDefault ? undefined : `vs-${view.benchmark.code}`].filter((p) => p !== undefined).join('-');
  return render(
    { title, synthetic, summary, meta, columns, rows, extraSheets: [{ name: words.seriesSheet, columns: seriesColumns, rows: seriesRows }] },
    context,
    filename,
  );
}
