// readImportFile: read a long CSV or a birth-level CSV into count rows plus line-level issues.
// Pure apart from reading the file: the caller decides what to do with the rows (the CLI
// writes them in one transaction, and only when there are no issues).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { BirthFileReader } from './birth-file.ts';
import { CsvScanner, detectDelimiter, type CsvSink } from './csv-scanner.ts';
import { readHeader } from './header.ts';
import { LongFileReader } from './long-file.ts';
import { ContextIndex, IssueLog, type RecordReader } from './processor.ts';
import type { ImportContext, ImportFileKind, ParsedImport, ReadImportOptions } from './types.ts';

const CHUNK_BYTES = 1 << 20;
const PROGRESS_INTERVAL_MS = 100;
const DEFAULT_MAX_ISSUES = 100;

/** A sink that takes nothing more: used after a header that leaves the rows unreadable. */
const STOPPED: CsvSink = { record() {}, emptyLine() {}, malformed() {}, stopped: true };

/** Receives line 1, reads it as the header and hands the scanner on to the right reader. */
class HeaderSink implements CsvSink {
  reader: RecordReader | null = null;
  kind: ImportFileKind = 'long';
  columns: string[] = [];
  seen = false;
  scanner: CsvScanner | null = null;

  constructor(
    private readonly log: IssueLog,
    private readonly index: ContextIndex,
    readonly delimiter: ',' | ';',
  ) {}

  get stopped(): boolean {
    return this.log.full;
  }

  record(text: string, starts: Int32Array, ends: Int32Array, count: number, line: number): void {
    this.seen = true;
    const names: string[] = [];
    for (let i = 0; i < count && i < starts.length; i++) names.push(text.slice(starts[i]!, ends[i]!));
    if (line !== 1) {
      this.log.add(1, null, undefined, 'the first line must be the header; it is empty');
    }
    const info = readHeader(names, this.log, this.index.context.indicatorIds);
    this.kind = info.kind;
    this.columns = info.columns;
    if (info.fatal || line !== 1) {
      this.scanner!.sink = STOPPED;
      return;
    }
    const decimalComma = this.delimiter === ';';
    this.reader =
      info.kind === 'long'
        ? new LongFileReader(this.log, this.index, info.columns, decimalComma, info.columnIndex)
        : new BirthFileReader(this.log, this.index, info.columns, decimalComma, info.columnIndex, info.produced);
    this.scanner!.sink = this.reader;
  }

  emptyLine(): void {}

  malformed(line: number, message: string): void {
    this.seen = true;
    this.log.add(line, null, undefined, `cannot read the header: ${message}`);
    this.scanner!.sink = STOPPED;
  }
}

/**
 * Reads an import file: a long CSV (area_code, period, indicator, numerator, denominator) or
 * a birth-level CSV (one line per birth), told apart by the header. Returns the count rows
 * and every issue found, up to `maxIssues` (default 100), after which reading stops.
 * See docs/import.md for the formats and rules.
 */
export async function readImportFile(path: string, context: ImportContext, options: ReadImportOptions = {}): Promise<ParsedImport> {
  const log = new IssueLog(Math.max(1, Math.floor(options.maxIssues ?? DEFAULT_MAX_ISSUES)));
  const index = new ContextIndex(context);
  const totalBytes = (await stat(path)).size;
  const onProgress = options.onProgress;
  const decoder = new StringDecoder('utf8');

  let scanner: CsvScanner | null = null;
  let header: HeaderSink | null = null;
  let pending = '';
  let bytesRead = 0;
  let lastProgress = performance.now();

  const start = (text: string): CsvScanner => {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lineBreak = text.indexOf('\n');
    const firstLine = lineBreak === -1 ? text : text.slice(0, lineBreak);
    const delimiter = detectDelimiter(firstLine);
    header = new HeaderSink(log, index, delimiter);
    const s = new CsvScanner(delimiter, header);
    header.scanner = s;
    const cr = firstLine.indexOf('\r');
    if (cr !== -1 && cr < firstLine.length - 1) {
      // Old Mac line ends (CR only): the whole file would look like one line.
      log.add(1, null, undefined, 'the lines end in a carriage return only (CR); save the file with LF or CRLF line ends');
      s.sink = STOPPED;
      header.seen = true;
      return s;
    }
    s.push(text);
    return s;
  };

  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const text = decoder.write(chunk);
    if (scanner === null) {
      pending += text;
      if (pending.length < CHUNK_BYTES && pending.indexOf('\n') === -1) continue;
      scanner = start(pending);
      pending = '';
    } else {
      scanner.push(text);
    }
    if (scanner.sink.stopped) break;
    if (onProgress !== undefined) {
      const now = performance.now();
      if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        onProgress({ bytesRead, totalBytes, linesRead: scanner.linesRead });
      }
    }
  }
  const rest = decoder.end();
  if (scanner === null) {
    pending += rest;
    if (pending.replace(/^\uFEFF/, '').trim() !== '') scanner = start(pending);
  } else if (!scanner.sink.stopped) {
    scanner.push(rest);
  }
  scanner?.end();
  const stoppedAtMaxIssues = log.full;

  const h = header as HeaderSink | null;
  const reader = h?.reader ?? null;
  if (h === null || !h.seen) {
    log.add(1, null, undefined, 'the file is empty; expected a header line');
  } else if (reader !== null && reader.records === 0 && !log.full) {
    log.add(1, null, undefined, 'the file has a header but no data rows');
  }
  reader?.finish();

  const linesRead = scanner?.linesRead ?? 0;
  onProgress?.({ bytesRead, totalBytes, linesRead });
  return {
    kind: h?.kind ?? 'long',
    rows: reader?.rows ?? [],
    issues: log.issues,
    linesRead,
    columns: h?.columns ?? [],
    recordsRead: reader?.records ?? 0,
    delimiter: h === null ? ',' : h.delimiter,
    stoppedAtMaxIssues,
    indicatorsProduced: reader instanceof BirthFileReader ? reader.produced : [],
  };
}
