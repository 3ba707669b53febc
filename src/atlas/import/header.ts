// The header line: which kind of file this is, where each column is, what is missing.

import { BIRTH_COLUMNS, BIRTH_INDICATORS, BIRTH_REQUIRED_COLUMNS } from './birth-file.ts';
import { LONG_COLUMNS } from './long-file.ts';
import type { IssueLog } from './processor.ts';
import type { ImportFileKind } from './types.ts';

export interface HeaderInfo {
  kind: ImportFileKind;
  /** Column names as given (trimmed, lower case), in file order. */
  columns: string[];
  /** Known column name → its position (the first, when a column appears twice). */
  columnIndex: Map<string, number>;
  /** True when the rows cannot be read (kind unknown, a required column missing). */
  fatal: boolean;
  /** Birth files: the indicators the columns give, in catalogue order. */
  produced: string[];
}

const LONG_ONLY = new Set<string>(LONG_COLUMNS.filter((c) => c !== 'area_code'));
const BIRTH_ONLY = new Set<string>(BIRTH_COLUMNS.filter((c) => c !== 'area_code'));

export function readHeader(names: readonly string[], log: IssueLog, indicatorIds: ReadonlySet<string>): HeaderInfo {
  const columns = names.map((n) => n.trim().toLowerCase());
  const longScore = columns.filter((n) => LONG_ONLY.has(n)).length;
  const birthScore = columns.filter((n) => BIRTH_ONLY.has(n)).length;
  const info: HeaderInfo = { kind: 'long', columns, columnIndex: new Map(), fatal: false, produced: [] };
  if (names.length === 1 && names[0]!.includes('\t')) {
    log.add(1, null, undefined, 'the header has tabs but no commas or semicolons: tab-separated files are not supported; save the file with comma or semicolon separators');
    info.fatal = true;
    return info;
  }
  if (longScore === 0 && birthScore === 0) {
    log.add(
      1,
      null,
      undefined,
      `cannot tell what kind of file this is from the header: a long file has the columns ${LONG_COLUMNS.join(', ')}; ` +
        `a birth-level file has area_code, year, stillbirth, gestational_age_days or gestational_age_weeks and optional columns`,
    );
    info.fatal = true;
    return info;
  }
  info.kind = birthScore > longScore ? 'births' : 'long';
  const allowed: readonly string[] = info.kind === 'long' ? LONG_COLUMNS : BIRTH_COLUMNS;
  const allowedText = info.kind === 'long' ? `a long file has the columns ${LONG_COLUMNS.join(', ')}` : `a birth-level file has the columns ${BIRTH_COLUMNS.join(', ')}`;

  columns.forEach((name, i) => {
    if (name === '') log.add(1, null, undefined, `column ${i + 1} of the header has no name (is there a delimiter too many?)`);
    else if (!allowed.includes(name)) log.add(1, name, names[i]!.trim(), `unknown column '${name}'; ${allowedText}`);
    else if (info.columnIndex.has(name)) log.add(1, name, names[i]!.trim(), `column '${name}' appears more than once`);
    else info.columnIndex.set(name, i);
  });

  const required: readonly string[] = info.kind === 'long' ? LONG_COLUMNS : BIRTH_REQUIRED_COLUMNS;
  for (const name of required) {
    if (!info.columnIndex.has(name)) {
      log.add(1, name, undefined, `required column '${name}' is missing`);
      info.fatal = true;
    }
  }
  if (info.kind === 'births') {
    const days = info.columnIndex.has('gestational_age_days');
    const weeks = info.columnIndex.has('gestational_age_weeks');
    if (!days && !weeks) {
      log.add(1, 'gestational_age_days', undefined, "required column 'gestational_age_days' (or 'gestational_age_weeks') is missing");
      info.fatal = true;
    } else if (days && weeks) {
      log.add(1, 'gestational_age_weeks', undefined, 'give the gestational age in one column only: gestational_age_days or gestational_age_weeks, not both');
    }
    for (const { id, column } of BIRTH_INDICATORS) {
      if (column !== null && !info.columnIndex.has(column)) continue;
      if (!indicatorIds.has(id)) {
        log.add(1, column ?? null, undefined, `this file gives the indicator '${id}', which this atlas does not know`);
        continue;
      }
      info.produced.push(id);
    }
  }
  return info;
}
