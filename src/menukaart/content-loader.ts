// The menukaart's content step: read the versioned files in content/, validate them with zod
// (every problem named by file and field), check that they refer to each other correctly, and
// load them into the database. Loading is an idempotent upsert keyed by id + version: a new
// version is added, the same version with the same content is left alone, the same version
// with different content stops the start (an edit must raise `version`), and a version older
// than the one in the database (edited there later by the programme team) is kept out.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { INDICATOR_IDS } from '../atlas/indicator-catalogue.ts';
import type { Database, Queryable } from '../platform/db.ts';
import { lockSchema } from '../platform/migrations.ts';
import {
  IndicatorLinkFileSchema,
  InterventionSchema,
  isUnknown,
  RiskFactorFileSchema,
  type IndicatorLink,
  type Intervention,
  type KnownText,
  type RiskFactor,
} from './content-schema.ts';
import type { Text } from './vocabulary.ts';

export const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

/** An indicator link as stored: the link with the basis of the whole link file. */
export type StoredLink = IndicatorLink & { basis: Text };

export interface ContentSet {
  interventions: Intervention[];
  riskFactors: RiskFactor[];
  links: StoredLink[];
  /** Where each item came from (relative path), for error messages. */
  files: Map<string, string>;
}

/** Content that does not validate: every problem, each naming its file and field. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`menukaart content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
    this.name = 'ContentError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(file)';
}

function readJson(dir: string, relative: string, problems: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(dir + relative, 'utf8');
  } catch (error) {
    problems.push(`content/${relative}: cannot be read (${(error as Error).message})`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push(`content/${relative}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function validate<S extends z.ZodType>(schema: S, data: unknown, relative: string, problems: string[]): z.output<S> | undefined {
  if (data === undefined) return undefined;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(`content/${relative}: ${fieldPath(issue.path)}: ${issue.message}`);
  return undefined;
}

/** Reads and validates every content file. Throws ContentError listing all problems. */
export function readContent(dir: string = CONTENT_DIR, indicatorIds: ReadonlySet<string> = INDICATOR_IDS): ContentSet {
  const problems: string[] = [];
  const files = new Map<string, string>();

  const riskFile = validate(RiskFactorFileSchema, readJson(dir, 'risk-factors.json', problems), 'risk-factors.json', problems);
  const riskFactors = riskFile?.riskFactors ?? [];
  const riskIds = new Set<string>();
  riskFactors.forEach((r, k) => {
    if (riskIds.has(r.id)) problems.push(`content/risk-factors.json: riskFactors[${k}].id: duplicate id '${r.id}'`);
    riskIds.add(r.id);
  });

  const interventions: Intervention[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir + 'interventions').filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    problems.push(`content/interventions/: cannot be read (${(error as Error).message})`);
  }
  for (const name of names) {
    const relative = `interventions/${name}`;
    const intervention = validate(InterventionSchema, readJson(dir, relative, problems), relative, problems);
    if (!intervention) continue;
    if (`${intervention.id}.json` !== name) problems.push(`content/${relative}: id: '${intervention.id}' must match the file name (${intervention.id}.json)`);
    if (files.has(`intervention:${intervention.id}`)) problems.push(`content/${relative}: id: duplicate id '${intervention.id}'`);
    files.set(`intervention:${intervention.id}`, relative);
    intervention.riskFactors.forEach((id, k) => {
      if (riskFile && !riskIds.has(id)) problems.push(`content/${relative}: riskFactors[${k}]: unknown risk factor '${id}' (not in content/risk-factors.json)`);
    });
    interventions.push(intervention);
  }
  if (names.length === 0 && problems.length === 0) problems.push('content/interventions/: no intervention files');

  const linkFile = validate(IndicatorLinkFileSchema, readJson(dir, 'indicator-risk-factors.json', problems), 'indicator-risk-factors.json', problems);
  const links: StoredLink[] = [];
  const linked = new Set<string>();
  linkFile?.links.forEach((link, k) => {
    const at = `content/indicator-risk-factors.json: links[${k}]`;
    if (!indicatorIds.has(link.indicator)) problems.push(`${at}.indicator: unknown indicator '${link.indicator}' (not in the atlas catalogue)`);
    if (linked.has(link.indicator)) problems.push(`${at}.indicator: duplicate link for '${link.indicator}'`);
    linked.add(link.indicator);
    link.riskFactors.forEach((id, j) => {
      if (riskFile && !riskIds.has(id)) problems.push(`${at}.riskFactors[${j}]: unknown risk factor '${id}' (not in content/risk-factors.json)`);
    });
    links.push({ ...link, basis: linkFile.basis });
  });

  for (const r of riskFactors) files.set(`risk-factor:${r.id}`, 'risk-factors.json');
  for (const l of links) files.set(`indicator-link:${l.indicator}`, 'indicator-risk-factors.json');
  if (problems.length) throw new ContentError(problems);
  return { interventions, riskFactors, links, files };
}

