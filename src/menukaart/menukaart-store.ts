// The menukaart content as app servers hold it: the latest version of every item, read from
// the database and kept until the content version changes (checked at most once a second,
// like the atlas's counts version).

import type { Database, Queryable } from '../platform/db.ts';
import { INDICATORS } from '../atlas/indicator-catalogue.ts';
import type { Intervention, RiskFactor } from './content-schema.ts';
import type { StoredLink } from './content-loader.ts';
import { RISK_DOMAINS } from './vocabulary.ts';

export interface StoredIntervention {
  content: Intervention;
  version: number;
  /** Normalized text that `q` searches. */
  searchText: string;
}

export interface MenukaartContent {
  /** The content version of the database (raised on every change). */
  version: number;
  /** Published interventions, by Dutch name. */
  interventions: readonly StoredIntervention[];
  /** Risk factors: medical first, then social; by Dutch name within a domain. */
  riskFactors: readonly RiskFactor[];
  /** Indicator links, in catalogue order. */
  links: readonly StoredLink[];
  interventionById: ReadonlyMap<string, StoredIntervention>;
  riskFactorById: ReadonlyMap<string, RiskFactor>;
  linkByIndicator: ReadonlyMap<string, StoredLink>;
}

const parseJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

async function latest<T>(db: Queryable, table: 'intervention' | 'risk_factor' | 'indicator_link') {
  // DISTINCT ON: the highest version of each id; the same SQL on PGlite and PostgreSQL.
  const rows = await db.query<{ id: string; version: number; content: T | string; search_text: string | null }>(
    `SELECT DISTINCT ON (id) id, version, content, search_text FROM ${table} ORDER BY id, version DESC`,
  );
  return rows.map((r) => ({ id: r.id, version: Number(r.version), content: parseJson<T>(r.content), searchText: r.search_text ?? '' }));
}

export async function contentVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ content_version: number | string }>('SELECT content_version FROM menukaart_state WHERE id = 1');
  return Number(row?.content_version ?? 0);
}

/** Builds the in-memory form from items (used by the store and by tests). */
export function buildContent(version: number, interventions: readonly StoredIntervention[], riskFactors: readonly RiskFactor[], links: readonly StoredLink[]): MenukaartContent {
  const published = interventions
    .filter((i) => i.content.status === 'published')
    .sort((a, b) => a.content.name.localeCompare(b.content.name, 'nl') || a.content.id.localeCompare(b.content.id));
  const risks = [...riskFactors].sort(
    (a, b) => RISK_DOMAINS.indexOf(a.domain) - RISK_DOMAINS.indexOf(b.domain) || a.name.nl.localeCompare(b.name.nl, 'nl') || a.id.localeCompare(b.id),
  );
  const order = new Map(INDICATORS.map((i, k) => [i.id, k]));
  const sortedLinks = [...links].sort((a, b) => (order.get(a.indicator) ?? 1e9) - (order.get(b.indicator) ?? 1e9) || a.indicator.localeCompare(b.indicator));
  return {
    version,
    interventions: published,
    riskFactors: risks,
    links: sortedLinks,
    interventionById: new Map(published.map((i) => [i.content.id, i])),
    riskFactorById: new Map(risks.map((r) => [r.id, r])),
    linkByIndicator: new Map(sortedLinks.map((l) => [l.indicator, l])),
  };
}

export async function readMenukaartContent(db: Database): Promise<MenukaartContent> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const version = await contentVersion(tx);
    const interventions = (await latest<Intervention>(tx, 'intervention')).map((r) => ({ content: r.content, version: r.version, searchText: r.searchText }));
    const riskFactors = (await latest<RiskFactor>(tx, 'risk_factor')).map((r) => r.content);
    const links = (await latest<StoredLink>(tx, 'indicator_link')).map((r) => r.content);
    return buildContent(version, interventions, riskFactors, links);
  });
}

export class MenukaartService {
  private content: MenukaartContent | undefined;
  private pending: Promise<MenukaartContent> | undefined;
  private checkedAt = 0;

  constructor(
    readonly db: Database,
    private readonly maxStalenessMs = 1000,
  ) {}

  async current(): Promise<MenukaartContent> {
    if (this.content && Date.now() - this.checkedAt < this.maxStalenessMs) return this.content;
    if (this.pending) return this.pending;
    this.pending = (async () => {
      try {
        const version = await contentVersion(this.db);
        this.checkedAt = Date.now();
        if (this.content?.version === version) return this.content;
        this.content = await readMenukaartContent(this.db);
        return this.content;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }
}
