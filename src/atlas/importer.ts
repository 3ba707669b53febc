// Import of a file into the atlas: read and validate it whole (src/atlas/import), and only
// when it has no error at all, write its counts in one transaction.

import type { Database } from '../platform/db.ts';
import { readAreas, readIndicators } from './atlas-store.ts';
import { writeCounts } from './counts-writer.ts';
import { formatIssue, readImportFile, type CountRow, type ImportProgress } from './import/index.ts';

/** Imports deliver the lowest levels; regions and Nederland are always sums of gemeenten. */
const IMPORTABLE_LEVELS = new Set(['gemeente', 'wijk']);
export const FIRST_IMPORT_PERIOD = 2000;

export interface ImportResult {
  kind: 'long' | 'births';
  issues: string[];
  stoppedEarly: boolean;
  records: number;
  rows: number;
  indicators: string[];
  periods: number[];
  replacedAtOtherLevels: number;
  seconds: number;
}

/**
 * A file that delivers a gemeente and one of its own wijken for the same indicator and year
 * contradicts itself (the gemeente is the sum of its wijken): name the first few such pairs.
 */
function mixedLevelIssues(rows: readonly CountRow[], gemeenteOfWijk: ReadonlyMap<string, string>): string[] {
  const gemeenten = new Set(rows.filter((r) => !gemeenteOfWijk.has(r.areaCode)).map((r) => `${r.indicatorId}|${r.period}|${r.areaCode}`));
  if (gemeenten.size === 0) return [];
  const issues: string[] = [];
  for (const r of rows) {
    const gemeente = gemeenteOfWijk.get(r.areaCode);
    if (gemeente && gemeenten.has(`${r.indicatorId}|${r.period}|${gemeente}`)) {
      issues.push(`field 'area_code': ${r.indicatorId} ${r.period} is delivered both for gemeente ${gemeente} and for its wijk ${r.areaCode}; deliver one level per gemeente, indicator and year`);
      if (issues.length === 10) break;
    }
  }
  return issues;
}

export async function importFile(
  db: Database,
  path: string,
  options: { source: string; fileSha256?: string; dryRun?: boolean; onProgress?: (p: ImportProgress) => void },
): Promise<ImportResult> {
  const started = performance.now();
  const [areas, indicators] = await Promise.all([readAreas(db), readIndicators(db)]);
  const parsed = await readImportFile(
    path,
    {
      areaCodes: new Set(areas.filter((a) => IMPORTABLE_LEVELS.has(a.level)).map((a) => a.code)),
      indicatorIds: new Set(indicators.map((i) => i.id)),
      firstPeriod: FIRST_IMPORT_PERIOD,
      lastPeriod: new Date().getFullYear(),
      ratioIndicators: new Set(indicators.filter((i) => i.method === 'rate').map((i) => i.id)),
    },
    { onProgress: options.onProgress },
  );
  const gemeenteOfWijk = new Map(areas.filter((a) => a.level === 'wijk').map((a) => [a.code, a.parents.gemeente!]));
  const result: ImportResult = {
    kind: parsed.kind,
    issues: [...parsed.issues.map(formatIssue), ...mixedLevelIssues(parsed.rows, gemeenteOfWijk)],
    stoppedEarly: parsed.stoppedAtMaxIssues,
    records: parsed.recordsRead,
    rows: parsed.rows.length,
    indicators: [...new Set(parsed.rows.map((r) => r.indicatorId))].sort(),
    periods: [...new Set(parsed.rows.map((r) => r.period))].sort((a, b) => a - b),
    replacedAtOtherLevels: 0,
    seconds: 0,
  };
  if (result.issues.length === 0 && !options.dryRun) {
    const written = await writeCounts(
      db,
      {
        kind: parsed.kind === 'long' ? 'long-csv' : 'births',
        synthetic: false,
        source: { nl: options.source, en: options.source },
        fileName: path.split('/').pop(),
        fileSha256: options.fileSha256,
      },
      parsed.rows,
    );
    result.replacedAtOtherLevels = written?.replacedAtOtherLevels ?? 0;
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
