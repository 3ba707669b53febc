// The birth-level file (one line per birth, as in a Perined extract), aggregated on reading
// into counts per (area_code, year) for the perinatal indicators. Written for speed: columns
// are indexed once, numbers are read straight from the line text, area codes are looked up
// by a hash of their characters, and counts go into one flat array: a valid row allocates
// nothing.

import { ContextIndex, IssueLog, RecordReader } from './processor.ts';
import { BAD, EMPTY, decimalProblem, scanDecimal, scanFlag, scanWeeksAsDays, scanWhole, scanYear, shown, trimEnd, trimStart } from './values.ts';

export const BIRTH_REQUIRED_COLUMNS = ['area_code', 'year', 'stillbirth'] as const;
export const BIRTH_GESTATION_COLUMNS = ['gestational_age_days', 'gestational_age_weeks'] as const;
export const BIRTH_OPTIONAL_COLUMNS = [
  'birth_weight_g',
  'sex',
  'death_within_7_days',
  'mother_age',
  'sga',
  'first_contact_day',
  'smoking',
  'maternity_care',
] as const;
export const BIRTH_COLUMNS: readonly string[] = [...BIRTH_REQUIRED_COLUMNS, ...BIRTH_GESTATION_COLUMNS, ...BIRTH_OPTIONAL_COLUMNS];

/** Gestational-age limits in days. */
export const GA_MIN_PERINATAL = 154; // 22 weeks
export const GA_MIN_BIRTHS = 168; // 24 weeks
export const GA_TERM = 259; // 37 weeks
export const GA_MAX = 320;
/** First antenatal contact after this gestational day is late (RIVM: after week 10). */
export const LATE_CONTACT_DAY = 70;

/**
 * The indicators a birth file can give, in catalogue order, with the column each needs
 * (preterm needs only the required columns).
 */
export const BIRTH_INDICATORS = [
  { id: 'big2', column: 'sga' },
  { id: 'preterm', column: null },
  { id: 'sga', column: 'sga' },
  { id: 'low_birth_weight', column: 'birth_weight_g' },
  { id: 'perinatal_mortality', column: 'death_within_7_days' },
  { id: 'teenage_mothers', column: 'mother_age' },
  { id: 'late_antenatal_care', column: 'first_contact_day' },
  { id: 'smoking_in_pregnancy', column: 'smoking' },
  { id: 'no_maternity_care', column: 'maternity_care' },
] as const;

// Offsets in a group's counts array: numerator at SLOT, denominator at SLOT + 1.
const BIG2 = 0;
const PRETERM = 2;
const SGA = 4;
const LBW = 6;
const PERINATAL = 8;
const TEEN = 10;
const LATE_CARE = 12;
const SMOKING = 14;
const NO_CARE = 16;
const SLOTS = 18;

export class BirthFileReader extends RecordReader {
  private readonly cArea: number;
  private readonly cYear: number;
  private readonly cStill: number;
  private readonly cGa: number;
  private readonly gaInWeeks: boolean;
  private readonly gaField: string;
  private readonly cWeight: number;
  private readonly cSex: number;
  private readonly cDeath: number;
  private readonly cAge: number;
  private readonly cSga: number;
  private readonly cContact: number;
  private readonly cSmoking: number;
  private readonly cCare: number;
  /**
   * Where each (area, year) group's counts start in `counts`, indexed by
   * area * years + (year - firstPeriod); -1 for a group not seen. Groups are stored in one
   * flat array in the order they first appear (compact, so cheap to reach in random order).
   */
  private readonly groupOffset: Int32Array;
  private counts = new Int32Array(SLOTS * 1024);
  private groupCount = 0;
  private lastAreaCode = '';
  private lastArea = -1;
  private lastKey = -1;
  private lastOffset = 0;
  /** Indicator ids produced, in catalogue order. */
  readonly produced: string[];

