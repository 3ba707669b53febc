// Coalitions in the database: reading a coalition's working data, and the consistency rules
// that need the database (a gemeente is in at most one coalition that has not stopped; parties,
// plan items and goals belong to the same coalition). Authorization happens in the routes,
// before any of this is called.

import type { Queryable } from '../platform/db.ts';
import type { OrganisationType } from '../auth/policy.ts';
import { badRequest } from '../http/errors.ts';
import { conflict } from '../auth/accounts.ts';
import type { BudgetLine, FundingRecord } from './funding.ts';
import { PARTNER_KINDS, type AgreementStatus, type CoalitionStatus, type FundingStatus, type PartnerKind, type PlanStatus } from './vocabulary.ts';

/** Serializes changes to which gemeenten coalitions cover (app-wide, across servers). */
const COVERAGE_LOCK = 736_120_019;

export interface CoalitionRecord {
  id: string;
  name: string;
  status: CoalitionStatus;
  statusSince: string;
  description: string | null;
  leadOrganisation: { id: string; name: string; type: OrganisationType };
  createdAt: Date;
  updatedAt: Date;
  gemeenten: { code: string; name: string; inhabitants: number }[];
}

/** One coalition; `lock` holds its row until the transaction ends (concurrent changes wait). */
export async function findCoalition(tx: Queryable, id: string, lock = false): Promise<CoalitionRecord | undefined> {
  const [row] = await tx.query<{
    id: string;
    name: string;
    status: CoalitionStatus;
    status_since: string;
    description: string | null;
    lead_id: string;
    lead_name: string;
    lead_type: OrganisationType;
    created_at: Date;
    updated_at: Date;
  }>(
    `SELECT c.id, c.name, c.status, c.status_since::text AS status_since, c.description, o.id AS lead_id, o.name AS lead_name, o.type AS lead_type, c.created_at, c.updated_at
     FROM coalition c JOIN organisation o ON o.id = c.lead_organisation_id WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [id],
  );
  if (!row) return undefined;
  const gemeenten = await tx.query<{ code: string; name: string; inhabitants: number }>(
    `SELECT a.code, a.name, a.inhabitants FROM coalition_area ca JOIN area a ON a.code = ca.area_code WHERE ca.coalition_id = $1 ORDER BY a.name`,
    [id],
  );
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    statusSince: row.status_since,
    description: row.description,
    leadOrganisation: { id: row.lead_id, name: row.lead_name, type: row.lead_type },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    gemeenten: gemeenten.map((g) => ({ ...g, inhabitants: Number(g.inhabitants) })),
  };
}

export interface CoalitionSummaryRow {
  id: string;
  name: string;
  status: CoalitionStatus;
  status_since: string;
  area_codes: string[] | null;
  area_names: string[] | null;
  partner_types: string[] | null;
}

/** Every coalition with its gemeenten and partner types: the public list and the overview. */
export async function listCoalitions(db: Queryable): Promise<CoalitionSummaryRow[]> {
  return db.query<CoalitionSummaryRow>(
    `SELECT c.id, c.name, c.status, c.status_since::text AS status_since,
            ARRAY(SELECT a.code FROM coalition_area ca JOIN area a ON a.code = ca.area_code WHERE ca.coalition_id = c.id ORDER BY a.name)::text[] AS area_codes,
            ARRAY(SELECT a.name FROM coalition_area ca JOIN area a ON a.code = ca.area_code WHERE ca.coalition_id = c.id ORDER BY a.name)::text[] AS area_names,
            ARRAY(SELECT DISTINCT p.partner_type FROM coalition_partner p WHERE p.coalition_id = c.id)::text[] AS partner_types
     FROM coalition c ORDER BY c.name, c.id`,
  );
}

/** Gemeenten of the current geography with their inhabitants. */
export async function listGemeenten(db: Queryable): Promise<{ code: string; name: string; inhabitants: number }[]> {
  const rows = await db.query<{ code: string; name: string; inhabitants: number }>(`SELECT code, name, inhabitants FROM area WHERE level = 'gemeente' ORDER BY sort_order`);
  return rows.map((r) => ({ ...r, inhabitants: Number(r.inhabitants) }));
}

/** Checks that the codes are gemeenten (400). */
export async function validateGemeenten(tx: Queryable, codes: readonly string[]): Promise<void> {
  const rows = await tx.query<{ code: string; level: string }>('SELECT code, level FROM area WHERE code = ANY($1::text[])', [[...codes]]);
  const unknown = codes.filter((c) => !rows.some((r) => r.code === c && r.level === 'gemeente'));
  if (unknown.length) throw badRequest(`field 'gemeenten': not a gemeente code: ${unknown.join(', ')}`, 'gemeenten');
}

/**
 * Checks that none of a coalition's gemeenten is in another coalition that has not stopped
 * (409). Takes the coverage lock first, so two coalitions cannot claim the same gemeente at the
 * same moment.
 */
export async function checkGemeenten(tx: Queryable, codes: readonly string[], exceptCoalitionId: string | undefined, status: CoalitionStatus): Promise<void> {
  if (status === 'gestopt') return;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [COVERAGE_LOCK]);
  const taken = await tx.query<{ area_code: string; name: string }>(
    `SELECT ca.area_code, c.name FROM coalition_area ca JOIN coalition c ON c.id = ca.coalition_id
     WHERE ca.area_code = ANY($1::text[]) AND c.status <> 'gestopt' AND c.id <> $2::uuid ORDER BY ca.area_code`,
    [[...codes], exceptCoalitionId ?? '00000000-0000-0000-0000-000000000000'],
  );
  if (taken.length) throw conflict(`already in another coalition: ${taken.map((t) => t.area_code).join(', ')}`, 'gemeenten');
}

export async function setGemeenten(tx: Queryable, coalitionId: string, codes: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM coalition_area WHERE coalition_id = $1 AND NOT (area_code = ANY($2::text[]))', [coalitionId, [...codes]]);
  await tx.query('INSERT INTO coalition_area (coalition_id, area_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [coalitionId, [...codes]]);
}

// ---------------------------------------------------------------------------------------------
// Working data

export interface PartnerRecord {
  id: string;
  type: PartnerKind;
  name: string;
  organisation: { id: string; name: string; type: OrganisationType } | null;
  joinedOn: string | null;
  note: string | null;
}

export async function partnersOf(tx: Queryable, coalitionId: string, partnerId?: string): Promise<PartnerRecord[]> {
  const rows = await tx.query<{ id: string; partner_type: PartnerKind; name: string; org_id: string | null; org_name: string | null; org_type: OrganisationType | null; joined_on: string | null; note: string | null }>(
    `SELECT p.id, p.partner_type, p.name, o.id AS org_id, o.name AS org_name, o.type AS org_type, p.joined_on::text AS joined_on, p.note
     FROM coalition_partner p LEFT JOIN organisation o ON o.id = p.organisation_id
     WHERE p.coalition_id = $1 ${partnerId ? 'AND p.id = $2' : ''} ORDER BY array_position($${partnerId ? 3 : 2}::text[], p.partner_type), p.name, p.id`,
    partnerId ? [coalitionId, partnerId, [...PARTNER_KINDS]] : [coalitionId, [...PARTNER_KINDS]],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.partner_type,
    name: r.name,
    organisation: r.org_id ? { id: r.org_id, name: r.org_name!, type: r.org_type! } : null,
    joinedOn: r.joined_on,
    note: r.note,
  }));
}

export interface AgreementRecord {
  id: string;
  subject: string;
  description: string | null;
  actionLine: 1 | 2 | 3;
  partyIds: string[];
  startDate: string | null;
  reviewDate: string | null;
  status: AgreementStatus;
  documentUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function agreementsOf(tx: Queryable, coalitionId: string, agreementId?: string): Promise<AgreementRecord[]> {
  const rows = await tx.query<{
    id: string;
    subject: string;
    description: string | null;
    action_line: number;
    party_ids: string[] | null;
    start_date: string | null;
    review_date: string | null;
    status: AgreementStatus;
    document_url: string | null;
    created_at: Date;
    updated_at: Date;
  }>(
    `SELECT a.id, a.subject, a.description, a.action_line, a.start_date::text AS start_date, a.review_date::text AS review_date, a.status, a.document_url, a.created_at, a.updated_at,
            ARRAY(SELECT p.partner_id::text FROM chain_agreement_party p WHERE p.agreement_id = a.id ORDER BY p.partner_id)::text[] AS party_ids
     FROM chain_agreement a WHERE a.coalition_id = $1 ${agreementId ? 'AND a.id = $2' : ''} ORDER BY a.action_line, a.start_date NULLS LAST, a.subject, a.id`,
    agreementId ? [coalitionId, agreementId] : [coalitionId],
  );
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    description: r.description,
    actionLine: r.action_line as 1 | 2 | 3,
    partyIds: r.party_ids ?? [],
    startDate: r.start_date,
    reviewDate: r.review_date,
    status: r.status,
    documentUrl: r.document_url,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export interface GoalRecord {
  id: string;
  nationalGoal: number;
  description: string;
  indicatorId: string | null;
  baselineValue: number | null;
  baselineYear: number | null;
  targetValue: number | null;
  targetYear: number | null;
}

export async function goalsOf(tx: Queryable, coalitionId: string, goalId?: string): Promise<GoalRecord[]> {
  const rows = await tx.query<{
    id: string;
    national_goal: number;
    description: string;
    indicator_id: string | null;
    baseline_value: number | null;
    baseline_year: number | null;
    target_value: number | null;
    target_year: number | null;
  }>(
    `SELECT id, national_goal, description, indicator_id, baseline_value, baseline_year, target_value, target_year
     FROM local_goal WHERE coalition_id = $1 ${goalId ? 'AND id = $2' : ''} ORDER BY national_goal, created_at, id`,
    goalId ? [coalitionId, goalId] : [coalitionId],
  );
  return rows.map((r) => ({
    id: r.id,
    nationalGoal: r.national_goal,
    description: r.description,
    indicatorId: r.indicator_id,
    baselineValue: r.baseline_value,
    baselineYear: r.baseline_year,
    targetValue: r.target_value,
    targetYear: r.target_year,
  }));
}

export interface PlanItemRecord {
  id: string;
  interventionId: string | null;
  title: string | null;
  description: string | null;
  targetReach: number | null;
  fundingRoute: string | null;
  status: PlanStatus;
  localGoalId: string | null;
}

export async function planOf(tx: Queryable, coalitionId: string, itemId?: string): Promise<PlanItemRecord[]> {
  const rows = await tx.query<{
    id: string;
    intervention_id: string | null;
    title: string | null;
    description: string | null;
    target_reach: number | null;
    funding_route: string | null;
    status: PlanStatus;
    local_goal_id: string | null;
  }>(
    `SELECT id, intervention_id, title, description, target_reach, funding_route, status, local_goal_id
     FROM plan_item WHERE coalition_id = $1 ${itemId ? 'AND id = $2' : ''} ORDER BY created_at, id`,
    itemId ? [coalitionId, itemId] : [coalitionId],
  );
  return rows.map((r) => ({
    id: r.id,
    interventionId: r.intervention_id,
    title: r.title,
    description: r.description,
    targetReach: r.target_reach,
    fundingRoute: r.funding_route,
    status: r.status,
    localGoalId: r.local_goal_id,
  }));
}

export interface UpdateRecord {
  id: string;
  date: string;
  text: string;
  author: { id: string; name: string; organisation: string };
  createdAt: Date;
}

export async function updatesOf(tx: Queryable, coalitionId: string): Promise<UpdateRecord[]> {
  const rows = await tx.query<{ id: string; update_date: string; body: string; author_id: string; author_name: string; organisation_name: string; created_at: Date }>(
    `SELECT p.id, p.update_date::text AS update_date, p.body, u.id AS author_id, u.name AS author_name, o.name AS organisation_name, p.created_at
     FROM progress_update p JOIN app_user u ON u.id = p.author_user_id JOIN organisation o ON o.id = u.organisation_id
     WHERE p.coalition_id = $1 ORDER BY p.update_date DESC, p.created_at DESC, p.id`,
    [coalitionId],
  );
  return rows.map((r) => ({ id: r.id, date: r.update_date, text: r.body, author: { id: r.author_id, name: r.author_name, organisation: r.organisation_name }, createdAt: r.created_at }));
}

export interface FundingApplicationRecord {
  id: string;
  coalitionId: string;
  coalitionName: string;
  amountCents: number;
  periodStart: string;
  periodEnd: string;
  purpose: string;
  status: FundingStatus;
  planItemIds: string[];
  submittedBy: string;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  grantedAmountCents: number | null;
  budgetLineId: string | null;
  budgetYear: number | null;
}

export async function fundingApplications(tx: Queryable, filter: { coalitionId?: string; id?: string; status?: string; year?: number; lock?: boolean }): Promise<FundingApplicationRecord[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.coalitionId) where.push(`f.coalition_id = $${params.push(filter.coalitionId)}`);
  if (filter.id) where.push(`f.id = $${params.push(filter.id)}`);
  if (filter.status) where.push(`f.status = $${params.push(filter.status)}`);
  if (filter.year) where.push(`COALESCE(f.budget_year, extract(year FROM f.period_start)::int) = $${params.push(filter.year)}`);
  const rows = await tx.query<{
    id: string;
    coalition_id: string;
    coalition_name: string;
    amount_cents: number;
    period_start: string;
    period_end: string;
    purpose: string;
    status: FundingStatus;
    plan_item_ids: string[] | null;
    submitted_by: string;
    submitted_at: Date;
    decided_by: string | null;
    decided_at: Date | null;
    decision_reason: string | null;
    granted_amount_cents: number | null;
    budget_line_id: string | null;
    budget_year: number | null;
  }>(
    `SELECT f.id, f.coalition_id, c.name AS coalition_name, f.amount_cents, f.period_start::text AS period_start, f.period_end::text AS period_end, f.purpose, f.status,
            ARRAY(SELECT i.plan_item_id::text FROM funding_application_item i WHERE i.application_id = f.id ORDER BY i.plan_item_id)::text[] AS plan_item_ids,
            su.name AS submitted_by, f.submitted_at, du.name AS decided_by, f.decided_at, f.decision_reason, f.granted_amount_cents, f.budget_line_id, f.budget_year
     FROM funding_application f JOIN coalition c ON c.id = f.coalition_id JOIN app_user su ON su.id = f.submitted_by LEFT JOIN app_user du ON du.id = f.decided_by
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.submitted_at DESC, f.id ${filter.lock ? 'FOR UPDATE OF f' : ''}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    coalitionId: r.coalition_id,
    coalitionName: r.coalition_name,
    amountCents: Number(r.amount_cents),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    purpose: r.purpose,
    status: r.status,
    planItemIds: r.plan_item_ids ?? [],
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    grantedAmountCents: r.granted_amount_cents === null ? null : Number(r.granted_amount_cents),
    budgetLineId: r.budget_line_id,
    budgetYear: r.budget_year,
  }));
}

