// HTTP API v1 of the local coalitions: the public national overview, and the coalition
// workspace (partners, chain agreements, local goals, plan, progress updates, funding).
//
// Every route is the same pipeline: rate limit → auth → validate (registerRoutes) → transaction
// → authorize → change + audit → presenter (here). Ids under a coalition are looked up within
// that coalition only. Answers for ids (docs/coalities.md):
// - 403 when the role may never do this, whatever the id (checked before anything is loaded);
// - 404 for an unknown coalition id, or a sub-id that is not part of that coalition;
// - 403 for a coalition outside the actor's scope, whether or not the sub-id exists in it.
// Coalition ids are public (the national overview lists them); nothing else leaks across.

import { z } from 'zod';
import { defineRoute } from '../http/api.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { Platform } from '../platform/platform.ts';
import { Access, Forbidden, inTransaction } from '../auth/guard.ts';
import { conflict, findOrganisation } from '../auth/accounts.ts';
import type { Action, ResourceType } from '../auth/policy.ts';
import { INDICATORS } from '../atlas/indicator-catalogue.ts';
import { MenukaartService, type MenukaartContent } from '../menukaart/menukaart-store.ts';
import { FUNDING_LABELS, FUNDING_ROUTES } from '../menukaart/vocabulary.ts';
import {
  agreementsOf,
  budgetLines,
  checkGemeenten,
  validateGemeenten,
  findCoalition,
  foreignIds,
  fundingApplications,
  fundingRecords,
  goalsOf,
  listCoalitions,
  listGemeenten,
  partnersOf,
  planOf,
  setGemeenten,
  touchCoalition,
  updatesOf,
  type CoalitionRecord,
} from './coalition-store.ts';
import {
  agreementView,
  coalitionDetailView,
  fundingApplicationView,
  goalView,
  partnerTypeCheck,
  partnerView,
  planItemView,
  publicCoalitionView,
  updateView,
} from './coalition-views.ts';
import { chooseBudgetLine, fundingSummary } from './funding.ts';
import { nationalOverview } from './overview.ts';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_STATUS_LABELS,
  COALITION_STATUSES,
  COALITION_STATUS_LABELS,
  COVERAGE_LEVELS,
  FUNDING_STATUSES,
  FUNDING_STATUS_LABELS,
  NATIONAL_GOALS,
  PARTNER_KINDS,
  PARTNER_TYPES,
  PARTNER_TYPE_LABELS,
  PLAN_STATUSES,
  PLAN_STATUS_LABELS,
  type PartnerKind,
} from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Input schemas

const id = (what: string) => z.uuid(`must be the id (uuid) of ${what}`);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullish().transform((v) => (v ? v : v === undefined ? undefined : null));
const date = z.iso.date('must be a date YYYY-MM-DD');
const gemeenteCode = z.string().regex(/^GM\d{4}$/, 'must be a gemeente code such as GM0599');
const actionLine = z.union([z.literal(1), z.literal(2), z.literal(3)], 'must be 1, 2 or 3 (before, during, after pregnancy)');
const documentUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).max(1000, 'must be at most 1000 characters');
const year = z.number().int('must be a whole year').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier');
const euro = z
  .number('must be an amount in euros')
  .positive('must be more than 0')
  .max(10_000_000, 'must be at most 10,000,000')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'must have at most two decimals');
const uniqueIds = (what: string, min: number) =>
  z
    .array(id(what))
    .min(min, min === 1 ? 'needs at least one' : `needs at least ${min}`)
    .max(100, 'at most 100')
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id');

const coalitionBody = z.strictObject({
  name: text(200),
  status: z.enum(COALITION_STATUSES).default('verkennend'),
  description: optionalText(4000),
  gemeenten: z.array(gemeenteCode).min(1, 'needs at least one gemeente').max(60, 'at most 60 gemeenten'),
  leadOrganisationId: id('an organisation').optional().describe('The coordinating organisation; for a gemeente user always its own (the default)'),
});
const coalitionPatch = z.strictObject({
  name: text(200).optional(),
  status: z.enum(COALITION_STATUSES).optional(),
  description: optionalText(4000),
  gemeenten: z.array(gemeenteCode).min(1, 'needs at least one gemeente').max(60, 'at most 60 gemeenten').optional(),
});
const partnerBody = z.strictObject({
  type: z.enum(PARTNER_KINDS).optional().describe('One of the eight partner types, or overig; defaults to the linked organisation’s type'),
  name: text(200).optional().describe('Defaults to the linked organisation’s name'),
  organisationId: id('an organisation').nullish().describe('A registered organisation: its users become members of the coalition'),
  joinedOn: date.nullish(),
  note: optionalText(2000),
});
const agreementFields = {
  subject: text(300),
  description: optionalText(4000),
  actionLine,
  partyIds: uniqueIds('a partner of this coalition', 2).describe('The partners that made the agreement (at least two)'),
  startDate: date.nullish(),
  reviewDate: date.nullish(),
  status: z.enum(AGREEMENT_STATUSES),
  documentUrl: documentUrl.nullish(),
};
const agreementBody = z.strictObject(agreementFields);
const agreementPatch = z.strictObject({ ...agreementFields, subject: agreementFields.subject.optional(), actionLine: actionLine.optional(), partyIds: agreementFields.partyIds.optional(), status: agreementFields.status.optional() });
const goalFields = {
  nationalGoal: z.union([1, 2, 3, 4, 5, 6].map((n) => z.literal(n)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>], 'must be a national goal 1–6'),
  description: text(2000),
  indicatorId: z.string().max(60).nullish().describe('An atlas indicator, e.g. big2'),
  baselineValue: z.number().finite().nullish(),
  baselineYear: year.nullish(),
  targetValue: z.number().finite().nullish(),
  targetYear: year.nullish(),
};
const goalBody = z.strictObject(goalFields);
const goalPatch = z.strictObject({ ...goalFields, nationalGoal: goalFields.nationalGoal.optional(), description: goalFields.description.optional() });
const planFields = {
  interventionId: z.string().max(80).nullish().describe('An intervention of the menukaart (GET /api/v1/interventions/{id})'),
  title: optionalText(300).describe('Free text, for what is not (yet) in the menukaart'),
  description: optionalText(4000),
  targetReach: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000, 'must be at most 1,000,000').nullish().describe('Families or clients to reach per year'),
  fundingRoute: z.enum(FUNDING_ROUTES).nullish(),
  status: z.enum(PLAN_STATUSES).default('gepland'),
  localGoalId: id('a local goal of this coalition').nullish(),
};
const planBody = z.strictObject(planFields);
const planPatch = z.strictObject({ ...planFields, status: z.enum(PLAN_STATUSES).optional() });
const updateBody = z.strictObject({ date: date.optional().describe('Default: today'), text: text(4000) });
const fundingBody = z.strictObject({
  amount: euro.describe('Euros'),
  periodStart: date,
  periodEnd: date,
  purpose: text(4000),
  planItemIds: uniqueIds('a plan item of this coalition', 0).default([]),
});
const decisionBody = z.strictObject({
  decision: z.enum(['goedgekeurd', 'afgewezen']),
  reason: optionalText(4000).describe('Required when rejecting'),
  grantedAmount: euro.optional().describe('Default: the amount applied for'),
  budgetLineId: z.string().max(60).optional().describe('Default: the first budget line that covers the year and has room'),
  budgetYear: year.optional().describe('Default: the first year of the period'),
});