  constructor(
    log: IssueLog,
    index: ContextIndex,
    columns: readonly string[],
    decimalComma: boolean,
    columnIndex: ReadonlyMap<string, number>,
    produced: readonly string[],
  ) {
    super(log, index, columns, decimalComma);
    const at = (name: string) => columnIndex.get(name) ?? -1;
    this.cArea = at('area_code');
    this.cYear = at('year');
    this.cStill = at('stillbirth');
    const days = at('gestational_age_days');
    this.gaInWeeks = days < 0;
    this.cGa = this.gaInWeeks ? at('gestational_age_weeks') : days;
    this.gaField = this.gaInWeeks ? 'gestational_age_weeks' : 'gestational_age_days';
    this.cWeight = at('birth_weight_g');
    this.cSex = at('sex');
    this.cDeath = at('death_within_7_days');
    this.cAge = at('mother_age');
    this.cSga = at('sga');
    this.cContact = at('first_contact_day');
    this.cSmoking = at('smoking');
    this.cCare = at('maternity_care');
    this.produced = [...produced];
    this.groupOffset = new Int32Array(index.areaCodes.length * index.years).fill(-1);
  }

  record(text: string, starts: Int32Array, ends: Int32Array, count: number, line: number): void {
    if (this.pendingEmptyLines.length > 0) this.flushEmptyLines();
    this.records++;
    if (count !== this.columns.length) {
      this.wrongFieldCount(count, line);
      return;
    }
    const index = this.index;
    let ok = true;
    let s = 0;
    let e = 0;
    let c = 0;

    // area_code: the previous row's area when the code is the same, else a hash lookup on the
    // characters; a string is only made for an unknown (or lower-case) code.
    c = this.cArea;
    s = trimStart(text, starts[c]!, ends[c]!);
    e = trimEnd(text, s, ends[c]!);
    let area = this.lastArea;
    if (area < 0 || e - s !== this.lastAreaCode.length || !text.startsWith(this.lastAreaCode, s)) {
      area = index.findAreaAt(text, s, e);
      if (area < 0) {
        const code = text.slice(s, e);
        area = index.findArea(code);
        if (area < 0) {
          this.areaIssue(line, 'area_code', code);
          ok = false;
        }
      }
      if (area >= 0) {
        this.lastAreaCode = index.areaCodes[area]!;
        this.lastArea = area;
      }
    }

    c = this.cYear;
    s = trimStart(text, starts[c]!, ends[c]!);
    e = trimEnd(text, s, ends[c]!);
    const year = scanYear(text, s, e);
    if (year < 2000 || year > 2100 || year < index.firstPeriod || year > index.lastPeriod) {
      this.yearIssue(line, 'year', text.slice(s, e), year);
      ok = false;
    }

    c = this.cStill;
    s = trimStart(text, starts[c]!, ends[c]!);
    e = trimEnd(text, s, ends[c]!);
    const still = scanFlag(text, s, e);
    if (still < 0) {
      this.flagIssue(line, 'stillbirth', text.slice(s, e), true);
      ok = false;
    }

    c = this.cGa;
    s = trimStart(text, starts[c]!, ends[c]!);
    e = trimEnd(text, s, ends[c]!);
    const ga = this.gaInWeeks ? scanWeeksAsDays(text, s, e, this.decimalComma) : scanWhole(text, s, e);
    if (ga < 0 || ga > GA_MAX) {
      this.gaIssue(line, text.slice(s, e), ga);
      ok = false;
    }

    let weight = EMPTY;
    if ((c = this.cWeight) >= 0) {
      s = trimStart(text, starts[c]!, ends[c]!);
      e = trimEnd(text, s, ends[c]!);
      weight = scanDecimal(text, s, e, this.decimalComma);
      if (weight === BAD || (weight >= 0 && (weight < 100 || weight > 7000))) {
        this.rangeIssue(line, 'birth_weight_g', text.slice(s, e), weight, 'a birth weight in grams', 'birth weight must be 100–7000 g');
        ok = false;
      }
    }

