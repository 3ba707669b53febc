// What the coalition plan already covers of the analysis's recommendations. Pure: the
// recommendations and the plan items in, the coverage out; the route reads the plan (only for
// those the access policy lets read the coalition) and records that read.
//
// Three kinds of rows:
// - `planned`: a recommended intervention with at least one plan item that has not stopped;
// - `not-planned`: a recommended intervention without one (a stopped item is listed with it,
//   so the coordinator sees it was tried);
// - `not-recommended`: plan items whose intervention is not among the recommendations, and
//   free-text items (grouped per intervention; a free-text item without one on its own).
// A plan item counts for an intervention through its `interventionId`, or, for a free-text
// item, through the intervention its title names (`suggestedInterventionId`, as the coalition
// workspace suggests it: the name or an alias of a menukaart intervention).

import type { Text } from '../atlas/indicator-catalogue.ts';
import { PLAN_STATUS_LABELS, type CoalitionStatus, type PlanStatus } from '../coalities/vocabulary.ts';
import { FUNDING_LABELS, type FundingRoute } from '../menukaart/vocabulary.ts';
import type { Lang } from './format.ts';

export const PLAN_COVERAGE_KINDS = ['planned', 'not-planned', 'not-recommended'] as const;
export type PlanCoverageKind = (typeof PLAN_COVERAGE_KINDS)[number];

/** Why the list is as it is: `shown` (the plan was read), or why it is empty. */
export const PLAN_COVERAGE_REASONS = ['shown', 'signed-out', 'not-a-member', 'no-coalition'] as const;
export type PlanCoverageReason = (typeof PLAN_COVERAGE_REASONS)[number];

/** Plan statuses that do not put an intervention in the plan. */
const NOT_COVERING: ReadonlySet<PlanStatus> = new Set(['gestopt']);

export interface RecommendedIntervention {
  rank: number;
  intervention: { id: string; name: string };
}

export interface PlanItemInput {
  id: string;
  interventionId: string | null;
  /** For a free-text item whose title names a menukaart intervention: that intervention. */
  suggestedInterventionId: string | null;
  title: string | null;
  status: PlanStatus;
  targetReach: number | null;
  fundingRoute: string | null;
}

export interface CoveredPlanItem {
  id: string;
  title: string | null;
  /** How the item was matched to the intervention of its row: its link, or its title. */
  matchedBy: 'intervention' | 'title' | null;
  status: PlanStatus;
  statusLabel: Text;
  targetReach: number | null;
  fundingRoute: string | null;
  fundingRouteLabel: Text | null;
}

export interface PlanCoverageRow {
  coverage: PlanCoverageKind;
  /** The rank of the recommendation; null for plan items not recommended. */
  rank: number | null;
  /** The intervention; `name` null when it is no longer in the menukaart. Null for a free-text item. */
  intervention: { id: string; name: string | null } | null;
  /** The plan items for it (empty for a recommendation without any). */
  planItems: CoveredPlanItem[];
}

/** The public face of the coalition covering the gemeente (the national overview shows the same). */
export interface PlanCoalition {
  id: string;
  name: string;
  status: CoalitionStatus;
  statusLabel: Text;
}

export interface PlanCoverageNote extends Text {
  reason: PlanCoverageReason;
  coalition: PlanCoalition | null;
}

function itemView(item: PlanItemInput, matchedBy: CoveredPlanItem['matchedBy']): CoveredPlanItem {
  return {
    id: item.id,
    title: item.title,
    matchedBy,
    status: item.status,
    statusLabel: PLAN_STATUS_LABELS[item.status],
    targetReach: item.targetReach,
    fundingRoute: item.fundingRoute,
    fundingRouteLabel: item.fundingRoute ? (FUNDING_LABELS[item.fundingRoute as FundingRoute] ?? null) : null,
  };
}

const interventionOf = (item: PlanItemInput): string | null => item.interventionId ?? item.suggestedInterventionId;
const matchOf = (item: PlanItemInput): CoveredPlanItem['matchedBy'] => (item.interventionId ? 'intervention' : item.suggestedInterventionId ? 'title' : null);

/**
 * Classifies the recommendations and the plan items: planned and not yet planned
 * recommendations in rank order, then the plan items not recommended in plan order.
 * `nameOf` names an intervention of the menukaart (null when it is not, or no longer, in it).
 */