const coalitionParams = z.object({ coalitionId: id('a coalition') });
const sub = <K extends string>(key: K, what: string) => z.object({ coalitionId: id('a coalition'), [key]: id(what) } as { coalitionId: z.ZodUUID } & Record<K, z.ZodUUID>);

// ---------------------------------------------------------------------------------------------
// Response schemas (OpenAPI)

const t = { type: 'string' } as const;
const label = { type: 'object', properties: { nl: t, en: t } };
const nullable = (type: string) => ({ type: [type, 'null'] });
const partnerSchema = { type: 'object', properties: { id: t, type: { enum: [...PARTNER_KINDS] }, typeLabel: label, name: t, organisation: nullable('object'), joinedOn: nullable('string'), note: nullable('string') } };
const agreementSchema = {
  type: 'object',
  properties: { id: t, subject: t, description: nullable('string'), actionLine: { type: 'integer' }, partyIds: { type: 'array', items: t }, startDate: nullable('string'), reviewDate: nullable('string'), status: { enum: [...AGREEMENT_STATUSES] }, statusLabel: label, documentUrl: nullable('string') },
};
const goalSchema = {
  type: 'object',
  properties: { id: t, nationalGoal: { type: 'integer' }, nationalGoalText: label, description: t, indicator: nullable('object'), baselineValue: nullable('number'), baselineYear: nullable('integer'), targetValue: nullable('number'), targetYear: nullable('integer') },
};
const planSchema = {
  type: 'object',
  properties: {
    id: t,
    intervention: { type: ['object', 'null'], properties: { id: t, name: nullable('string'), withdrawn: { type: 'boolean' } } },
    title: nullable('string'),
    suggestedInterventionId: { type: ['string', 'null'], description: 'For a free-text item whose title names a menukaart intervention: the id to link' },
    description: nullable('string'),
    targetReach: nullable('integer'),
    fundingRoute: nullable('string'),
    status: { enum: [...PLAN_STATUSES] },
    localGoalId: nullable('string'),
  },
};
const updateSchema = { type: 'object', properties: { id: t, date: t, text: t, author: { type: 'object', properties: { name: t, organisation: t } }, createdAt: t } };
const fundingSchema = {
  type: 'object',
  properties: {
    id: t,
    coalition: { type: 'object', properties: { id: t, name: t } },
    amount: { type: 'number', description: 'Euros' },
    periodStart: t,
    periodEnd: t,
    purpose: t,
    planItemIds: { type: 'array', items: t },
    status: { enum: [...FUNDING_STATUSES] },
    statusLabel: label,
    submittedBy: t,
    submittedAt: t,
    decision: nullable('object'),
  },
};
const publicCoalitionSchema = { type: 'object', properties: { id: t, name: t, status: { enum: [...COALITION_STATUSES] }, statusLabel: label, statusSince: t, gemeenten: { type: 'array', items: { type: 'object', properties: { code: t, name: t } } } } };
const detailSchema = {
  type: 'object',
  properties: {
    ...publicCoalitionSchema.properties,
    description: nullable('string'),
    leadOrganisation: { type: 'object', properties: { id: t, name: t, type: t } },
    inhabitants: { type: 'integer' },
    partners: { type: 'array', items: partnerSchema },
    partnerTypes: { type: 'object', description: 'Which of the eight partner types are present and which are missing', properties: { present: { type: 'array', items: t }, missing: { type: 'array', items: { type: 'object', properties: { type: t, label } } } } },
    agreements: { type: 'array', items: agreementSchema },
    goals: { type: 'array', items: goalSchema },
    plan: { type: 'array', items: planSchema },
    updates: { type: 'array', items: updateSchema },
    fundingApplications: { type: ['array', 'null'], items: fundingSchema, description: 'null when the actor may not read them' },
    permissions: { type: 'object', description: 'What the actor may do here (from the access policy)' },
  },
};

// ---------------------------------------------------------------------------------------------