    if ((c = this.cSex) >= 0) {
      s = trimStart(text, starts[c]!, ends[c]!);
      e = trimEnd(text, s, ends[c]!);
      if (e > s) {
        const ch = e - s === 1 ? text.charCodeAt(s) | 32 : 0;
        if (ch !== 109 && ch !== 102 && ch !== 120) {
          this.log.add(line, 'sex', text.slice(s, e), `'${shown(text.slice(s, e))}' is not a sex code (m, f, x, or empty for unknown)`);
          ok = false;
        }
      }
    }

    let death = EMPTY;
    if ((c = this.cDeath) >= 0) {
      s = trimStart(text, starts[c]!, ends[c]!);
      e = trimEnd(text, s, ends[c]!);
      death = scanFlag(text, s, e);
      if (death === BAD) {
        this.flagIssue(line, 'death_within_7_days', text.slice(s, e), false);
        ok = false;
      }
    }

    let age = EMPTY;
    if ((c = this.cAge) >= 0) {
      s = trimStart(text, starts[c]!, ends[c]!);
      e = trimEnd(text, s, ends[c]!);
      age = scanDecimal(text, s, e, this.decimalComma);
      if (age === BAD || (age >= 0 && (age < 10 || age > 60))) {
        this.rangeIssue(line, 'mother_age', text.slice(s, e), age, "a mother's age in years", "mother's age must be 10–60 years");
        ok = false;
      }
    }

    let sga = EMPTY;
    if ((c = this.cSga) >= 0) {
      s = trimStart(text, starts[c]!, ends[c]!);
      e = trimEnd(text, s, ends[c]!);
      sga = scanFlag(text, s, e);
      if (sga === BAD) {
        this.flagIssue(line, 'sga', text.slice(s, e), false);
        ok = false;
      }
    }

    let contact = EMPTY;
    if ((c = this.cContact) >= 0) {
      s = trimStart(text, starts[c]!, ends[c]!);
      e = trimEnd(text, s, ends[c]!);
      contact = scanWhole(text, s, e);
      if (contact === BAD || contact > GA_MAX) {
        this.rangeIssue(line, 'first_contact_day', text.slice(s, e), contact, 'a whole number of days', `first contact must be gestational day 0–${GA_MAX}`);
        ok = false;
      }
    }

    let smoking = EMPTY;
    if ((c = this.cSmoking) >= 0) {
      s = trimStart(text, starts[c]!, ends[c]!);
      e = trimEnd(text, s, ends[c]!);
      smoking = scanFlag(text, s, e);
      if (smoking === BAD) {
        this.flagIssue(line, 'smoking', text.slice(s, e), false);
        ok = false;
      }
    }

    let care = EMPTY;
    if ((c = this.cCare) >= 0) {
      s = trimStart(text, starts[c]!, ends[c]!);
      e = trimEnd(text, s, ends[c]!);
      care = scanFlag(text, s, e);
      if (care === BAD) {
        this.flagIssue(line, 'maternity_care', text.slice(s, e), false);
        ok = false;
      }
    }

    if (!ok) return;

    // Aggregate. Every valid row makes its (area, year) group exist, so the group gets rows
    // (possibly 0 / 0) even when all its births are below 22 weeks.
    const key = area * index.years + (year - index.firstPeriod);
    let g = this.lastOffset;
    if (key !== this.lastKey) {
      g = this.groupOffset[key]!;
      if (g < 0) g = this.addGroup(key);
      this.lastOffset = g;
      this.lastKey = key;
    }
    const counts = this.counts;
    if (ga < GA_MIN_PERINATAL) return;

    // Perinatal mortality (from 22 weeks): a stillbirth counts; a live birth only when its
    // 7-day outcome is known.
    if (this.cDeath >= 0) {
      if (still === 1) {
        counts[g + PERINATAL]!++;
        counts[g + PERINATAL + 1]!++;
      } else if (death >= 0) {
        counts[g + PERINATAL + 1]!++;
        if (death === 1) counts[g + PERINATAL]!++;
      }
    }
    if (ga < GA_MIN_BIRTHS) return;

