// The atlas's storage: areas, the indicator catalogue, datasets and counts in the database,
// and the derived figures computed from them. App servers keep only a cache of derived
// figures, keyed by the database's counts_version, so several can run side by side.

import { onlyRow, type Database, type Queryable } from '../platform/db.ts';
import { lockSchema } from '../platform/migrations.ts';
import { AREA_LEVELS, loadAreas, type Area, type AreaLevel } from './geography.ts';
import { INDICATORS, type IndicatorDefinition } from './indicator-catalogue.ts';
import { buildHierarchy, deriveAtlas, emptyCounts, type Atlas, type Hierarchy, type StoredCounts } from './derive.ts';

/** Loads the shipped geography (once) and the indicator catalogue (every start, so that
 * catalogue text changes reach the database). Idempotent. */
export async function seedCatalogue(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSchema(tx);
    const { n } = onlyRow(await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM area'));
    if (n === 0) await insertAreas(tx, loadAreas());
    for (const [k, indicator] of INDICATORS.entries()) {
      await tx.query(
        `INSERT INTO indicator (id, method, polarity, multiplier, metadata, sort_order) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET method = EXCLUDED.method, polarity = EXCLUDED.polarity,
           multiplier = EXCLUDED.multiplier, metadata = EXCLUDED.metadata, sort_order = EXCLUDED.sort_order`,
        [indicator.id, indicator.method, indicator.polarity, indicator.multiplier, JSON.stringify(indicator), k],
      );
    }
  });
}

async function insertAreas(tx: Queryable, areas: readonly Area[]): Promise<void> {
  await tx.copyRows(
    'area',
    ['code', 'name', 'level', 'land_code', 'provincie_code', 'ggdregio_code', 'jeugdregio_code', 'gemeente_code', 'valid_from', 'valid_to', 'inhabitants', 'sort_order'],
    areas.map((a, k) => [
      a.code,
      a.name,
      a.level,
      a.parents.land ?? null,
      a.parents.provincie ?? null,
      a.parents.ggdregio ?? null,
      a.parents.jeugdregio ?? null,
      a.parents.gemeente ?? null,
      a.validFrom,
      a.validTo,
      a.inhabitants,
      k,
    ]),
  );
}

interface AreaRow {
  code: string;
  name: string;
  level: AreaLevel;
  land_code: string | null;
  provincie_code: string | null;
  ggdregio_code: string | null;
  jeugdregio_code: string | null;
  gemeente_code: string | null;
  valid_from: number | null;
  valid_to: number | null;
  inhabitants: number;
}

export async function readAreas(db: Queryable): Promise<Area[]> {
  const rows = await db.query<AreaRow>(
    `SELECT code, name, level, land_code, provincie_code, ggdregio_code, jeugdregio_code, gemeente_code, valid_from, valid_to, inhabitants
     FROM area ORDER BY sort_order`,
  );
  return rows.map((r) => {
    const parents: Area['parents'] = {};
    if (r.gemeente_code) parents.gemeente = r.gemeente_code;
    if (r.ggdregio_code) parents.ggdregio = r.ggdregio_code;
    if (r.jeugdregio_code) parents.jeugdregio = r.jeugdregio_code;
    if (r.provincie_code) parents.provincie = r.provincie_code;
    if (r.land_code) parents.land = r.land_code;
    return { code: r.code, name: r.name, level: r.level, parents, validFrom: r.valid_from, validTo: r.valid_to, inhabitants: r.inhabitants };
  });
}

export async function readIndicators(db: Queryable): Promise<IndicatorDefinition[]> {
  const rows = await db.query<{ metadata: IndicatorDefinition | string }>('SELECT metadata FROM indicator ORDER BY sort_order');
  return rows.map((r) => (typeof r.metadata === 'string' ? JSON.parse(r.metadata) : r.metadata));
}

export async function countsVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ counts_version: number | string }>('SELECT counts_version FROM atlas_state WHERE id = 1');
  return Number(row?.counts_version ?? 0);
}

/** Raise the counts version; call in the same transaction as any change to the counts. */
export async function bumpCountsVersion(tx: Queryable): Promise<void> {
  await tx.query('UPDATE atlas_state SET counts_version = counts_version + 1, changed_at = now() WHERE id = 1');
}

export interface DatasetInfo {
  id: number;
  kind: 'demo' | 'long-csv' | 'births';
  synthetic: boolean;
  source: { nl: string; en: string };
}

export async function readDatasets(db: Queryable): Promise<DatasetInfo[]> {
  const rows = await db.query<{ id: number; kind: DatasetInfo['kind']; synthetic: boolean; source_nl: string; source_en: string }>(
    'SELECT id, kind, synthetic, source_nl, source_en FROM dataset ORDER BY id',
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, synthetic: r.synthetic, source: { nl: r.source_nl, en: r.source_en } }));
}