const todayInAmsterdam = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export function coalitieRoutes(platform: Platform) {
  const { db } = platform;
  const menukaart = new MenukaartService(db);
  const indicators = new Map(INDICATORS.map((i) => [i.id, i]));

  /**
   * The coalition a request is about, checked in the pipeline's order: may the role ever do
   * this (403) → does the coalition exist (404) → is it in the actor's scope (403). Locks the
   * coalition row for changes.
   */
  async function coalitionFor(access: Access, coalitionId: string, action: Action, type: ResourceType, subId?: string): Promise<CoalitionRecord> {
    access.checkRole(action, { type, coalitionId, id: subId });
    const coalition = await findCoalition(access.tx, coalitionId, action !== 'read');
    if (!coalition) throw notFound('no such coalition', 'coalitionId');
    access.check(action, { type, coalitionId, id: subId });
    return coalition;
  }

  // The menukaart is read before a transaction opens, never inside one: on PGlite (one
  // connection) a read outside the open transaction would wait for it forever.
  const detail = async (access: Access, coalition: CoalitionRecord, content: MenukaartContent) =>
    coalitionDetailView(
      {
        coalition,
        partners: await partnersOf(access.tx, coalition.id),
        agreements: await agreementsOf(access.tx, coalition.id),
        goals: await goalsOf(access.tx, coalition.id),
        plan: await planOf(access.tx, coalition.id),
        updates: await updatesOf(access.tx, coalition.id),
        funding: access.can('read', { type: 'funding-application', coalitionId: coalition.id }) ? await fundingApplications(access.tx, { coalitionId: coalition.id }) : undefined,
      },
      access,
      content,
      indicators,
    );

  function checkIntervention(content: MenukaartContent, interventionId: string | null | undefined) {
    if (!interventionId) return;
    if (!content.interventionById.has(interventionId)) throw badRequest(`field 'interventionId': '${interventionId}' is not an intervention of the menukaart (see /api/v1/interventions)`, 'interventionId');
  }

  function checkGoal(goal: { indicatorId?: string | null | undefined; targetValue?: number | null | undefined; targetYear?: number | null | undefined; baselineValue?: number | null | undefined; baselineYear?: number | null | undefined }) {
    if (goal.indicatorId && !indicators.has(goal.indicatorId)) throw badRequest(`field 'indicatorId': unknown indicator '${goal.indicatorId}' (see /api/v1/indicators)`, 'indicatorId');
    if (goal.targetValue != null && !goal.indicatorId) throw badRequest("field 'indicatorId': a target value needs its indicator", 'indicatorId');
    if (goal.targetValue != null && goal.targetYear == null) throw badRequest("field 'targetYear': a target value needs its year", 'targetYear');
    if (goal.baselineValue != null && goal.baselineYear == null) throw badRequest("field 'baselineYear': a baseline value needs its year", 'baselineYear');
    if (goal.baselineYear != null && goal.targetYear != null && goal.targetYear < goal.baselineYear) throw badRequest("field 'targetYear': must not be before the baseline year", 'targetYear');
  }

  /**
   * Gemeenten added to a coalition's coverage: each must be within the actor's scope for
   * `coalition-coverage` — for a gemeente user only its own gemeente (its organisation), for the
   * programme team any. Removing a gemeente claims nothing and needs no more than the update.
   */
  async function checkCoverage(access: Access, coalitionId: string | undefined, current: readonly string[], next: readonly string[]) {
    const added = next.filter((code) => !current.includes(code));
    if (added.length === 0) return;
    const owners = await access.tx.query<{ area_code: string; id: string }>(`SELECT area_code, id FROM organisation WHERE type = 'gemeente' AND area_code = ANY($1::text[])`, [[...added]]);
    const refused = added.filter((code) => !access.can('update', { type: 'coalition-coverage', coalitionId, organisationId: owners.find((o) => o.area_code === code)?.id }));
    if (refused.length) {
      throw new Forbidden('update', { type: 'coalition-coverage', coalitionId, id: coalitionId }, `not allowed to add ${refused.join(', ')}: a gemeente adds only itself (its coordinator, once the gemeente is a partner), or the programme team does`, 'gemeenten');
    }
  }

  function checkDates(start: string | null | undefined, end: string | null | undefined, field: string) {
    if (start && end && end < start) throw badRequest(`field '${field}': must not be before the start date`, field);
  }

  async function checkOwn(access: Access, table: 'coalition_partner' | 'plan_item' | 'local_goal', coalitionId: string, ids: readonly string[], field: string) {
    const foreign = await foreignIds(access.tx, table, coalitionId, ids);
    if (foreign.length) throw badRequest(`field '${field}': not part of this coalition: ${foreign.join(', ')}`, field);
  }

  /** A partner's type and name from the linked organisation where not given. */
  async function resolvePartner(access: Access, body: { type?: PartnerKind | undefined; name?: string | undefined; organisationId?: string | null | undefined }) {
    if (!body.organisationId) {
      if (!body.type) throw badRequest("field 'type': needs a partner type (or an organisationId)", 'type');
      if (!body.name) throw badRequest("field 'name': needs a name (or an organisationId)", 'name');
      return { type: body.type, name: body.name, organisationId: null };
    }
    const organisation = await findOrganisation(access.tx, body.organisationId);
    if (!organisation) throw badRequest("field 'organisationId': no such organisation", 'organisationId');
    if (organisation.type === 'programmateam') throw badRequest("field 'organisationId': the programme team is not a coalition partner", 'organisationId');
    const type = body.type ?? (organisation.type as PartnerKind);
    if (type !== organisation.type && !(type === 'overig' && organisation.type === 'overig')) {
      throw badRequest(`field 'type': the organisation is of type '${organisation.type}', not '${type}'`, 'type');
    }
    return { type, name: body.name ?? organisation.name, organisationId: organisation.id };
  }

  return [
    // Public ---------------------------------------------------------------------------------
    defineRoute({
      method: 'GET',
      path: '/api/v1/coalitions/overview',
      tag: 'coalities',
      summary: 'National overview: coalition status per gemeente (for the map), counts per status and partner type, coverage of the country',
      description: 'Public. Coverage is given at three levels: active coalitions; active or being formed; any stage except stopped.',
      response: {
        type: 'object',
        properties: {
          statuses: { type: 'array', items: { type: 'object', properties: { id: t, label } } },
          gemeenten: { type: 'array', items: { type: 'object', properties: { code: t, name: t, inhabitants: { type: 'integer' }, status: { type: ['string', 'null'], enum: [...COALITION_STATUSES, null] }, coalition: nullable('object') } } },
          coalitions: { type: 'object', properties: { total: { type: 'integer' }, running: { type: 'integer' }, byStatus: { type: 'object' }, withAllEightPartnerTypes: { type: 'integer' } } },
          gemeentenByStatus: { type: 'object', description: 'Gemeenten per status of their coalition; `geen`: without one' },
          partnerTypes: { type: 'array', items: { type: 'object', properties: { type: t, label, coalitions: { type: 'integer', description: 'Coalitions (not stopped) with at least one partner of this type' } } } },
          coverage: { type: 'array', items: { type: 'object', properties: { id: t, statuses: { type: 'array', items: t }, label, gemeenten: { type: 'object' }, inhabitants: { type: 'object' } } } },
        },
      },
      handler: async ({ request }) =>
        inTransaction(db, request, async (access) => {
          access.check('read', { type: 'national-overview' });
          const coalitions = await listCoalitions(access.tx);
          return nationalOverview(
            await listGemeenten(access.tx),
            coalitions.map((c) => ({ id: c.id, name: c.name, status: c.status, areaCodes: c.area_codes ?? [], partnerTypes: c.partner_types ?? [] })),
          );
        }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/coalitions',
      tag: 'coalities',
      summary: 'All coalitions: name, status and gemeenten (public)',
      response: { type: 'array', items: publicCoalitionSchema },
      handler: async ({ request }) =>
        inTransaction(db, request, async (access) => {
          access.check('read', { type: 'national-overview' });
          return (await listCoalitions(access.tx)).map(publicCoalitionView);
        }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/coalitions/vocabulary',
      tag: 'coalities',
      summary: 'The words of the coalition workspace: statuses, the eight partner types, the six national goals, agreement, plan and funding statuses, funding routes',
      response: { type: 'object' },
      handler: async ({ request }) =>
        inTransaction(db, request, async (access) => {
          access.check('read', { type: 'national-overview' });
          const labelled = <T extends string>(ids: readonly T[], labels: Record<T, { nl: string; en: string }>) => ids.map((id) => ({ id, label: labels[id] }));
          return {
            coalitionStatuses: labelled(COALITION_STATUSES, COALITION_STATUS_LABELS),
            partnerTypes: labelled(PARTNER_TYPES, PARTNER_TYPE_LABELS),
            partnerKinds: labelled(PARTNER_KINDS, PARTNER_TYPE_LABELS),
            nationalGoals: NATIONAL_GOALS,
            agreementStatuses: labelled(AGREEMENT_STATUSES, AGREEMENT_STATUS_LABELS),
            planStatuses: labelled(PLAN_STATUSES, PLAN_STATUS_LABELS),
            fundingStatuses: labelled(FUNDING_STATUSES, FUNDING_STATUS_LABELS),
            fundingRoutes: labelled(FUNDING_ROUTES, FUNDING_LABELS),
            coverageLevels: COVERAGE_LEVELS,
          };
        }),
    }),

    // The workspace ----------------------------------------------------------------------------
    defineRoute({
      method: 'GET',
      path: '/api/v1/coalitions/mine',
      tag: 'coalities',
      auth: 'session',
      summary: 'The coalitions the actor may open (the programme team: all), with what they lack',
      response: {
        type: 'array',
        items: { type: 'object', properties: { ...publicCoalitionSchema.properties, partnerTypes: { type: 'object' }, counts: { type: 'object' } } },
      },
      handler: async ({ request }) =>
        inTransaction(db, request, async (access) => {
          const all = await listCoalitions(access.tx);
          const mine = all.filter((c) => access.can('read', { type: 'coalition', coalitionId: c.id, id: c.id }));
          const ids = mine.map((c) => c.id);
          const counts = await access.tx.query<{ coalition_id: string; agreements: number; goals: number; plan: number; updates: number; last_update: string | null }>(
            `SELECT c.id AS coalition_id,
                    (SELECT count(*)::int FROM chain_agreement a WHERE a.coalition_id = c.id) AS agreements,
                    (SELECT count(*)::int FROM local_goal g WHERE g.coalition_id = c.id) AS goals,
                    (SELECT count(*)::int FROM plan_item p WHERE p.coalition_id = c.id) AS plan,
                    (SELECT count(*)::int FROM progress_update u WHERE u.coalition_id = c.id) AS updates,
                    (SELECT max(u.update_date)::text FROM progress_update u WHERE u.coalition_id = c.id) AS last_update
             FROM coalition c WHERE c.id = ANY($1::uuid[])`,
            [ids],
          );
          await access.audit('read', { type: 'coalition' }, { count: mine.length });
          return mine.map((c) => {
            const n = counts.find((r) => r.coalition_id === c.id);
            return {
              ...publicCoalitionView(c),
              partnerTypes: partnerTypeCheck(c.partner_types ?? []),
              counts: { agreements: n?.agreements ?? 0, goals: n?.goals ?? 0, plan: n?.plan ?? 0, updates: n?.updates ?? 0, lastUpdate: n?.last_update ?? null },
            };
          });
        }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions',
      tag: 'coalities',
      auth: 'session',
      successStatus: 201,
      summary: 'Register a coalition (a gemeente for itself, or the programme team for a lead organisation)',
      description:
        "A gemeente user's organisation leads the coalition and must be one of its gemeenten; the lead organisation becomes its first partner. " +
        'A gemeente can be in only one coalition that has not stopped (409).',
      body: coalitionBody,
      response: detailSchema,
      errors: { 409: 'A gemeente is already in another coalition' },
      handler: async ({ body, request, actor }) => {
        const content = await menukaart.current();
        return inTransaction(db, request, async (access) => {
          access.checkRole('create', { type: 'coalition' });
          const leadId = body.leadOrganisationId ?? (actor.role === 'programma' ? undefined : actor.organisationId);
          if (!leadId) throw badRequest("field 'leadOrganisationId': name the organisation that leads the coalition", 'leadOrganisationId');
          access.check('create', { type: 'coalition', organisationId: leadId });
          const lead = await findOrganisation(access.tx, leadId);
          if (!lead) throw badRequest("field 'leadOrganisationId': no such organisation", 'leadOrganisationId');
          if (lead.type === 'programmateam') throw badRequest("field 'leadOrganisationId': the programme team does not lead a coalition", 'leadOrganisationId');
          const gemeenten = [...new Set(body.gemeenten)];
          if (lead.type === 'gemeente' && !gemeenten.includes(lead.area_code!)) throw badRequest(`field 'gemeenten': must include the lead gemeente ${lead.area_code}`, 'gemeenten');
          await validateGemeenten(access.tx, gemeenten);
          await checkCoverage(access, undefined, [], gemeenten);
          await checkGemeenten(access.tx, gemeenten, undefined, body.status);
          const [row] = await access.tx.query<{ id: string }>('INSERT INTO coalition (name, status, description, lead_organisation_id) VALUES ($1, $2, $3, $4) RETURNING id', [
            body.name,
            body.status,
            body.description ?? null,
            lead.id,
          ]);
          const coalitionId = row!.id;
          await setGemeenten(access.tx, coalitionId, gemeenten);
          await access.tx.query('INSERT INTO coalition_partner (coalition_id, partner_type, name, organisation_id, joined_on) VALUES ($1, $2, $3, $4, CURRENT_DATE)', [
            coalitionId,
            (PARTNER_KINDS as readonly string[]).includes(lead.type) ? lead.type : 'overig',
            lead.name,
            lead.id,
          ]);
          await access.audit('create', { type: 'coalition', id: coalitionId, coalitionId }, { status: body.status, gemeenten });
          // The lead organisation is now a partner: the actor's view of the new coalition includes that.
          const member = actor.organisationId === lead.id ? { ...actor, coalitionIds: new Set([...actor.coalitionIds, coalitionId]) } : actor;
          return detail(new Access(access.tx, { ...access.context, actor: member }), (await findCoalition(access.tx, coalitionId))!, content);
        });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/coalitions/:coalitionId',
      tag: 'coalities',
      auth: 'session',
      summary: "A coalition's working data: gemeenten, partners and missing partner types, chain agreements, local goals, plan, progress updates, funding",
      description: 'For its members and the programme team; every read is in the audit trail.',
      params: coalitionParams,
      response: detailSchema,
      handler: async ({ params, request }) => {
        const content = await menukaart.current();
        return inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'read', 'coalition', params.coalitionId);
          await access.audit('read', { type: 'coalition', id: coalition.id, coalitionId: coalition.id });
          return detail(access, coalition, content);
        });
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/v1/coalitions/:coalitionId',
      tag: 'coalities',
      auth: 'session',
      summary: 'Change a coalition: name, status, description, gemeenten',
      params: coalitionParams,
      body: coalitionPatch,
      response: detailSchema,
      errors: { 409: 'A gemeente is already in another coalition' },
      handler: async ({ params, body, request }) => {
        const content = await menukaart.current();
        return inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'update', 'coalition', params.coalitionId);
          const status = body.status ?? coalition.status;
          const gemeenten = body.gemeenten ? [...new Set(body.gemeenten)] : coalition.gemeenten.map((g) => g.code);
          const lead = (await findOrganisation(access.tx, coalition.leadOrganisation.id))!;
          if (body.gemeenten && lead.type === 'gemeente' && !gemeenten.includes(lead.area_code!)) throw badRequest(`field 'gemeenten': must include the lead gemeente ${lead.area_code}`, 'gemeenten');
          if (body.gemeenten) {
            await validateGemeenten(access.tx, gemeenten);
            await checkCoverage(access, coalition.id, coalition.gemeenten.map((g) => g.code), gemeenten);
          }
          if (body.gemeenten || (coalition.status === 'gestopt' && status !== 'gestopt')) await checkGemeenten(access.tx, gemeenten, coalition.id, status);
          await access.tx.query(
            `UPDATE coalition SET name = $2, status = $3, description = $4, updated_at = now(),
               status_since = CASE WHEN status = $3 THEN status_since ELSE CURRENT_DATE END WHERE id = $1`,
            [coalition.id, body.name ?? coalition.name, status, body.description === undefined ? coalition.description : body.description],
          );
          if (body.gemeenten) await setGemeenten(access.tx, coalition.id, gemeenten);
          await access.audit('update', { type: 'coalition', id: coalition.id, coalitionId: coalition.id }, {
            fields: Object.keys(body),
            ...(body.status && body.status !== coalition.status ? { statusFrom: coalition.status, statusTo: body.status } : {}),
            ...(body.gemeenten ? { gemeenten } : {}),
          });
          return detail(access, (await findCoalition(access.tx, coalition.id))!, content);
        });
      },
    }),

    // Partners -------------------------------------------------------------------------------
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions/:coalitionId/partners',
      tag: 'coalities',
      auth: 'session',
      successStatus: 201,
      summary: 'Add a partner (by type; optionally a registered organisation, whose users then become members)',
      params: coalitionParams,
      body: partnerBody,
      response: partnerSchema,
      errors: { 409: 'The organisation is already a partner' },
      handler: async ({ params, body, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'create', 'coalition-partner');
          const partner = await resolvePartner(access, body);
          if (partner.organisationId) {
            const [dup] = await access.tx.query('SELECT 1 FROM coalition_partner WHERE coalition_id = $1 AND organisation_id = $2', [coalition.id, partner.organisationId]);
            if (dup) throw conflict('the organisation is already a partner', 'organisationId');
          }
          const [row] = await access.tx.query<{ id: string }>(
            'INSERT INTO coalition_partner (coalition_id, partner_type, name, organisation_id, joined_on, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
            [coalition.id, partner.type, partner.name, partner.organisationId, body.joinedOn ?? null, body.note ?? null],
          );
          await touchCoalition(access.tx, coalition.id);
          await access.audit('create', { type: 'coalition-partner', id: row!.id, coalitionId: coalition.id }, { partnerType: partner.type, organisation: partner.organisationId });
          return partnerView((await partnersOf(access.tx, coalition.id, row!.id))[0]!);
        }),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/v1/coalitions/:coalitionId/partners/:partnerId',
      tag: 'coalities',
      auth: 'session',
      summary: 'Change a partner',
      params: sub('partnerId', 'a partner'),
      body: partnerBody,
      response: partnerSchema,
      errors: { 409: 'The organisation is already a partner, or the lead organisation cannot be unlinked' },
      handler: async ({ params, body, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'update', 'coalition-partner', params.partnerId);
          const [current] = await partnersOf(access.tx, coalition.id, params.partnerId);
          if (!current) throw notFound('no such partner in this coalition', 'partnerId');
          const organisationId = body.organisationId === undefined ? (current.organisation?.id ?? null) : body.organisationId;
          if (current.organisation?.id === coalition.leadOrganisation.id && organisationId !== current.organisation.id) throw conflict('the lead organisation stays linked to its coalition', 'organisationId');
          const partner = await resolvePartner(access, { type: body.type ?? (body.organisationId ? undefined : current.type), name: body.name ?? (body.organisationId ? undefined : current.name), organisationId });
          if (partner.organisationId && partner.organisationId !== current.organisation?.id) {
            const [dup] = await access.tx.query('SELECT 1 FROM coalition_partner WHERE coalition_id = $1 AND organisation_id = $2', [coalition.id, partner.organisationId]);
            if (dup) throw conflict('the organisation is already a partner', 'organisationId');
          }
          await access.tx.query('UPDATE coalition_partner SET partner_type = $3, name = $4, organisation_id = $5, joined_on = $6, note = $7 WHERE id = $1 AND coalition_id = $2', [
            current.id,
            coalition.id,
            partner.type,
            partner.name,
            partner.organisationId,
            body.joinedOn === undefined ? current.joinedOn : body.joinedOn,
            body.note === undefined ? current.note : body.note,
          ]);
          await touchCoalition(access.tx, coalition.id);
          await access.audit('update', { type: 'coalition-partner', id: current.id, coalitionId: coalition.id }, { fields: Object.keys(body), organisation: partner.organisationId });
          return partnerView((await partnersOf(access.tx, coalition.id, current.id))[0]!);
        }),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/v1/coalitions/:coalitionId/partners/:partnerId',
      tag: 'coalities',
      auth: 'session',
      successStatus: 204,
      summary: 'Remove a partner (not while it is party to a chain agreement, and never the lead organisation)',
      params: sub('partnerId', 'a partner'),
      errors: { 409: 'The partner is party to a chain agreement, or is the lead organisation' },
      handler: async ({ params, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'delete', 'coalition-partner', params.partnerId);
          const [current] = await partnersOf(access.tx, coalition.id, params.partnerId);
          if (!current) throw notFound('no such partner in this coalition', 'partnerId');
          if (current.organisation?.id === coalition.leadOrganisation.id) throw conflict('the lead organisation cannot be removed from its coalition', 'partnerId');
          const [party] = await access.tx.query('SELECT 1 FROM chain_agreement_party WHERE partner_id = $1', [current.id]);
          if (party) throw conflict('the partner is party to a chain agreement: change the agreement first', 'partnerId');
          await access.tx.query('DELETE FROM coalition_partner WHERE id = $1 AND coalition_id = $2', [current.id, coalition.id]);
          await touchCoalition(access.tx, coalition.id);
          await access.audit('delete', { type: 'coalition-partner', id: current.id, coalitionId: coalition.id }, { partnerType: current.type });
        }),
    }),

    // Chain agreements -----------------------------------------------------------------------
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions/:coalitionId/agreements',
      tag: 'coalities',
      auth: 'session',
      successStatus: 201,
      summary: 'Record a chain agreement (ketenafspraak) between partners',
      params: coalitionParams,
      body: agreementBody,
      response: agreementSchema,
      handler: async ({ params, body, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'create', 'chain-agreement');
          checkDates(body.startDate, body.reviewDate, 'reviewDate');
          await checkOwn(access, 'coalition_partner', coalition.id, body.partyIds, 'partyIds');
          const [row] = await access.tx.query<{ id: string }>(
            `INSERT INTO chain_agreement (coalition_id, subject, description, action_line, start_date, review_date, status, document_url)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [coalition.id, body.subject, body.description ?? null, body.actionLine, body.startDate ?? null, body.reviewDate ?? null, body.status, body.documentUrl ?? null],
          );
          await access.tx.query('INSERT INTO chain_agreement_party (agreement_id, coalition_id, partner_id) SELECT $1, $2, unnest($3::uuid[])', [row!.id, coalition.id, body.partyIds]);
          await touchCoalition(access.tx, coalition.id);
          await access.audit('create', { type: 'chain-agreement', id: row!.id, coalitionId: coalition.id }, { status: body.status, actionLine: body.actionLine, parties: body.partyIds.length });
          return agreementView((await agreementsOf(access.tx, coalition.id, row!.id))[0]!);
        }),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/v1/coalitions/:coalitionId/agreements/:agreementId',
      tag: 'coalities',
      auth: 'session',
      summary: 'Change a chain agreement',
      params: sub('agreementId', 'a chain agreement'),
      body: agreementPatch,
      response: agreementSchema,
      handler: async ({ params, body, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'update', 'chain-agreement', params.agreementId);
          const [current] = await agreementsOf(access.tx, coalition.id, params.agreementId);
          if (!current) throw notFound('no such chain agreement in this coalition', 'agreementId');
          const next = {
            subject: body.subject ?? current.subject,
            description: body.description === undefined ? current.description : body.description,
            actionLine: body.actionLine ?? current.actionLine,
            startDate: body.startDate === undefined ? current.startDate : body.startDate,
            reviewDate: body.reviewDate === undefined ? current.reviewDate : body.reviewDate,
            status: body.status ?? current.status,
            documentUrl: body.documentUrl === undefined ? current.documentUrl : body.documentUrl,
          };
          checkDates(next.startDate, next.reviewDate, 'reviewDate');
          if (body.partyIds) await checkOwn(access, 'coalition_partner', coalition.id, body.partyIds, 'partyIds');
          await access.tx.query(
            `UPDATE chain_agreement SET subject = $3, description = $4, action_line = $5, start_date = $6, review_date = $7, status = $8, document_url = $9, updated_at = now()
             WHERE id = $1 AND coalition_id = $2`,
            [current.id, coalition.id, next.subject, next.description, next.actionLine, next.startDate, next.reviewDate, next.status, next.documentUrl],
          );
          if (body.partyIds) {
            await access.tx.query('DELETE FROM chain_agreement_party WHERE agreement_id = $1', [current.id]);
            await access.tx.query('INSERT INTO chain_agreement_party (agreement_id, coalition_id, partner_id) SELECT $1, $2, unnest($3::uuid[])', [current.id, coalition.id, body.partyIds]);
          }
          await touchCoalition(access.tx, coalition.id);
          await access.audit('update', { type: 'chain-agreement', id: current.id, coalitionId: coalition.id }, { fields: Object.keys(body), status: next.status });
          return agreementView((await agreementsOf(access.tx, coalition.id, current.id))[0]!);
        }),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/v1/coalitions/:coalitionId/agreements/:agreementId',
      tag: 'coalities',
      auth: 'session',
      successStatus: 204,
      summary: 'Remove a chain agreement (one that ended stays on record better with status beeindigd)',
      params: sub('agreementId', 'a chain agreement'),
      handler: async ({ params, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'delete', 'chain-agreement', params.agreementId);
          const [current] = await agreementsOf(access.tx, coalition.id, params.agreementId);
          if (!current) throw notFound('no such chain agreement in this coalition', 'agreementId');
          await access.tx.query('DELETE FROM chain_agreement WHERE id = $1 AND coalition_id = $2', [current.id, coalition.id]);
          await touchCoalition(access.tx, coalition.id);
          await access.audit('delete', { type: 'chain-agreement', id: current.id, coalitionId: coalition.id });
        }),
    }),

    // Local goals ----------------------------------------------------------------------------
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions/:coalitionId/goals',
      tag: 'coalities',
      auth: 'session',
      successStatus: 201,
      summary: 'Set a local goal under one of the six national goals, with an atlas indicator and a target',
      params: coalitionParams,
      body: goalBody,
      response: goalSchema,
      handler: async ({ params, body, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'create', 'local-goal');
          checkGoal(body);
          const [row] = await access.tx.query<{ id: string }>(
            `INSERT INTO local_goal (coalition_id, national_goal, description, indicator_id, baseline_value, baseline_year, target_value, target_year)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [coalition.id, body.nationalGoal, body.description, body.indicatorId ?? null, body.baselineValue ?? null, body.baselineYear ?? null, body.targetValue ?? null, body.targetYear ?? null],
          );
          await touchCoalition(access.tx, coalition.id);
          await access.audit('create', { type: 'local-goal', id: row!.id, coalitionId: coalition.id }, { nationalGoal: body.nationalGoal, indicator: body.indicatorId ?? null });
          return goalView((await goalsOf(access.tx, coalition.id, row!.id))[0]!, indicators);
        }),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/v1/coalitions/:coalitionId/goals/:goalId',
      tag: 'coalities',
      auth: 'session',
      summary: 'Change a local goal',
      params: sub('goalId', 'a local goal'),
      body: goalPatch,
      response: goalSchema,
      handler: async ({ params, body, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'update', 'local-goal', params.goalId);
          const [current] = await goalsOf(access.tx, coalition.id, params.goalId);
          if (!current) throw notFound('no such local goal in this coalition', 'goalId');
          const pick = <K extends keyof typeof body & keyof typeof current>(key: K) => (body[key] === undefined ? current[key] : body[key]);
          const next = {
            nationalGoal: pick('nationalGoal'),
            description: pick('description'),
            indicatorId: pick('indicatorId'),
            baselineValue: pick('baselineValue'),
            baselineYear: pick('baselineYear'),
            targetValue: pick('targetValue'),
            targetYear: pick('targetYear'),
          };
          checkGoal(next);
          await access.tx.query(
            `UPDATE local_goal SET national_goal = $3, description = $4, indicator_id = $5, baseline_value = $6, baseline_year = $7, target_value = $8, target_year = $9, updated_at = now()
             WHERE id = $1 AND coalition_id = $2`,
            [current.id, coalition.id, next.nationalGoal!, next.description!, next.indicatorId ?? null, next.baselineValue ?? null, next.baselineYear ?? null, next.targetValue ?? null, next.targetYear ?? null],
          );
          await touchCoalition(access.tx, coalition.id);
          await access.audit('update', { type: 'local-goal', id: current.id, coalitionId: coalition.id }, { fields: Object.keys(body) });
          return goalView((await goalsOf(access.tx, coalition.id, current.id))[0]!, indicators);
        }),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/v1/coalitions/:coalitionId/goals/:goalId',
      tag: 'coalities',
      auth: 'session',
      successStatus: 204,
      summary: 'Remove a local goal (plan items that pointed to it keep their place, without a goal)',
      params: sub('goalId', 'a local goal'),
      handler: async ({ params, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'delete', 'local-goal', params.goalId);
          const [current] = await goalsOf(access.tx, coalition.id, params.goalId);
          if (!current) throw notFound('no such local goal in this coalition', 'goalId');
          await access.tx.query('DELETE FROM local_goal WHERE id = $1 AND coalition_id = $2', [current.id, coalition.id]);
          await touchCoalition(access.tx, coalition.id);
          await access.audit('delete', { type: 'local-goal', id: current.id, coalitionId: coalition.id });
        }),
    }),

    // Plan -----------------------------------------------------------------------------------
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions/:coalitionId/plan-items',
      tag: 'coalities',
      auth: 'session',
      successStatus: 201,
      summary: 'Add to the plan: an intervention from the menukaart (or free text) with target reach, funding route and status',
      params: coalitionParams,
      body: planBody,
      response: planSchema,
      handler: async ({ params, body, request }) => {
        const content = await menukaart.current();
        return inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'create', 'plan-item');
          if (!body.interventionId && !body.title) throw badRequest("field 'title': needs an interventionId from the menukaart or a title", 'title');
          checkIntervention(content, body.interventionId);
          if (body.localGoalId) await checkOwn(access, 'local_goal', coalition.id, [body.localGoalId], 'localGoalId');
          const [row] = await access.tx.query<{ id: string }>(
            `INSERT INTO plan_item (coalition_id, intervention_id, title, description, target_reach, funding_route, status, local_goal_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [coalition.id, body.interventionId ?? null, body.title ?? null, body.description ?? null, body.targetReach ?? null, body.fundingRoute ?? null, body.status, body.localGoalId ?? null],
          );
          await touchCoalition(access.tx, coalition.id);
          await access.audit('create', { type: 'plan-item', id: row!.id, coalitionId: coalition.id }, { intervention: body.interventionId ?? null, status: body.status });
          return planItemView((await planOf(access.tx, coalition.id, row!.id))[0]!, content);
        });
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/v1/coalitions/:coalitionId/plan-items/:planItemId',
      tag: 'coalities',
      auth: 'session',
      summary: 'Change a plan item (e.g. link a free-text item to its menukaart intervention)',
      params: sub('planItemId', 'a plan item'),
      body: planPatch,
      response: planSchema,
      handler: async ({ params, body, request }) => {
        const content = await menukaart.current();
        return inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'update', 'plan-item', params.planItemId);
          const [current] = await planOf(access.tx, coalition.id, params.planItemId);
          if (!current) throw notFound('no such plan item in this coalition', 'planItemId');
          const pick = <K extends keyof typeof body & keyof typeof current>(key: K) => (body[key] === undefined ? current[key] : body[key]);
          const next = {
            interventionId: pick('interventionId'),
            title: pick('title'),
            description: pick('description'),
            targetReach: pick('targetReach'),
            fundingRoute: pick('fundingRoute'),
            status: pick('status'),
            localGoalId: pick('localGoalId'),
          };
          if (!next.interventionId && !next.title) throw badRequest("field 'title': needs an interventionId from the menukaart or a title", 'title');
          if (body.interventionId) checkIntervention(content, body.interventionId);
          if (body.localGoalId) await checkOwn(access, 'local_goal', coalition.id, [body.localGoalId], 'localGoalId');
          await access.tx.query(
            `UPDATE plan_item SET intervention_id = $3, title = $4, description = $5, target_reach = $6, funding_route = $7, status = $8, local_goal_id = $9, updated_at = now()
             WHERE id = $1 AND coalition_id = $2`,
            [current.id, coalition.id, next.interventionId ?? null, next.title ?? null, next.description ?? null, next.targetReach ?? null, next.fundingRoute ?? null, next.status!, next.localGoalId ?? null],
          );
          await touchCoalition(access.tx, coalition.id);
          await access.audit('update', { type: 'plan-item', id: current.id, coalitionId: coalition.id }, { fields: Object.keys(body), status: next.status ?? null });
          return planItemView((await planOf(access.tx, coalition.id, current.id))[0]!, content);
        });
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/v1/coalitions/:coalitionId/plan-items/:planItemId',
      tag: 'coalities',
      auth: 'session',
      successStatus: 204,
      summary: 'Remove a plan item (not while a funding application names it)',
      params: sub('planItemId', 'a plan item'),
      errors: { 409: 'A funding application names this plan item' },
      handler: async ({ params, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'delete', 'plan-item', params.planItemId);
          const [current] = await planOf(access.tx, coalition.id, params.planItemId);
          if (!current) throw notFound('no such plan item in this coalition', 'planItemId');
          const [funded] = await access.tx.query('SELECT 1 FROM funding_application_item WHERE plan_item_id = $1', [current.id]);
          if (funded) throw conflict('a funding application names this plan item: set its status to gestopt instead', 'planItemId');
          await access.tx.query('DELETE FROM plan_item WHERE id = $1 AND coalition_id = $2', [current.id, coalition.id]);
          await touchCoalition(access.tx, coalition.id);
          await access.audit('delete', { type: 'plan-item', id: current.id, coalitionId: coalition.id });
        }),
    }),

    // Progress updates -----------------------------------------------------------------------
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions/:coalitionId/updates',
      tag: 'coalities',
      auth: 'session',
      successStatus: 201,
      summary: 'Post a progress update (dated, with its author); updates are a log: a correction is a new update',
      params: coalitionParams,
      body: updateBody,
      response: updateSchema,
      handler: async ({ params, body, request, actor }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'create', 'progress-update');
          const date = body.date ?? todayInAmsterdam();
          if (date > todayInAmsterdam()) throw badRequest("field 'date': must not be in the future", 'date');
          const [row] = await access.tx.query<{ id: string }>('INSERT INTO progress_update (coalition_id, update_date, body, author_user_id) VALUES ($1, $2, $3, $4) RETURNING id', [
            coalition.id,
            date,
            body.text,
            actor.userId,
          ]);
          await touchCoalition(access.tx, coalition.id);
          await access.audit('create', { type: 'progress-update', id: row!.id, coalitionId: coalition.id }, { date });
          return updateView((await updatesOf(access.tx, coalition.id)).find((u) => u.id === row!.id)!);
        }),
    }),

    // Funding (impuls) -----------------------------------------------------------------------
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions/:coalitionId/funding-applications',
      tag: 'funding',
      auth: 'session',
      successStatus: 201,
      summary: 'Apply for the impuls: amount, period, purpose and the plan items it pays for',
      params: coalitionParams,
      body: fundingBody,
      response: fundingSchema,
      errors: { 409: 'The coalition has stopped' },
      handler: async ({ params, body, request, actor }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'create', 'funding-application');
          if (coalition.status === 'gestopt') throw conflict('the coalition has stopped');
          checkDates(body.periodStart, body.periodEnd, 'periodEnd');
          await checkOwn(access, 'plan_item', coalition.id, body.planItemIds, 'planItemIds');
          const [row] = await access.tx.query<{ id: string }>(
            `INSERT INTO funding_application (coalition_id, amount_cents, period_start, period_end, purpose, status, submitted_by) VALUES ($1, $2, $3, $4, $5, 'ingediend', $6) RETURNING id`,
            [coalition.id, Math.round(body.amount * 100), body.periodStart, body.periodEnd, body.purpose, actor.userId],
          );
          await access.tx.query('INSERT INTO funding_application_item (application_id, coalition_id, plan_item_id) SELECT $1, $2, unnest($3::uuid[])', [row!.id, coalition.id, body.planItemIds]);
          await access.audit('create', { type: 'funding-application', id: row!.id, coalitionId: coalition.id }, { amount: body.amount, planItems: body.planItemIds.length });
          return fundingApplicationView((await fundingApplications(access.tx, { id: row!.id }))[0]!);
        }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/coalitions/:coalitionId/funding-applications/:applicationId',
      tag: 'funding',
      auth: 'session',
      summary: 'One funding application with its decision',
      params: sub('applicationId', 'a funding application'),
      response: fundingSchema,
      handler: async ({ params, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'read', 'funding-application', params.applicationId);
          const [application] = await fundingApplications(access.tx, { coalitionId: coalition.id, id: params.applicationId });
          if (!application) throw notFound('no such funding application in this coalition', 'applicationId');
          await access.audit('read', { type: 'funding-application', id: application.id, coalitionId: coalition.id });
          return fundingApplicationView(application);
        }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions/:coalitionId/funding-applications/:applicationId/withdraw',
      tag: 'funding',
      auth: 'session',
      summary: 'Withdraw an application that has not been decided',
      params: sub('applicationId', 'a funding application'),
      response: fundingSchema,
      errors: { 409: 'The application has been decided or withdrawn already' },
      handler: async ({ params, request }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'withdraw', 'funding-application', params.applicationId);
          const [application] = await fundingApplications(access.tx, { coalitionId: coalition.id, id: params.applicationId, lock: true });
          if (!application) throw notFound('no such funding application in this coalition', 'applicationId');
          if (application.status !== 'ingediend') throw conflict(`the application is ${application.status}`);
          await access.tx.query(`UPDATE funding_application SET status = 'ingetrokken' WHERE id = $1`, [application.id]);
          await access.audit('withdraw', { type: 'funding-application', id: application.id, coalitionId: coalition.id });
          return fundingApplicationView((await fundingApplications(access.tx, { id: application.id }))[0]!);
        }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/coalitions/:coalitionId/funding-applications/:applicationId/decision',
      tag: 'funding',
      auth: 'session',
      summary: 'Approve or reject an application (programme team), with a reason; an approval counts on a budget line',
      params: sub('applicationId', 'a funding application'),
      body: decisionBody,
      response: fundingSchema,
      errors: { 409: 'Decided already, or the budget line has not enough left' },
      handler: async ({ params, body, request, actor }) =>
        inTransaction(db, request, async (access) => {
          const coalition = await coalitionFor(access, params.coalitionId, 'decide', 'funding-application', params.applicationId);
          const [application] = await fundingApplications(access.tx, { coalitionId: coalition.id, id: params.applicationId, lock: true });
          if (!application) throw notFound('no such funding application in this coalition', 'applicationId');
          if (application.status !== 'ingediend') throw conflict(`the application is ${application.status}`);
          if (body.decision === 'afgewezen') {
            if (!body.reason) throw badRequest("field 'reason': a rejection needs its reason", 'reason');
            await access.tx.query(`UPDATE funding_application SET status = 'afgewezen', decided_by = $2, decided_at = now(), decision_reason = $3 WHERE id = $1`, [application.id, actor.userId, body.reason]);
          } else {
            const granted = Math.round((body.grantedAmount ?? application.amountCents / 100) * 100);
            if (granted > application.amountCents) throw badRequest("field 'grantedAmount': must not be more than the amount applied for", 'grantedAmount');
            const budgetYear = body.budgetYear ?? Number(application.periodStart.slice(0, 4));
            // Lock the budget lines: two approvals at once cannot both spend the last euros.
            const lines = await budgetLines(access.tx, true);
            const line = body.budgetLineId ? lines.find((l) => l.id === body.budgetLineId) : chooseBudgetLine(lines, budgetYear, granted);
            if (body.budgetLineId && !line) throw badRequest(`field 'budgetLineId': unknown budget line '${body.budgetLineId}'`, 'budgetLineId');
            if (!line) throw conflict(`no budget line covering ${budgetYear} has ${granted / 100} euros left`, 'budgetYear');
            if (budgetYear < line.fromYear || budgetYear > line.toYear) throw badRequest(`field 'budgetYear': budget line '${line.id}' covers ${line.fromYear}–${line.toYear}`, 'budgetYear');
            if (line.amountCents - line.grantedCents < granted) throw conflict(`budget line '${line.id}' has ${(line.amountCents - line.grantedCents) / 100} euros left`, 'grantedAmount');
            await access.tx.query(
              `UPDATE funding_application SET status = 'goedgekeurd', decided_by = $2, decided_at = now(), decision_reason = $3, granted_amount_cents = $4, budget_line_id = $5, budget_year = $6 WHERE id = $1`,
              [application.id, actor.userId, body.reason ?? null, granted, line.id, budgetYear],
            );
          }
          await access.audit('decide', { type: 'funding-application', id: application.id, coalitionId: coalition.id }, { decision: body.decision });
          return fundingApplicationView((await fundingApplications(access.tx, { id: application.id }))[0]!);
        }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/funding-applications',
      tag: 'funding',
      auth: 'session',
      summary: 'All funding applications, for review (programme team)',
      query: z.object({ status: z.enum(FUNDING_STATUSES).optional(), year: z.coerce.number().int().min(2000).max(2100).optional().describe('Budget year (or first year of the period)') }),
      response: { type: 'array', items: fundingSchema },
      handler: async ({ query, request }) =>
        inTransaction(db, request, async (access) => {
          access.check('read', { type: 'funding-overview' });
          const rows = await fundingApplications(access.tx, { status: query.status, year: query.year });
          await access.audit('read', { type: 'funding-overview' }, { count: rows.length });
          return rows.map(fundingApplicationView);
        }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/funding/summary',
      tag: 'funding',
      auth: 'session',
      summary: 'Totals per year and per budget line against the budget (programme team)',
      description: 'Budget lines: €41 million for 2018–2021 and €2.5 million extra from 2020. A line spans several years; per year the answer gives what was granted, what is pending, and the budget of the lines covering it.',
      response: {
        type: 'object',
        properties: {
          budgetLines: { type: 'array', items: { type: 'object', properties: { id: t, label, fromYear: { type: 'integer' }, toYear: { type: 'integer' }, amount: { type: 'number' }, granted: { type: 'number' }, remaining: { type: 'number' } } } },
          years: { type: 'array', items: { type: 'object' } },
          totals: { type: 'object', properties: { budget: { type: 'number' }, granted: { type: 'number' }, remaining: { type: 'number' }, pending: { type: 'number' } } },
        },
      },
      handler: async ({ request }) =>
        inTransaction(db, request, async (access) => {
          access.check('read', { type: 'funding-overview' });
          const summary = fundingSummary(await budgetLines(access.tx), await fundingRecords(access.tx));
          await access.audit('read', { type: 'funding-overview' }, { view: 'summary' });
          return summary;
        }),
    }),
  ];
}
