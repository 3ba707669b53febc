// Presenters of the coalition workspace: database records in, API shapes out. What a coalition
// shows depends on who asks: funding applications only to those the policy lets read them, and
// `permissions` tells the screens which buttons to offer.

import type { Access } from '../auth/guard.ts';
import type { IndicatorDefinition } from '../atlas/indicator-catalogue.ts';
import type { MenukaartContent } from '../menukaart/menukaart-store.ts';
import { FUNDING_LABELS, type FundingRoute } from '../menukaart/vocabulary.ts';
import type {
  AgreementRecord,
  CoalitionRecord,
  CoalitionSummaryRow,
  FundingApplicationRecord,
  GoalRecord,
  PartnerRecord,
  PlanItemRecord,
  UpdateRecord,
} from './coalition-store.ts';
import { euros } from './funding.ts';
import {
  AGREEMENT_STATUS_LABELS,
  COALITION_STATUS_LABELS,
  FUNDING_STATUS_LABELS,
  NATIONAL_GOALS,
  PARTNER_TYPES,
  PARTNER_TYPE_LABELS,
  PLAN_STATUS_LABELS,
} from './vocabulary.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Which of the eight partner types a coalition has, and which it still lacks. */
export function partnerTypeCheck(types: readonly string[]) {
  return {
    present: PARTNER_TYPES.filter((t) => types.includes(t)),
    missing: PARTNER_TYPES.filter((t) => !types.includes(t)).map((t) => ({ type: t, label: PARTNER_TYPE_LABELS[t] })),
  };
}

/** The public face of a coalition: name, status and gemeenten. */
export function publicCoalitionView(c: CoalitionSummaryRow) {
  const codes = c.area_codes ?? [];
  const names = c.area_names ?? [];
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    statusLabel: COALITION_STATUS_LABELS[c.status],
    statusSince: c.status_since,
    gemeenten: codes.map((code, k) => ({ code, name: names[k] ?? code })),
  };
}

export function partnerView(p: PartnerRecord) {
  return { id: p.id, type: p.type, typeLabel: PARTNER_TYPE_LABELS[p.type], name: p.name, organisation: p.organisation, joinedOn: p.joinedOn, note: p.note };
}

