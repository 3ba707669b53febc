// What the long-file and birth-file readers share: the issue list (with its limit), empty
// lines, area and year checks.

import type { CountRow, ImportContext, ImportIssue } from './types.ts';
import { shown, trimEnd, trimStart } from './values.ts';

export class IssueLog {
  readonly issues: ImportIssue[] = [];
  full = false;

  constructor(readonly max: number) {
    if (max <= 0) this.full = true;
  }

  add(line: number, field: string | null, value: string | undefined, message: string): void {
    if (this.full) return;
    const issue: ImportIssue = value === undefined ? { line, field, message } : { line, field, value: shown(value), message };
    this.issues.push(issue);
    if (this.issues.length >= this.max) this.full = true;
  }
}

/** The area codes and years of a context, indexed for the readers. */
export class ContextIndex {
  readonly areaIndex = new Map<string, number>();
  readonly areaCodes: string[];
  /** Open-addressing hash table of area index + 1 (0 = empty slot). */
  private readonly areaTable: Int32Array;
  readonly indicatorIndex = new Map<string, number>();
  readonly indicatorIds: string[];
  readonly firstPeriod: number;
  readonly lastPeriod: number;
  readonly years: number;

  constructor(readonly context: ImportContext) {
    this.areaCodes = [...context.areaCodes];
    this.areaCodes.forEach((code, i) => this.areaIndex.set(code, i));
    let size = 16;
    while (size < this.areaCodes.length * 4) size *= 2;
    this.areaTable = new Int32Array(size);
    this.areaCodes.forEach((code, i) => {
      let slot = hashRange(code, 0, code.length) & (size - 1);
      while (this.areaTable[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.areaTable[slot] = i + 1;
    });
    this.indicatorIds = [...context.indicatorIds];
    this.indicatorIds.forEach((id, i) => this.indicatorIndex.set(id, i));
    this.firstPeriod = context.firstPeriod;
    this.lastPeriod = context.lastPeriod;
    this.years = Math.max(0, context.lastPeriod - context.firstPeriod + 1);
  }

  /**
   * Index of the area code text[s, e) without making a string: a hash of the characters into
   * an open-addressing table of the known codes. -1 when it is not one of them as written.
   */
  findAreaAt(text: string, s: number, e: number): number {
    const table = this.areaTable;
    const mask = table.length - 1;
    let slot = hashRange(text, s, e) & mask;
    for (;;) {
      const entry = table[slot]!;
      if (entry === 0) return -1;
      const code = this.areaCodes[entry - 1]!;
      if (code.length === e - s && text.startsWith(code, s)) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** Index of an area code (exact, else in upper case), or -1. */
  findArea(code: string): number {
    const i = this.areaIndex.get(code);
    if (i !== undefined) return i;
    return this.areaIndex.get(code.toUpperCase()) ?? -1;
  }

  /** Index of an indicator id (exact, else in lower case), or -1. */
  findIndicator(id: string): number {
    const i = this.indicatorIndex.get(id);
    if (i !== undefined) return i;
    return this.indicatorIndex.get(id.toLowerCase()) ?? -1;
  }
}

function hashRange(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Base of the two record readers: the issue log, empty lines in the middle, the stop flag. */
export abstract class RecordReader {
  records = 0;
  readonly rows: CountRow[] = [];
  protected pendingEmptyLines: number[] = [];

  constructor(
    protected readonly log: IssueLog,
    protected readonly index: ContextIndex,
    /** Column names of the header, in file order. */
    protected readonly columns: readonly string[],
    protected readonly decimalComma: boolean,
  ) {}

  get stopped(): boolean {
    return this.log.full;
  }

  abstract record(text: string, starts: Int32Array, ends: Int32Array, count: number, line: number): void;

  /** Called after the last record. */
  finish(): void {}

  emptyLine(line: number): void {
    // Only an issue when a record follows: empty lines at the end of a file are fine.
    if (this.pendingEmptyLines.length < this.log.max) this.pendingEmptyLines.push(line);
  }

  malformed(line: number, message: string): void {
    this.flushEmptyLines();
    this.records++;
    this.log.add(line, null, undefined, message);
  }

  protected flushEmptyLines(): void {
    for (const line of this.pendingEmptyLines) this.log.add(line, null, undefined, 'empty line; empty lines are only allowed at the end of the file');
    this.pendingEmptyLines = [];
  }

  protected wrongFieldCount(count: number, line: number): void {
    const expected = this.columns.length;
    const sep = this.decimalComma ? ';' : ',';
    this.log.add(
      line,
      null,
      undefined,
      `expected ${expected} fields (${this.columns.join(sep)}), found ${count}` +
        (count > expected && !this.decimalComma ? ' (a value with a comma must be quoted)' : ''),
    );
  }

  /** The trimmed text of field `c`. */
  protected field(text: string, starts: Int32Array, ends: Int32Array, c: number): string {
    const s = trimStart(text, starts[c]!, ends[c]!);
    return text.slice(s, trimEnd(text, s, ends[c]!));
  }

  protected areaIssue(line: number, field: string, code: string): void {
    this.log.add(line, field, code, code === '' ? 'is empty; an area code is required' : `'${shown(code)}' is not a known area code`);
  }

  /** The issue for a year field whose scan gave `year` (EMPTY, BAD or a year outside the range). */
  protected yearIssue(line: number, field: string, raw: string, year: number): void {
    const q = `'${shown(raw)}'`;
    if (raw === '') this.log.add(line, field, raw, 'is empty; a year is required');
    else if (year < 0 || year < 2000 || year > 2100) this.log.add(line, field, raw, `${q} is not a year (expected a year from 2000 to 2100, such as 2023 or 2023JJ00)`);
    else this.log.add(line, field, raw, `${q} is outside the years of this atlas (${this.index.firstPeriod}–${this.index.lastPeriod})`);
  }
}
