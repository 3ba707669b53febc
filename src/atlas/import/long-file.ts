// The long CSV: one line per (area_code, period, indicator) with its numerator and denominator.

import { ContextIndex, IssueLog, RecordReader } from './processor.ts';
import { countProblem, scanWhole, scanYear, shown, trimEnd, trimStart } from './values.ts';

export const LONG_COLUMNS = ['area_code', 'period', 'indicator', 'numerator', 'denominator'] as const;
export type LongColumn = (typeof LONG_COLUMNS)[number];

export class LongFileReader extends RecordReader {
  private readonly cArea: number;
  private readonly cPeriod: number;
  private readonly cIndicator: number;
  private readonly cNumerator: number;
  private readonly cDenominator: number;
  private readonly ratio: ReadonlySet<string>;
  /**
   * Key of (area, indicator, year) → the line it was first seen on: a flat array when the
   * context is of a usual size (0 = not seen), else a map.
   */
  private readonly seenLines: Int32Array | null;
  private readonly seenMap = new Map<number, number>();

  constructor(log: IssueLog, index: ContextIndex, columns: readonly string[], decimalComma: boolean, columnIndex: ReadonlyMap<string, number>) {
    super(log, index, columns, decimalComma);
    const at = (name: LongColumn) => columnIndex.get(name)!;
    this.cArea = at('area_code');
    this.cPeriod = at('period');
    this.cIndicator = at('indicator');
    this.cNumerator = at('numerator');
    this.cDenominator = at('denominator');
    this.ratio = index.context.ratioIndicators ?? new Set();
    const keys = index.areaCodes.length * index.indicatorIds.length * index.years;
    this.seenLines = keys <= 1 << 24 ? new Int32Array(keys) : null;
  }

  record(text: string, starts: Int32Array, ends: Int32Array, count: number, line: number): void {
    if (this.pendingEmptyLines.length > 0) this.flushEmptyLines();
    this.records++;
    if (count !== this.columns.length) {
      this.wrongFieldCount(count, line);
      return;
    }
    const index = this.index;
    const log = this.log;
    let ok = true;

    const areaCode = this.field(text, starts, ends, this.cArea);
    const area = index.findArea(areaCode);
    if (area < 0) {
      this.areaIssue(line, 'area_code', areaCode);
      ok = false;
    }

    let s = trimStart(text, starts[this.cPeriod]!, ends[this.cPeriod]!);
    let e = trimEnd(text, s, ends[this.cPeriod]!);
    const period = scanYear(text, s, e);
    if (period < 2000 || period > 2100 || period < index.firstPeriod || period > index.lastPeriod) {
      this.yearIssue(line, 'period', text.slice(s, e), period);
      ok = false;
    }

    const indicatorText = this.field(text, starts, ends, this.cIndicator);
    const indicator = index.findIndicator(indicatorText);
    if (indicator < 0) {
      log.add(line, 'indicator', indicatorText, indicatorText === '' ? 'is empty; an indicator id is required' : `'${shown(indicatorText)}' is not a known indicator`);
      ok = false;
    }

    s = trimStart(text, starts[this.cNumerator]!, ends[this.cNumerator]!);
    e = trimEnd(text, s, ends[this.cNumerator]!);
    const numerator = scanWhole(text, s, e);
    if (numerator < 0) {
      const raw = text.slice(s, e);
      log.add(line, 'numerator', raw, countProblem(raw, this.decimalComma));
    }

    s = trimStart(text, starts[this.cDenominator]!, ends[this.cDenominator]!);
    e = trimEnd(text, s, ends[this.cDenominator]!);
    const denominator = scanWhole(text, s, e);
    if (denominator < 0) {
      const raw = text.slice(s, e);
      log.add(line, 'denominator', raw, countProblem(raw, this.decimalComma));
    }

    if (ok) {
      const key = (area * index.indicatorIds.length + indicator) * index.years + (period - index.firstPeriod);
      const seenLines = this.seenLines;
      const first = seenLines !== null ? seenLines[key]! || undefined : this.seenMap.get(key);
      if (first !== undefined) {
        log.add(line, null, undefined, `duplicate: ${index.areaCodes[area]}, ${period}, ${index.indicatorIds[indicator]} is also on line ${first} (lines ${first} and ${line}; each area, period and indicator may appear once)`);
        ok = false;
      } else if (seenLines !== null) {
        seenLines[key] = line;
      } else {
        this.seenMap.set(key, line);
      }
    }
    if (numerator < 0 || denominator < 0) return;

    const indicatorId = indicator >= 0 ? index.indicatorIds[indicator]! : indicatorText;
    if (denominator === 0 && numerator > 0) {
      log.add(line, 'denominator', '0', `is 0 while the numerator is ${numerator}; a numerator needs a denominator above 0`);
      ok = false;
    } else if (numerator > denominator && !this.ratio.has(indicatorId)) {
      log.add(
        line,
        'numerator',
        String(numerator),
        `${numerator} is greater than the denominator ${denominator}` + (indicator >= 0 ? ` (only allowed for rate indicators; '${indicatorId}' is a proportion)` : ''),
      );
      ok = false;
    }
    if (!ok) return;
    this.rows.push({ areaCode: index.areaCodes[area]!, indicatorId, period, numerator, denominator });
  }
}