/** Lowercase, without accents, one space between words: the form full-text search compares. */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

const known = (t: KnownText): string[] => (isUnknown(t) ? [] : [t.nl, t.en]);

/** What `q` searches: names, aliases, summary, target group and goals, in both languages. */
export function searchText(i: Intervention): string {
  return normalizeSearch([i.name, ...i.aliases, i.summary.nl, i.summary.en, ...known(i.targetGroup), ...i.goals.flatMap((g) => [g.nl, g.en])].join(' \n '));
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export interface LoadResult {
  inserted: number;
  unchanged: number;
  /** Items whose database version is newer than the file's (edited in the database). */
  keptNewer: number;
  contentVersion: number;
}

interface Row {
  table: 'intervention' | 'risk_factor' | 'indicator_link';
  id: string;
  version: number;
  content: unknown;
  searchText: string | null;
  file: string;
}

async function upsert(tx: Queryable, rows: readonly Row[], result: LoadResult): Promise<void> {
  const tables = [...new Set(rows.map((r) => r.table))];
  for (const table of tables) {
    const existing = await tx.query<{ id: string; version: number; content_sha256: string }>(`SELECT id, version, content_sha256 FROM ${table}`);
    const stored = new Map<string, { latest: number; hashes: Map<number, string> }>();
    for (const e of existing) {
      const entry = stored.get(e.id) ?? { latest: 0, hashes: new Map() };
      entry.latest = Math.max(entry.latest, Number(e.version));
      entry.hashes.set(Number(e.version), e.content_sha256);
      stored.set(e.id, entry);
    }
    for (const row of rows.filter((r) => r.table === table)) {
      const hash = sha256(row.content);
      const entry = stored.get(row.id);
      const same = entry?.hashes.get(row.version);
      if (same !== undefined && same !== hash) {
        throw new ContentError([`content/${row.file}: version: version ${row.version} of '${row.id}' is already loaded with different content; raise "version" when you edit an item`]);
      }
      if (entry && entry.latest > row.version) {
        result.keptNewer++;
        continue;
      }
      if (same === hash) {
        result.unchanged++;
        continue;
      }
      await tx.query(
        `INSERT INTO ${table} (id, version, content, content_sha256, search_text) VALUES ($1, $2, $3, $4, $5)`,
        [row.id, row.version, JSON.stringify(row.content), hash, row.searchText],
      );
      result.inserted++;
    }
  }
}

/**
 * Reads, validates and loads the content (at every start, after the catalogue). Safe to run
 * on several servers at once: it holds the schema lock. Raises the content version when
 * anything was added, so that running servers reload it.
 */
export async function loadMenukaartContent(db: Database, progress: (message: string) => void = () => {}, dir: string = CONTENT_DIR): Promise<LoadResult> {
  const content = readContent(dir);
  const rows: Row[] = [
    ...content.riskFactors.map((r): Row => ({ table: 'risk_factor', id: r.id, version: r.version, content: r, searchText: null, file: 'risk-factors.json' })),
    ...content.interventions.map((i): Row => ({ table: 'intervention', id: i.id, version: i.version, content: i, searchText: searchText(i), file: content.files.get(`intervention:${i.id}`)! })),
    ...content.links.map((l): Row => ({ table: 'indicator_link', id: l.indicator, version: l.version, content: l, searchText: null, file: 'indicator-risk-factors.json' })),
  ];
  const result = await db.transaction(async (tx) => {
    await lockSchema(tx);
    const result: LoadResult = { inserted: 0, unchanged: 0, keptNewer: 0, contentVersion: 0 };
    await upsert(tx, rows, result);
    if (result.inserted > 0) await tx.query('UPDATE menukaart_state SET content_version = content_version + 1, changed_at = now() WHERE id = 1');
    const [state] = await tx.query<{ content_version: number | string }>('SELECT content_version FROM menukaart_state WHERE id = 1');
    result.contentVersion = Number(state?.content_version ?? 0);
    return result;
  });
  if (result.inserted > 0) progress(`menukaart content: ${result.inserted} item(s) loaded (content version ${result.contentVersion})`);
  if (result.keptNewer > 0) progress(`menukaart content: ${result.keptNewer} item(s) kept at a newer version edited in the database`);
  return result;
}