export function planCoverage(
  recommendations: readonly RecommendedIntervention[],
  plan: readonly PlanItemInput[],
  nameOf: (interventionId: string) => string | null,
): PlanCoverageRow[] {
  const byIntervention = new Map<string, PlanItemInput[]>();
  for (const item of plan) {
    const id = interventionOf(item);
    if (id) byIntervention.set(id, [...(byIntervention.get(id) ?? []), item]);
  }
  const recommended = new Set(recommendations.map((r) => r.intervention.id));
  const ranked = [...recommendations].sort((a, b) => a.rank - b.rank);
  const rows: PlanCoverageRow[] = ranked.map((r) => {
    const items = byIntervention.get(r.intervention.id) ?? [];
    return {
      coverage: items.some((i) => !NOT_COVERING.has(i.status)) ? 'planned' : 'not-planned',
      rank: r.rank,
      intervention: { id: r.intervention.id, name: r.intervention.name },
      planItems: items.map((i) => itemView(i, matchOf(i))),
    };
  });
  const other: PlanCoverageRow[] = [];
  const grouped = new Map<string, PlanCoverageRow>();
  for (const item of plan) {
    const id = interventionOf(item);
    if (id && recommended.has(id)) continue;
    if (!id) {
      other.push({ coverage: 'not-recommended', rank: null, intervention: null, planItems: [itemView(item, null)] });
      continue;
    }
    let row = grouped.get(id);
    if (!row) {
      row = { coverage: 'not-recommended', rank: null, intervention: { id, name: nameOf(id) }, planItems: [] };
      grouped.set(id, row);
      other.push(row);
    }
    row.planItems.push(itemView(item, matchOf(item)));
  }
  const order: Record<PlanCoverageKind, number> = { planned: 0, 'not-planned': 1, 'not-recommended': 2 };
  return [...rows.sort((a, b) => order[a.coverage] - order[b.coverage] || a.rank! - b.rank!), ...other];
}

const count = (rows: readonly PlanCoverageRow[], kind: PlanCoverageKind) => rows.filter((r) => r.coverage === kind).length;

function sentence(lang: Lang, reason: PlanCoverageReason, gemeente: string, coalition: PlanCoalition | null, rows: readonly PlanCoverageRow[]): string {
  const nl = lang === 'nl';
  const visible = nl
    ? 'Het plan van een coalitie is alleen zichtbaar voor haar partners en het programmateam'
    : "A coalition's plan is visible only to its partners and the programme team";
  if (reason === 'no-coalition' || !coalition) {
    return nl
      ? `${gemeente} hoort niet bij een coalitie (of alleen bij een die gestopt is): er is geen coalitieplan om de aanbevelingen mee te vergelijken.`
      : `${gemeente} is not part of a coalition (or only of one that has stopped): there is no coalition plan to compare the recommendations with.`;
  }
  const partOf = nl
    ? `${gemeente} hoort bij ${coalition.name} (${coalition.statusLabel.nl.toLowerCase()}).`
    : `${gemeente} is part of ${coalition.name} (${coalition.statusLabel.en.toLowerCase()}).`;
  if (reason === 'signed-out') {
    return nl ? `${partOf} ${visible}: log in om te zien welke aanbevolen interventies er al in staan.` : `${partOf} ${visible}: sign in to see which recommended interventions it already covers.`;
  }
  if (reason === 'not-a-member') {
    return nl ? `${partOf} Uw organisatie is geen partner in deze coalitie. ${visible}.` : `${partOf} Your organisation is not a partner in this coalition. ${visible}.`;
  }
  const planned = count(rows, 'planned');
  const notPlanned = count(rows, 'not-planned');
  const extra = rows.filter((r) => r.coverage === 'not-recommended').reduce((t, r) => t + r.planItems.length, 0);
  const total = planned + notPlanned;
  const parts = [partOf];
  if (nl) {
    parts.push(
      total === 0
        ? 'Er zijn geen aanbevolen interventies om met het plan te vergelijken.'
        : total === 1
          ? `De aanbevolen interventie staat ${planned === 1 ? 'al' : 'nog niet'} in het plan van de coalitie.`
          : `Van de ${total} aanbevolen interventies ${planned === 1 ? 'staat' : 'staan'} er ${planned} in het plan van de coalitie; ${notPlanned} nog niet.`,
    );
    parts.push(extra === 0 ? 'Alle onderdelen van het plan staan bij de aanbevelingen.' : `${extra} ${extra === 1 ? 'onderdeel' : 'onderdelen'} van het plan ${extra === 1 ? 'staat' : 'staan'} niet bij de aanbevelingen.`);
    parts.push(`${visible}.`);
  } else {
    parts.push(
      total === 0
        ? 'There are no recommended interventions to compare the plan with.'
        : total === 1
          ? `The recommended intervention is ${planned === 1 ? 'already' : 'not yet'} in the coalition's plan.`
          : `Of the ${total} recommended interventions, ${planned} ${planned === 1 ? 'is' : 'are'} in the coalition's plan; ${notPlanned} ${notPlanned === 1 ? 'is' : 'are'} not yet.`,
    );
    parts.push(extra === 0 ? 'Every plan item is among the recommendations.' : `${extra} plan ${extra === 1 ? 'item is' : 'items are'} not among the recommendations.`);
    parts.push(`${visible}.`);
  }
  return parts.join(' ');
}

/** The note that says what the list is, or why it is empty, in Dutch and English. */
export function planCoverageNote(reason: PlanCoverageReason, gemeente: string, coalition: PlanCoalition | null, rows: readonly PlanCoverageRow[] = []): PlanCoverageNote {
  return {
    reason,
    coalition,
    nl: sentence('nl', reason, gemeente, coalition, rows),
    en: sentence('en', reason, gemeente, coalition, rows),
  };
}
