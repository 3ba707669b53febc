// HTTP API v1 of the audit trail: read and export (CSV), by the programme team only. Reading
// and exporting the trail are themselves recorded in it.

import { z } from 'zod';
import { defineRoute } from '../http/api.ts';
import type { Platform } from '../platform/platform.ts';
import { inTransaction } from '../auth/guard.ts';
import { queryAudit, type AuditEventRow, type AuditFilter } from './audit.ts';

const filters = {
  from: z.iso.datetime({ offset: true, message: 'must be a date-time, e.g. 2026-01-31T00:00:00Z' }).or(z.iso.date('must be a date YYYY-MM-DD')).optional().describe('From this moment (inclusive)'),
  to: z.iso.datetime({ offset: true, message: 'must be a date-time, e.g. 2026-01-31T00:00:00Z' }).or(z.iso.date('must be a date YYYY-MM-DD')).optional().describe('Up to this moment (exclusive)'),
  actor: z.uuid('must be an account id').optional().describe('Events by this account'),
  organisation: z.uuid('must be an organisation id').optional().describe('Events by users of this organisation (on whose behalf)'),
  coalition: z.uuid('must be a coalition id').optional().describe('Events about this coalition'),
  resourceType: z.string().max(40).optional(),
  resourceId: z.string().max(80).optional(),
  action: z.string().max(40).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
};

function eventView(e: AuditEventRow) {
  return {
    id: e.id,
    at: new Date(e.at).toISOString(),
    requestId: e.request_id,
    actor: e.actor_user_id ? { id: e.actor_user_id, email: e.actor_email, name: e.actor_name, role: e.actor_role } : null,
    onBehalfOf: e.actor_organisation_id ? { id: e.actor_organisation_id, name: e.actor_organisation_name } : null,
    authMethod: e.auth_method,
    action: e.action,
    resource: { type: e.resource_type, id: e.resource_id },
    coalitionId: e.coalition_id,
    outcome: e.outcome,
    sourceAddress: e.source_address,
    detail: typeof e.detail === 'string' ? (JSON.parse(e.detail) as Record<string, unknown>) : e.detail,
  };
}

const CSV_COLUMNS = ['id', 'at', 'request_id', 'actor_user_id', 'actor_email', 'actor_name', 'actor_role', 'actor_organisation_id', 'actor_organisation', 'auth_method', 'action', 'resource_type', 'resource_id', 'coalition_id', 'outcome', 'source_address', 'detail'] as const;

/** One CSV field: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function auditCsv(events: readonly AuditEventRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of events) {
    const detail = typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail);
    const row = [e.id, new Date(e.at).toISOString(), e.request_id, e.actor_user_id, e.actor_email, e.actor_name, e.actor_role, e.actor_organisation_id, e.actor_organisation_name, e.auth_method, e.action, e.resource_type, e.resource_id, e.coalition_id, e.outcome, e.source_address, detail];
    lines.push(row.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const eventSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string' },
    requestId: { type: ['string', 'null'] },
    actor: { type: ['object', 'null'], properties: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } },
    onBehalfOf: { type: ['object', 'null'], description: 'The organisation the actor acted for' },
    authMethod: { type: ['string', 'null'] },
    action: { type: 'string' },
    resource: { type: 'object', properties: { type: { type: 'string' }, id: { type: ['string', 'null'] } } },
    coalitionId: { type: ['string', 'null'] },
    outcome: { enum: ['success', 'denied', 'failure'] },
    sourceAddress: { type: ['string', 'null'] },
    detail: { type: 'object', description: 'Coded facts only (changed field names, statuses, counts); never payloads' },
  },
};

export function auditRoutes(platform: Platform) {
  const { db } = platform;
  const filterOf = (query: Omit<AuditFilter, 'limit'>, limit: number): AuditFilter => ({ ...query, limit });
  const usedFilters = (query: Record<string, unknown>) => Object.keys(query).filter((k) => query[k] !== undefined);
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/audit-events',
      tag: 'audit',
      auth: 'session',
      summary: 'The audit trail, newest first (programme team)',
      description: 'Page backwards with `before` = the `nextBefore` of the previous page.',
      query: z.object({
        ...filters,
        before: z.coerce.number().int().positive().optional().describe('Only events with a smaller id'),
        limit: z.coerce.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
      }),
      response: { type: 'object', properties: { events: { type: 'array', items: eventSchema }, nextBefore: { type: ['integer', 'null'] } } },
      handler: async ({ query, request }) =>
        inTransaction(db, request, async (access) => {
          access.check('read', { type: 'audit-event' });
          const events = await queryAudit(access.tx, filterOf(query, query.limit));
          await access.audit('read', { type: 'audit-event' }, { count: events.length, filters: usedFilters(query) });
          return { events: events.map(eventView), nextBefore: events.length === query.limit ? events[events.length - 1]!.id : null };
        }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/audit-events/export',
      tag: 'audit',
      auth: 'session',
      summary: 'Export the audit trail as CSV (programme team)',
      description: 'UTF-8 with BOM, comma-separated, CRLF; at most 100,000 events, newest first; `detail` as JSON. Fields starting with = + - @ get a leading apostrophe.',
      query: z.object({ ...filters, limit: z.coerce.number().int().min(1).max(100_000, 'must be at most 100000').default(100_000) }),
      contentType: 'text/csv; charset=utf-8',
      response: { type: 'string' },
      handler: async ({ query, request, reply }) =>
        inTransaction(db, request, async (access) => {
          access.check('export', { type: 'audit-event' });
          const events = await queryAudit(access.tx, filterOf(query, query.limit));
          await access.audit('export', { type: 'audit-event' }, { count: events.length, filters: usedFilters(query) });
          reply.header('content-disposition', `attachment; filename="kansrijk-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
          reply.header('cache-control', 'no-store');
          return auditCsv(events);
        }),
    }),
  ];
}
