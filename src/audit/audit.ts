// The audit trail (NEN 7513-style): who, on behalf of which organisation, did what to which
// resource, when, with what outcome, in which request. Every change is recorded in the same
// transaction as the change itself (both happen, or neither); every read of protected data in
// the transaction of the read. Refusals are recorded too. The table is append-only: the
// application has no path to change or remove an event, and the database refuses it
// (migration 003: a trigger on UPDATE, DELETE and TRUNCATE).
//
// No payloads: an event names the resource and, in `detail`, coded facts (changed field names,
// a status, a count) — never free text, names, e-mail addresses or health data.

import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../platform/db.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditContext {
  requestId: string;
  actor: Actor | undefined;
  /** The client address (behind a proxy: as the trusted proxy reports it). */
  address: string | undefined;
}

export type AuditDetailValue = string | number | boolean | null | readonly string[];

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | undefined;
  coalitionId?: string | undefined;
  outcome?: AuditOutcome;
  /** Coded facts only. Strings are cut to 80 characters: this is no place for text. */
  detail?: Record<string, AuditDetailValue | undefined>;
  /** When there is no signed-in actor but the account is known (e.g. a failed sign-in). */
  subjectUserId?: string | undefined;
  authMethod?: string | undefined;
}

function cleanDetail(detail: AuditEntry['detail']): Record<string, AuditDetailValue> {
  const out: Record<string, AuditDetailValue> = {};
  for (const [key, value] of Object.entries(detail ?? {})) {
    if (value === undefined) continue;
    if (typeof value === 'string') out[key] = value.slice(0, 80);
    else if (Array.isArray(value)) out[key] = value.slice(0, 50).map((v) => String(v).slice(0, 80));
    else out[key] = value as AuditDetailValue;
  }
  return out;
}

export async function recordAudit(tx: Queryable, context: AuditContext, entry: AuditEntry): Promise<void> {
  const actor = context.actor;
  await tx.query(
    `INSERT INTO audit_event (request_id, actor_user_id, actor_role, actor_organisation_id, auth_method, action, resource_type, resource_id, coalition_id, outcome, source_address, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      context.requestId,
      actor?.userId ?? entry.subjectUserId ?? null,
      actor?.role ?? null,
      actor?.organisationId ?? null,
      actor?.authMethod ?? entry.authMethod ?? null,
      entry.action,
      entry.resourceType,
      entry.resourceId ?? null,
      entry.coalitionId ?? null,
      entry.outcome ?? 'success',
      context.address ?? null,
      JSON.stringify(cleanDetail(entry.detail)),
    ],
  );
}

export interface AuditEventRow {
  id: number;
  at: Date;
  request_id: string | null;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_organisation_id: string | null;
  actor_organisation_name: string | null;
  auth_method: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  coalition_id: string | null;
  outcome: AuditOutcome;
  source_address: string | null;
  detail: Record<string, unknown> | string;
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  organisation?: string | undefined;
  coalition?: string | undefined;
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
  /** Events older than this id (paging backwards in time). */
  before?: number | undefined;
  limit: number;
}

/** Events, newest first, with the actor's name and organisation for the reader. */
export async function queryAudit(db: Queryable, filter: AuditFilter): Promise<AuditEventRow[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string | number | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  add('e.at >= ?::timestamptz', filter.from);
  add('e.at < ?::timestamptz', filter.to);
  add('e.actor_user_id = ?::uuid', filter.actor);
  add('e.actor_organisation_id = ?::uuid', filter.organisation);
  add('e.coalition_id = ?::uuid', filter.coalition);
  add('e.resource_type = ?', filter.resourceType);
  add('e.resource_id = ?', filter.resourceId);
  add('e.action = ?', filter.action);
  add('e.outcome = ?', filter.outcome);
  add('e.id < ?', filter.before);
  params.push(filter.limit);
  const rows = await db.query<AuditEventRow>(
    `SELECT e.id, e.at, e.request_id, e.actor_user_id, u.email AS actor_email, u.name AS actor_name, e.actor_role,
            e.actor_organisation_id, o.name AS actor_organisation_name, e.auth_method, e.action, e.resource_type,
            e.resource_id, e.coalition_id, e.outcome, e.source_address, e.detail
     FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id LEFT JOIN organisation o ON o.id = e.actor_organisation_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY e.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
