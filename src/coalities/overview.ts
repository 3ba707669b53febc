// The national overview of local coalitions, as a pure function of the gemeenten and the
// coalitions: the status per gemeente (for the map), counts per status and per partner type,
// and the coverage of the country in gemeenten and in inhabitants ("landelijk dekkende
// verdeling"). Everything here is public.

import {
  COALITION_STATUSES,
  COALITION_STATUS_LABELS,
  COVERAGE_LEVELS,
  PARTNER_TYPES,
  PARTNER_TYPE_LABELS,
  STATUS_RANK,
  type CoalitionStatus,
  type PartnerType,
} from './vocabulary.ts';

export interface OverviewGemeente {
  code: string;
  name: string;
  inhabitants: number;
}

export interface OverviewCoalition {
  id: string;
  name: string;
  status: CoalitionStatus;
  areaCodes: readonly string[];
  /** Types of its partners (any number of each). */
  partnerTypes: readonly string[];
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function nationalOverview(gemeenten: readonly OverviewGemeente[], coalitions: readonly OverviewCoalition[]) {
  // The furthest coalition per gemeente (a gemeente is in at most one coalition that has not stopped).
  const best = new Map<string, OverviewCoalition>();
  for (const c of coalitions) {
    for (const code of c.areaCodes) {
      const current = best.get(code);
      if (!current || STATUS_RANK[c.status] > STATUS_RANK[current.status]) best.set(code, c);
    }
  }
  const perGemeente = gemeenten.map((g) => {
    const c = best.get(g.code);
    return { code: g.code, name: g.name, inhabitants: g.inhabitants, status: c?.status ?? null, coalition: c ? { id: c.id, name: c.name } : null };
  });

  const coalitionsByStatus = Object.fromEntries(COALITION_STATUSES.map((s) => [s, coalitions.filter((c) => c.status === s).length])) as Record<CoalitionStatus, number>;
  const gemeentenByStatus = { ...Object.fromEntries(COALITION_STATUSES.map((s) => [s, perGemeente.filter((g) => g.status === s).length])), geen: perGemeente.filter((g) => g.status === null).length };

  const running = coalitions.filter((c) => c.status !== 'gestopt');
  const partnerTypes = PARTNER_TYPES.map((type) => ({
    type,
    label: PARTNER_TYPE_LABELS[type],
    coalitions: running.filter((c) => c.partnerTypes.includes(type)).length,
  }));
  const complete = running.filter((c) => PARTNER_TYPES.every((t: PartnerType) => c.partnerTypes.includes(t))).length;

  const totalInhabitants = gemeenten.reduce((t, g) => t + g.inhabitants, 0);
  const coverage = COVERAGE_LEVELS.map((level) => {
    const covered = perGemeente.filter((g) => g.status !== null && level.statuses.includes(g.status));
    const inhabitants = covered.reduce((t, g) => t + g.inhabitants, 0);
    return {
      id: level.id,
      statuses: level.statuses,
      label: level.label,
      gemeenten: { covered: covered.length, total: gemeenten.length, share: share(covered.length, gemeenten.length) },
      inhabitants: { covered: inhabitants, total: totalInhabitants, share: share(inhabitants, totalInhabitants) },
    };
  });

  return {
    statuses: COALITION_STATUSES.map((s) => ({ id: s, label: COALITION_STATUS_LABELS[s] })),
    gemeenten: perGemeente,
    coalitions: { total: coalitions.length, running: running.length, byStatus: coalitionsByStatus, withAllEightPartnerTypes: complete },
    gemeentenByStatus,
    partnerTypes,
    coverage,
  };
}