export async function budgetLines(tx: Queryable, lock = false): Promise<(BudgetLine & { grantedCents: number })[]> {
  const rows = await tx.query<{ id: string; label_nl: string; label_en: string; from_year: number; to_year: number; amount_cents: number; source: string; granted: number }>(
    `SELECT l.id, l.label_nl, l.label_en, l.from_year, l.to_year, l.amount_cents, l.source,
            COALESCE((SELECT sum(f.granted_amount_cents) FROM funding_application f WHERE f.budget_line_id = l.id AND f.status = 'goedgekeurd'), 0)::float8 AS granted
     FROM funding_budget_line l ORDER BY l.from_year, l.id ${lock ? 'FOR UPDATE OF l' : ''}`,
  );
  return rows.map((r) => ({
    id: r.id,
    label: { nl: r.label_nl, en: r.label_en },
    fromYear: r.from_year,
    toYear: r.to_year,
    amountCents: Number(r.amount_cents),
    source: r.source,
    grantedCents: Number(r.granted),
  }));
}

export async function fundingRecords(tx: Queryable): Promise<FundingRecord[]> {
  const rows = await tx.query<{ status: FundingStatus; amount_cents: number; granted_amount_cents: number | null; budget_line_id: string | null; year: number }>(
    `SELECT status, amount_cents, granted_amount_cents, budget_line_id, COALESCE(budget_year, extract(year FROM period_start)::int) AS year FROM funding_application`,
  );
  return rows.map((r) => ({
    status: r.status,
    amountCents: Number(r.amount_cents),
    grantedAmountCents: r.granted_amount_cents === null ? null : Number(r.granted_amount_cents),
    budgetLineId: r.budget_line_id,
    year: Number(r.year),
  }));
}

/** Ids that are not records of this coalition in the table (for parties, plan items, goals). */
export async function foreignIds(tx: Queryable, table: 'coalition_partner' | 'plan_item' | 'local_goal', coalitionId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<{ id: string }>(`SELECT id::text AS id FROM ${table} WHERE coalition_id = $1 AND id = ANY($2::uuid[])`, [coalitionId, [...ids]]);
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export async function touchCoalition(tx: Queryable, coalitionId: string): Promise<void> {
  await tx.query('UPDATE coalition SET updated_at = now() WHERE id = $1', [coalitionId]);
}
