// Writing counts: one dataset and its rows in one transaction. New counts REPLACE the counts
// of the same indicator, period and area (so importing a file twice never doubles a count),
// and also those of the area's ancestors and descendants for that indicator and period, so a
// parent never holds a figure that disagrees with the sum of its children.

import { onlyRow, type Database, type Queryable } from '../platform/db.ts';
import { bumpCountsVersion, readAreas } from './atlas-store.ts';
import type { Area } from './geography.ts';

export interface CountRow {
  areaCode: string;
  indicatorId: string;
  period: number;
  numerator: number;
  denominator: number;
}

export interface NewDataset {
  kind: 'demo' | 'long-csv' | 'births';
  synthetic: boolean;
  source: { nl: string; en: string };
  fileName?: string;
  fileSha256?: string;
}

export interface WriteResult {
  datasetId: number;
  written: number;
  /** Counts of other levels removed because the new counts replace them. */
  replacedAtOtherLevels: number;
}

/** Held by every writer of counts: concurrent imports (from any app server) take turns. */
const COUNTS_LOCK = 736_120_019;

/**
 * Writes a dataset and its counts in one transaction. With `onlyIfEmpty` it writes nothing
 * (and returns undefined) when counts exist already: for the demo data, which two servers
 * starting at once must not both load.
 */
export async function writeCounts(db: Database, dataset: NewDataset, rows: readonly CountRow[], options: { onlyIfEmpty?: boolean } = {}): Promise<WriteResult | undefined> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [COUNTS_LOCK]);
    if (options.onlyIfEmpty && (await tx.query('SELECT 1 FROM indicator_count LIMIT 1')).length > 0) return undefined;
    const { id } = onlyRow(await tx.query<{ id: number }>(
      `INSERT INTO dataset (kind, synthetic, source_nl, source_en, file_name, file_sha256, row_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [dataset.kind, dataset.synthetic, dataset.source.nl, dataset.source.en, dataset.fileName ?? null, dataset.fileSha256 ?? null, rows.length],
    ));
    const replacedAtOtherLevels = await removeOtherLevels(tx, rows);
    await tx.query(`CREATE TEMP TABLE incoming_count (LIKE indicator_count) ON COMMIT DROP`);
    await tx.copyRows(
      'incoming_count',
      ['indicator_id', 'period', 'area_code', 'numerator', 'denominator', 'dataset_id'],
      rows.map((r) => [r.indicatorId, r.period, r.areaCode, r.numerator, r.denominator, id]),
    );
    await tx.query(
      `DELETE FROM indicator_count c USING incoming_count i
       WHERE c.indicator_id = i.indicator_id AND c.period = i.period AND c.area_code = i.area_code`,
    );
    await tx.query(`INSERT INTO indicator_count SELECT * FROM incoming_count`);
    await bumpCountsVersion(tx);
    return { datasetId: id, written: rows.length, replacedAtOtherLevels };
  });
}

/**
 * Removes stored counts for the same indicator and period at an ancestor or descendant of an
 * incoming area. Usually there are none (a file delivers one level), so this first asks which
 * other levels hold counts for the incoming indicator-periods, and only then looks closer.
 */
/** Levels delivered for every indicator-period of the file: counts there are never "other". */
function levelsInEveryPair(levelsByPair: Map<string, Set<string>>): string[] {
  const [first, ...rest] = [...levelsByPair.values()];
  return first ? [...first].filter((level) => rest.every((levels) => levels.has(level))) : [];
}

async function removeOtherLevels(tx: Queryable, rows: readonly CountRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const areas = await readAreas(tx);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const incomingLevels = new Map<string, Set<string>>(); // "indicator|period" → levels
  for (const r of rows) {
    const key = `${r.indicatorId}|${r.period}`;
    let levels = incomingLevels.get(key);
    if (!levels) incomingLevels.set(key, (levels = new Set()));
    levels.add(byCode.get(r.areaCode)?.level ?? 'unknown');
  }
  const pairs = [...incomingLevels.keys()].map((k) => k.split('|') as [string, string]);
  const existing = await tx.query<{ indicator_id: string; period: number; area_code: string; level: string }>(
    `SELECT c.indicator_id, c.period, c.area_code, a.level
     FROM indicator_count c JOIN area a ON a.code = c.area_code
     JOIN unnest($1::text[], $2::int[]) AS p (indicator_id, period) ON p.indicator_id = c.indicator_id AND p.period = c.period
     WHERE a.level <> ALL ($3::text[])`,
    [pairs.map((p) => p[0]), pairs.map((p) => Number(p[1])), levelsInEveryPair(incomingLevels)],
  ).then((found) => found.filter((c) => !incomingLevels.get(`${c.indicator_id}|${c.period}`)!.has(c.level)));
  if (existing.length === 0) return 0;

  const incomingAreas = new Map<string, Set<string>>(); // "indicator|period" → area codes
  for (const r of rows) {
    const key = `${r.indicatorId}|${r.period}`;
    let set = incomingAreas.get(key);
    if (!set) incomingAreas.set(key, (set = new Set()));
    set.add(r.areaCode);
  }
  const related = (a: Area | undefined, codes: Set<string>) => !!a && Object.values(a.parents).some((p) => codes.has(p));
  const doomed = existing.filter((c) => {
    const codes = incomingAreas.get(`${c.indicator_id}|${c.period}`)!;
    const area = byCode.get(c.area_code);
    // the stored area lies under an incoming one, or above one
    if (related(area, codes)) return true;
    for (const code of codes) if (area && byCode.get(code)?.parents[area.level as keyof Area['parents']] === area.code) return true;
    return false;
  });
  if (doomed.length === 0) return 0;
  await tx.query(
    `DELETE FROM indicator_count c USING unnest($1::text[], $2::int[], $3::text[]) AS d (indicator_id, period, area_code)
     WHERE c.indicator_id = d.indicator_id AND c.period = d.period AND c.area_code = d.area_code`,
    [doomed.map((d) => d.indicator_id), doomed.map((d) => d.period), doomed.map((d) => d.area_code)],
  );
  return doomed.length;
}
