// A small streaming CSV scanner, written for speed on large files.
//
// Text is pushed in chunks. Every line without a double quote takes the fast path: the line
// is split on the delimiter in place, and the sink receives the chunk string plus the start
// and end offsets of each field; no per-field strings or arrays are made. A line with a `"`
// goes through a correct RFC 4180 parser (quoted fields, `""` escapes, delimiters and line
// breaks inside quotes). Its fields also point into the chunk (the content between the
// quotes), unless a field holds an escaped `""`: then the record's field values are joined
// into one new string. Either way the sink sees the same (text, starts, ends) shape.
//
// Line numbers are physical lines (1-based); a record whose quoted field holds a line break
// is reported at the line it starts on, and the line count moves past all its lines.

/** Receives what the scanner finds. */
export interface CsvSink {
  /**
   * One record: field i is text.slice(starts[i], ends[i]) (untrimmed, unquoted). When
   * `count` exceeds `starts.length`, only the first `starts.length` fields are stored.
   */
  record(text: string, starts: Int32Array, ends: Int32Array, count: number, line: number): void;
  /** A line that is empty or holds only spaces or tabs. */
  emptyLine(line: number): void;
  /** A line the scanner cannot read (bad quoting). The scanner goes on at the next line. */
  malformed(line: number, message: string): void;
  /** When true, the scanner stops as soon as it can. */
  readonly stopped: boolean;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
/**
 * A quoted record still open after this many characters is reported as not closed, and a line
 * longer than this is reported and skipped (instead of being held and re-copied per chunk).
 */
const MAX_OPEN_RECORD_CHARS = 1 << 22;
const FIELD_CAPACITY = 64;

export class CsvScanner {
  readonly starts = new Int32Array(FIELD_CAPACITY);
  readonly ends = new Int32Array(FIELD_CAPACITY);
  private carry = '';
  /** Quoted-record state: fields found so far, and values that needed unescaping. */
  private fieldCount = 0;
  private unescaped: (string | undefined)[] | null = null;
  /** True while dropping the rest of an over-long line. */
  private skipping = false;
  /** Line number of the first character of `carry` (and of the next text). */
  private nextLine = 1;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    /** Where records go; may be replaced between records (e.g. once the header is read). */
    public sink: CsvSink,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error(`bad delimiter '${delimiter}'`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Physical lines completely read so far. */
  get linesRead(): number {
    return this.nextLine - 1;
  }

  push(chunk: string): void {
    if (this.sink.stopped) return;
    if (this.skipping) {
      // Inside an over-long line: drop text up to its end.
      const lineBreak = chunk.indexOf('\n');
      if (lineBreak === -1) return;
      this.skipping = false;
      this.nextLine++;
      chunk = chunk.slice(lineBreak + 1);
    }
    this.scan(this.carry.length === 0 ? chunk : this.carry + chunk, false);
  }

  /** Reads what is left (a last line without a line break, an unclosed quote). */
  end(): void {
    if (this.sink.stopped) return;
    if (this.skipping) {
      this.skipping = false;
      this.nextLine++;
      return;
    }
    this.scan(this.carry, true);
    this.carry = '';
  }

  private scan(text: string, final: boolean): void {
    const starts = this.starts;
    const ends = this.ends;
    const delimiter = this.delimiter;
    const length = text.length;
    let line = this.nextLine;
    let pos = 0;
    let quoteAt = text.indexOf('"');
    if (quoteAt === -1) quoteAt = length;

    while (pos < length) {
      let lineBreak = text.indexOf('\n', pos);
      if (lineBreak === -1) {
        if (!final) break;
        lineBreak = length;
      }
      if (quoteAt < lineBreak) {
        // Slow path: this record has a quote somewhere on its first line.
        this.nextLine = line;
        const next = this.scanQuoted(text, pos, final);
        if (next === -1) break; // the record goes on in the next chunk
        line = this.nextLine;
        pos = next;
        quoteAt = text.indexOf('"', pos);
        if (quoteAt === -1) quoteAt = length;
        if (this.sink.stopped) break;
        continue;
      }

      let end = lineBreak;
      if (end > pos && text.charCodeAt(end - 1) === CR) end--;
      let first = pos;
      while (first < end) {
        const c = text.charCodeAt(first);
        if (c !== SPACE && c !== TAB) break;
        first++;
      }
      if (first === end) {
        this.sink.emptyLine(line);
      } else {
        let count = 0;
        let fieldStart = pos;
        for (let i = pos; i < end; i++) {
          if (text.charCodeAt(i) === delimiter) {
            if (count < FIELD_CAPACITY) {
              starts[count] = fieldStart;
              ends[count] = i;
            }
            count++;
            fieldStart = i + 1;
          }
        }
        if (count < FIELD_CAPACITY) {
          starts[count] = fieldStart;
          ends[count] = end;
        }
        count++;
        this.sink.record(text, starts, ends, count, line);
      }
      line++;
      pos = lineBreak + 1;
      if (this.sink.stopped) break;
    }
    this.nextLine = line;
    this.carry = pos < length ? text.slice(pos) : '';
    if (!final && this.carry.length > MAX_OPEN_RECORD_CHARS && this.carry.indexOf('\n') === -1) {
      // One line of millions of characters: not a CSV line. Report it and skip to its end,
      // rather than holding (and re-copying) an ever longer carry.
      this.sink.malformed(line, `the line is longer than ${MAX_OPEN_RECORD_CHARS} characters (is this a CSV file?)`);
      this.carry = '';
      this.skipping = true;
    }
  }

  /**
   * Parses one record that contains quotes, starting at `pos` (the start of a line, line
   * number `this.nextLine`). Returns the position after the record (and advances
   * `this.nextLine`), or -1 when the record is not complete yet and more text must come.
   */
  private scanQuoted(text: string, pos: number, final: boolean): number {
    const sink = this.sink;
    const delimiter = this.delimiter;
    const length = text.length;
    const starts = this.starts;
    const ends = this.ends;
    const startLine = this.nextLine;
    // Field f is text[starts[f], ends[f]) unless unescaped[f] holds its value (a "" inside quotes).
    // (No closures here: tsx's keepNames makes each one cost a defineProperty per record.)
    this.unescaped = null;
    this.fieldCount = 0;
    let breaks = 0;
    let i = pos;

    for (;;) {
      // At the start of a field. Spaces before an opening quote are allowed.
      let j = i;
      while (j < length && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
      if (j < length && text.charCodeAt(j) === QUOTE) {
        let value: string | undefined;
        const contentStart = j + 1;
        let contentEnd = contentStart;
        let k = contentStart;
        for (;;) {
          const close = text.indexOf('"', k);
          if (close === -1) return this.incompleteOrUnclosed(text, pos, final, startLine);
          if (close + 1 >= length && !final) return this.incompleteOrUnclosed(text, pos, final, startLine);
          if (close + 1 < length && text.charCodeAt(close + 1) === QUOTE) {
            value = (value ?? '') + text.slice(k, close + 1);
            k = close + 2;
            continue;
          }
          if (value !== undefined) value += text.slice(k, close);
          contentEnd = close;
          k = close + 1;
          break;
        }
        breaks += countLineBreaks(text, j, k);
        // After the closing quote: optional spaces, then a delimiter or the end of the line.
        while (k < length && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
        if (k < length && text.charCodeAt(k) === CR && (k + 1 >= length || text.charCodeAt(k + 1) === LF)) k++;
        if (k >= length && !final) return this.incompleteOrUnclosed(text, pos, final, startLine);
        this.addField(contentStart, contentEnd, value);
        if (k >= length) {
          i = length;
          break;
        }
        const c = text.charCodeAt(k);
        if (c === delimiter) {
          i = k + 1;
          continue;
        }
        if (c === LF) {
          i = k + 1;
          break;
        }
        this.nextLine = startLine + breaks;
        sink.malformed(this.nextLine, 'unexpected text after a closing quote (a " inside a quoted field must be written as "")');
        return this.skipLine(text, k);
      }
      // Unquoted field: up to the next delimiter or line break. A quote inside it is kept as is.
      let k = i;
      while (k < length) {
        const c = text.charCodeAt(k);
        if (c === delimiter || c === LF) break;
        k++;
      }
      if (k >= length && !final) return this.incompleteOrUnclosed(text, pos, final, startLine);
      let valueEnd = k;
      if ((k >= length || text.charCodeAt(k) === LF) && valueEnd > i && text.charCodeAt(valueEnd - 1) === CR) valueEnd--;
      this.addField(i, valueEnd, undefined);
      if (k < length && text.charCodeAt(k) === delimiter) {
        i = k + 1;
        continue;
      }
      i = k >= length ? length : k + 1;
      break;
    }

    this.nextLine = startLine + breaks + 1;
    const count = this.fieldCount;
    const unescaped = this.unescaped as (string | undefined)[] | null; // set by addField
    if (unescaped === null) {
      sink.record(text, starts, ends, count, startLine);
    } else {
      // Join the field values into one string so the sink sees the usual shape.
      const values: string[] = [];
      let offset = 0;
      for (let f = 0; f < count && f < FIELD_CAPACITY; f++) {
        const value = unescaped[f] ?? text.slice(starts[f]!, ends[f]!);
        values.push(value);
        starts[f] = offset;
        offset += value.length;
        ends[f] = offset;
      }
      sink.record(values.join(''), starts, ends, count, startLine);
    }
    return i;
  }

  private addField(s: number, e: number, value: string | undefined): void {
    const f = this.fieldCount++;
    if (f < FIELD_CAPACITY) {
      this.starts[f] = s;
      this.ends[f] = e;
      if (value !== undefined) (this.unescaped ??= [])[f] = value;
    }
  }

  /** A quoted record that runs to the end of the text: wait for more, or report it as not closed. */
  private incompleteOrUnclosed(text: string, pos: number, final: boolean, startLine: number): number {
    if (!final && text.length - pos < MAX_OPEN_RECORD_CHARS) return -1;
    this.nextLine = startLine;
    this.sink.malformed(startLine, 'a quoted field that starts on this line is not closed (a " is missing)');
    return this.skipLine(text, pos);
  }

  /**
   * Skips to after the line break that ends the physical line holding `from`; `this.nextLine`
   * must be that line's number on entry.
   */
  private skipLine(text: string, from: number): number {
    const lineBreak = text.indexOf('\n', from);
    this.nextLine += 1;
    return lineBreak === -1 ? text.length : lineBreak + 1;
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < to) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

/**
 * The delimiter of a header line: `;` when the line has more semicolons than commas outside
 * quotes, else `,`.
 */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === 44) commas++;
    else if (!quoted && c === 59) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