/** All stored counts, read as COPY text and parsed straight into one array slot per area. */
export async function readCounts(db: Queryable, hierarchy: Hierarchy, syntheticDatasets: ReadonlySet<number>): Promise<{ periods: number[]; counts: Map<string, StoredCounts> }> {
  const text = await db.copyOut('SELECT indicator_id, period, area_code, numerator, denominator, dataset_id FROM indicator_count');
  const size = hierarchy.areas.length;
  const counts = new Map<string, StoredCounts>();
  const periods = new Set<number>();
  // Rows of one indicator and period mostly follow each other: the slot is looked up again
  // only when the "indicator<TAB>period<TAB>" prefix of the line changes.
  let prefix = '';
  let slot: StoredCounts | undefined;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const t1 = text.indexOf('\t', start);
    const t2 = text.indexOf('\t', t1 + 1);
    const t3 = text.indexOf('\t', t2 + 1);
    const t4 = text.indexOf('\t', t3 + 1);
    const t5 = text.indexOf('\t', t4 + 1);
    const lineStart = start;
    start = end + 1;
    if (t5 === -1 || t5 > end) continue;
    const area = hierarchy.index.get(text.slice(t2 + 1, t3));
    if (area === undefined) continue; // an area no longer in the geography: not shown
    if (!slot || prefix.length !== t2 + 1 - lineStart || !text.startsWith(prefix, lineStart)) {
      prefix = text.slice(lineStart, t2 + 1);
      const period = Number(text.slice(t1 + 1, t2));
      periods.add(period);
      const key = `${text.slice(lineStart, t1)}|${period}`;
      slot = counts.get(key);
      if (!slot) counts.set(key, (slot = emptyCounts(size)));
    }
    const datasetId = Number(text.slice(t5 + 1, end));
    slot.numerator[area] = Number(text.slice(t3 + 1, t4));
    slot.denominator[area] = Number(text.slice(t4 + 1, t5));
    slot.synthetic[area] = syntheticDatasets.has(datasetId) ? 1 : 0;
    slot.datasetIds.add(datasetId);
  }
  return { periods: [...periods].sort((a, b) => a - b), counts };
}

/** Every period from the first to the last with counts, so trends see gaps as gaps. */
function periodRange(periods: readonly number[]): number[] {
  if (periods.length === 0) return [];
  const range: number[] = [];
  for (let p = periods[0]!; p <= periods[periods.length - 1]!; p++) range.push(p);
  return range;
}

export interface AtlasSnapshot {
  version: number;
  atlas: Atlas;
  areas: readonly Area[];
  indicators: readonly IndicatorDefinition[];
  datasets: readonly DatasetInfo[];
  computedAt: Date;
  computeMs: number;
}

/** Reads the counts and computes every derived figure. */
export async function computeSnapshot(db: Database): Promise<AtlasSnapshot> {
  const started = performance.now();
  // One repeatable-read transaction: the version and the counts belong together.
  const { version, areas, indicators, datasets, hierarchy, periods, counts } = await db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const version = await countsVersion(tx);
    const areas = await readAreas(tx);
    const indicators = await readIndicators(tx);
    const datasets = await readDatasets(tx);
    const hierarchy = buildHierarchy(areas);
    const synthetic = new Set(datasets.filter((d) => d.synthetic).map((d) => d.id));
    return { version, areas, indicators, datasets, hierarchy, ...(await readCounts(tx, hierarchy, synthetic)) };
  });
  const atlas = deriveAtlas(hierarchy, indicators, periodRange(periods), (id, period) => counts.get(`${id}|${period}`));
  return { version, atlas, areas, indicators, datasets, computedAt: new Date(), computeMs: performance.now() - started };
}

/**
 * The derived figures an app server serves. It checks the database's counts_version at most
 * once per `maxStalenessMs` and recomputes when the counts changed (an import on any server).
 */
export class AtlasService {
  private snapshot: AtlasSnapshot | undefined;
  private pending: Promise<AtlasSnapshot> | undefined;
  private checkedAt = 0;

  constructor(
    readonly db: Database,
    private readonly maxStalenessMs = 1000,
  ) {}

  async current(): Promise<AtlasSnapshot> {
    const now = Date.now();
    if (this.snapshot && now - this.checkedAt < this.maxStalenessMs) return this.snapshot;
    if (this.pending) return this.pending;
    this.pending = (async () => {
      try {
        const version = await countsVersion(this.db);
        this.checkedAt = Date.now();
        if (this.snapshot?.version === version) return this.snapshot;
        this.snapshot = await computeSnapshot(this.db);
        return this.snapshot;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /** After a change made by this server: recompute on the next request. */
  invalidate(): void {
    this.checkedAt = 0;
  }
}

export { AREA_LEVELS };
