// Fixtures for the import tests: files written to a temp folder, and a small context.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { INDICATOR_IDS } from '../../../src/atlas/indicator-catalogue.ts';
import type { CountRow, ImportContext, ImportIssue } from '../../../src/atlas/import/index.ts';

export const context: ImportContext = {
  areaCodes: new Set(['GM0001', 'GM0002', 'WK000101']),
  indicatorIds: INDICATOR_IDS,
  firstPeriod: 2015,
  lastPeriod: 2024,
  ratioIndicators: new Set(['perinatal_mortality', 'child_protection_0_2', 'social_assistance']),
};

/** A temp folder for this test file, removed afterwards; `file(text)` writes a fixture into it. */
export function fixtures(): { file: (text: string | Buffer, name?: string) => string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kansrijk-import-test-'));
  let n = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(text, name) {
      const path = join(dir, name ?? `fixture-${++n}.csv`);
      writeFileSync(path, text);
      return path;
    },
  };
}

/** Issues without the value, for compact expectations: [line, field, message]. */
export function brief(issues: ImportIssue[]): [number, string | null, string][] {
  return issues.map((i) => [i.line, i.field, i.message]);
}

/** The row of one (area, period, indicator), as [numerator, denominator], or undefined. */
export function countsOf(rows: CountRow[], areaCode: string, period: number, indicatorId: string): [number, number] | undefined {
  const row = rows.find((r) => r.areaCode === areaCode && r.period === period && r.indicatorId === indicatorId);
  return row && [row.numerator, row.denominator];
}