export function agreementView(a: AgreementRecord) {
  return {
    id: a.id,
    subject: a.subject,
    description: a.description,
    actionLine: a.actionLine,
    partyIds: a.partyIds,
    startDate: a.startDate,
    reviewDate: a.reviewDate,
    status: a.status,
    statusLabel: AGREEMENT_STATUS_LABELS[a.status],
    documentUrl: a.documentUrl,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

export function goalView(g: GoalRecord, indicators: ReadonlyMap<string, IndicatorDefinition>) {
  const indicator = g.indicatorId ? indicators.get(g.indicatorId) : undefined;
  const national = NATIONAL_GOALS.find((n) => n.id === g.nationalGoal);
  return {
    id: g.id,
    nationalGoal: g.nationalGoal,
    nationalGoalText: national?.text ?? null,
    description: g.description,
    indicator: g.indicatorId ? { id: g.indicatorId, name: indicator?.name ?? null, unit: indicator ? (indicator.multiplier === 100 ? '%' : `per ${indicator.multiplier}`) : null } : null,
    baselineValue: g.baselineValue,
    baselineYear: g.baselineYear,
    targetValue: g.targetValue,
    targetYear: g.targetYear,
  };
}

const normalize = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** A free-text plan item whose title is the name (or an alias) of a menukaart intervention: the link to offer. */
export function suggestedIntervention(title: string | null, menukaart: MenukaartContent): string | null {
  if (!title) return null;
  const wanted = normalize(title);
  for (const i of menukaart.interventions) {
    if ([i.content.name, ...i.content.aliases].some((n) => normalize(n) === wanted)) return i.content.id;
  }
  return null;
}

export function planItemView(p: PlanItemRecord, menukaart: MenukaartContent) {
  const intervention = p.interventionId ? menukaart.interventionById.get(p.interventionId) : undefined;
  return {
    id: p.id,
    intervention: p.interventionId ? { id: p.interventionId, name: intervention?.content.name ?? null, withdrawn: !intervention } : null,
    title: p.title,
    suggestedInterventionId: p.interventionId ? null : suggestedIntervention(p.title, menukaart),
    description: p.description,
    targetReach: p.targetReach,
    fundingRoute: p.fundingRoute,
    fundingRouteLabel: p.fundingRoute ? (FUNDING_LABELS[p.fundingRoute as FundingRoute] ?? null) : null,
    status: p.status,
    statusLabel: PLAN_STATUS_LABELS[p.status],
    localGoalId: p.localGoalId,
  };
}

export function updateView(u: UpdateRecord) {
  return { id: u.id, date: u.date, text: u.text, author: { name: u.author.name, organisation: u.author.organisation }, createdAt: iso(u.createdAt) };
}

export function fundingApplicationView(f: FundingApplicationRecord) {
  return {
    id: f.id,
    coalition: { id: f.coalitionId, name: f.coalitionName },
    amount: euros(f.amountCents),
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    purpose: f.purpose,
    planItemIds: f.planItemIds,
    status: f.status,
    statusLabel: FUNDING_STATUS_LABELS[f.status],
    submittedBy: f.submittedBy,
    submittedAt: iso(f.submittedAt),
    decision:
      f.status === 'goedgekeurd' || f.status === 'afgewezen'
        ? { by: f.decidedBy, at: iso(f.decidedAt), reason: f.decisionReason, grantedAmount: f.grantedAmountCents === null ? null : euros(f.grantedAmountCents), budgetLineId: f.budgetLineId, budgetYear: f.budgetYear }
        : null,
  };
}

/** What the actor may do in this coalition, from the policy: for the screens' buttons. */
export function coalitionPermissions(access: Access, coalitionId: string) {
  const can = (action: Parameters<Access['can']>[0], type: Parameters<Access['can']>[1]['type']) => access.can(action, { type, coalitionId });
  const cud = (type: 'coalition-partner' | 'chain-agreement' | 'local-goal' | 'plan-item') => ({ create: can('create', type), update: can('update', type), delete: can('delete', type) });
  return {
    update: can('update', 'coalition'),
    partners: cud('coalition-partner'),
    agreements: cud('chain-agreement'),
    goals: cud('local-goal'),
    plan: cud('plan-item'),
    updates: { create: can('create', 'progress-update') },
    funding: { read: can('read', 'funding-application'), create: can('create', 'funding-application'), withdraw: can('withdraw', 'funding-application'), decide: can('decide', 'funding-application') },
  };
}

export interface CoalitionDetail {
  coalition: CoalitionRecord;
  partners: PartnerRecord[];
  agreements: AgreementRecord[];
  goals: GoalRecord[];
  plan: PlanItemRecord[];
  updates: UpdateRecord[];
  funding: FundingApplicationRecord[] | undefined;
}

/** The coalition's working data, for its members and the programme team. */
export function coalitionDetailView(d: CoalitionDetail, access: Access, menukaart: MenukaartContent, indicators: ReadonlyMap<string, IndicatorDefinition>) {
  const c = d.coalition;
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    statusLabel: COALITION_STATUS_LABELS[c.status],
    statusSince: c.statusSince,
    description: c.description,
    leadOrganisation: c.leadOrganisation,
    gemeenten: c.gemeenten,
    inhabitants: c.gemeenten.reduce((t, g) => t + g.inhabitants, 0),
    partners: d.partners.map(partnerView),
    partnerTypes: partnerTypeCheck(d.partners.map((p) => p.type)),
    agreements: d.agreements.map(agreementView),
    goals: d.goals.map((g) => goalView(g, indicators)),
    plan: d.plan.map((p) => planItemView(p, menukaart)),
    updates: d.updates.map(updateView),
    fundingApplications: d.funding ? d.funding.map(fundingApplicationView) : null,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    permissions: coalitionPermissions(access, c.id),
  };
}
