// Public types of the import reader (`kansrijk import FILE`, the pure part: file → count rows).

/** One stored count: the numerator and denominator of one indicator, for one area and year. */
export interface CountRow {
  areaCode: string;
  indicatorId: string;
  period: number;
  numerator: number;
  denominator: number;
}

/**
 * One problem found in the file. `line` is the 1-based physical line in the file (the header
 * is line 1; a record whose quoted field spans lines is reported at the line it starts on).
 * `field` is the column name (lower case, as in the documentation), or null for a problem
 * with the whole line.
 */
export interface ImportIssue {
  line: number;
  field: string | null;
  value?: string;
  message: string;
}

export interface ImportContext {
  /** The area codes the atlas knows (e.g. every gemeente and wijk code). */
  areaCodes: ReadonlySet<string>;
  /** The indicator ids the atlas knows. */
  indicatorIds: ReadonlySet<string>;
  /** The first and last year the atlas accepts (inclusive). */
  firstPeriod: number;
  lastPeriod: number;
  /** Indicators that are rates (numerator may exceed the denominator). */
  ratioIndicators?: ReadonlySet<string>;
}

export type ImportFileKind = 'long' | 'births';

export interface ParsedImport {
  kind: ImportFileKind;
  /** Count rows: one per line of a long file; aggregated per (area, year, indicator) for a birth file. */
  rows: CountRow[];
  issues: ImportIssue[];
  /** Physical lines read, the header included (fewer than the file has if reading stopped at maxIssues). */
  linesRead: number;
  /** The header's column names, trimmed and in lower case, in file order. */
  columns: string[];
  /** Data records read (a record is one line, or several when a quoted field holds a line break). */
  recordsRead: number;
  /** The field delimiter detected from the header. */
  delimiter: ',' | ';';
  /** True when reading stopped because `maxIssues` issues were collected; the rest of the file was not read. */
  stoppedAtMaxIssues: boolean;
  /** Birth files only: the indicators produced (those whose columns were present), in catalogue order. */
  indicatorsProduced: string[];
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  linesRead: number;
}

export interface ReadImportOptions {
  /** Called at most about 10 times per second while reading, and once at the end. */
  onProgress?: (p: ImportProgress) => void;
  /** Stop collecting issues (and reading) after this many; default 100. */
  maxIssues?: number;
}

/** `line 17, field 'numerator': 'abc' is not a whole number` */
export function formatIssue(issue: ImportIssue): string {
  return issue.field === null ? `line ${issue.line}: ${issue.message}` : `line ${issue.line}, field '${issue.field}': ${issue.message}`;
}