    const preterm = ga < GA_TERM;
    counts[g + PRETERM + 1]!++;
    if (preterm) counts[g + PRETERM]!++;
    if (this.cSga >= 0) {
      if (sga >= 0) {
        counts[g + SGA + 1]!++;
        if (sga === 1) counts[g + SGA]!++;
      }
      if (preterm || sga >= 0) {
        counts[g + BIG2 + 1]!++;
        if (preterm || sga === 1) counts[g + BIG2]!++;
      }
    }
    if (still === 0) {
      if (weight >= 0) {
        counts[g + LBW + 1]!++;
        if (weight < 2500) counts[g + LBW]!++;
      }
      if (care >= 0) {
        counts[g + NO_CARE + 1]!++;
        if (care === 0) counts[g + NO_CARE]!++;
      }
    }
    if (age >= 0) {
      counts[g + TEEN + 1]!++;
      if (age < 20) counts[g + TEEN]!++;
    }
    if (contact >= 0) {
      counts[g + LATE_CARE + 1]!++;
      if (contact > LATE_CONTACT_DAY) counts[g + LATE_CARE]!++;
    }
    if (smoking >= 0) {
      counts[g + SMOKING + 1]!++;
      if (smoking === 1) counts[g + SMOKING]!++;
    }
  }

  override finish(): void {
    const index = this.index;
    const slots: [string, number][] = [];
    const slotOf: Record<string, number> = {
      big2: BIG2,
      preterm: PRETERM,
      sga: SGA,
      low_birth_weight: LBW,
      perinatal_mortality: PERINATAL,
      teenage_mothers: TEEN,
      late_antenatal_care: LATE_CARE,
      smoking_in_pregnancy: SMOKING,
      no_maternity_care: NO_CARE,
    };
    for (const id of this.produced) slots.push([id, slotOf[id]!]);
    for (let key = 0; key < this.groupOffset.length; key++) {
      const g = this.groupOffset[key]!;
      if (g < 0) continue;
      const areaCode = index.areaCodes[Math.floor(key / index.years)]!;
      const period = index.firstPeriod + (key % index.years);
      for (const [indicatorId, slot] of slots) {
        this.rows.push({ areaCode, indicatorId, period, numerator: this.counts[g + slot]!, denominator: this.counts[g + slot + 1]! });
      }
    }
  }

  private addGroup(key: number): number {
    const offset = this.groupCount * SLOTS;
    if (offset + SLOTS > this.counts.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    this.groupCount++;
    this.groupOffset[key] = offset;
    return offset;
  }

  private flagIssue(line: number, field: string, raw: string, required: boolean): void {
    if (raw === '') this.log.add(line, field, raw, 'is empty; 0 or 1 is required');
    else this.log.add(line, field, raw, `'${shown(raw)}' is not 0 or 1` + (required ? '' : ' (leave the cell empty when unknown)'));
  }

  private gaIssue(line: number, raw: string, ga: number): void {
    const field = this.gaField;
    const q = `'${shown(raw)}'`;
    if (ga === EMPTY) this.log.add(line, field, raw, 'is empty; the gestational age is required');
    else if (ga === BAD && this.gaInWeeks) {
      const problem = decimalProblem(raw, this.decimalComma, 'a gestational age in weeks (such as 37, 36.5 or 37+2)');
      this.log.add(line, field, raw, problem);
    } else if (ga === BAD) this.log.add(line, field, raw, decimalProblem(raw, this.decimalComma, 'a whole number of days'));
    else this.log.add(line, field, raw, `${q} is out of range: the gestational age must be 0–${GA_MAX} days${this.gaInWeeks ? ' (0–45+5 weeks)' : ''}`);
  }

  private rangeIssue(line: number, field: string, raw: string, value: number, what: string, range: string): void {
    if (value === BAD) this.log.add(line, field, raw, decimalProblem(raw, this.decimalComma, what));
    else this.log.add(line, field, raw, `'${shown(raw)}' is out of range: ${range}`);
  }
}
