// Presenters of the menukaart API: pure functions of the loaded content.

import { notFound } from '../http/errors.ts';
import type { MenukaartContent, StoredIntervention } from './menukaart-store.ts';
import { facetCounts, filterInterventions, type InterventionFilters } from './filter.ts';
import {
  ACTION_LINE_LABELS,
  CONFIDENCE_LABELS,
  FUNDING_LABELS,
  PHASE_LABELS,
  RECOGNITION_LABELS,
  RISK_DOMAIN_LABELS,
} from './vocabulary.ts';

/** One intervention as listed: its content plus the labels of its coded fields. */
export function interventionView(stored: StoredIntervention) {
  const i = stored.content;
  return {
    ...i,
    labels: {
      phases: i.phases.map((p) => PHASE_LABELS[p]),
      actionLines: i.actionLines.map((a) => ACTION_LINE_LABELS[a]),
      recognition: RECOGNITION_LABELS[i.recognition.level],
      recognitionConfidence: CONFIDENCE_LABELS[i.recognition.confidence],
      funding: i.funding.map((f) => ({ route: FUNDING_LABELS[f.route], confidence: CONFIDENCE_LABELS[f.confidence] })),
    },
  };
}

/** The indicators that point to any of these risk factors, with the shared ones. */
function linkedIndicators(content: MenukaartContent, riskFactors: readonly string[]) {
  return content.links
    .map((l) => ({ indicator: l.indicator, riskFactors: l.riskFactors.filter((rf) => riskFactors.includes(rf)) }))
    .filter((l) => l.riskFactors.length > 0);
}

export function interventionDetailView(content: MenukaartContent, id: string) {
  const stored = content.interventionById.get(id);
  if (!stored) throw notFound(`unknown intervention '${id}'`, 'id');
  const i = stored.content;
  return {
    ...interventionView(stored),
    contentVersion: content.version,
    riskFactorDetails: i.riskFactors.map((rid) => {
      const r = content.riskFactorById.get(rid);
      return { id: rid, name: r?.name ?? { nl: rid, en: rid }, domain: r?.domain ?? null };
    }),
    indicators: linkedIndicators(content, i.riskFactors),
  };
}

export function interventionListView(content: MenukaartContent, filters: InterventionFilters) {
  const items = filterInterventions(content.interventions, filters);
  return {
    contentVersion: content.version,
    total: content.interventions.length,
    count: items.length,
    filters: {
      phase: filters.phase ?? [],
      actionLine: filters.actionLine ?? [],
      recognition: filters.recognition ?? [],
      funding: filters.funding ?? [],
      riskFactor: filters.riskFactor ?? [],
      q: filters.q ?? [],
    },
    facets: facetCounts(content.interventions, filters, content.riskFactors),
    items: items.map(interventionView),
  };
}

export function riskFactorsView(content: MenukaartContent) {
  const basis = content.links[0]?.basis ?? null;
  return {
    contentVersion: content.version,
    linkBasis: basis,
    riskFactors: content.riskFactors.map((r) => ({
      ...r,
      domainLabel: RISK_DOMAIN_LABELS[r.domain],
      phaseLabels: r.phases.map((p) => PHASE_LABELS[p]),
      indicators: content.links.filter((l) => l.riskFactors.includes(r.id)).map((l) => l.indicator),
      interventions: content.interventions.filter((i) => i.content.riskFactors.includes(r.id)).map((i) => i.content.id),
    })),
    indicatorLinks: content.links.map((l) => ({ indicator: l.indicator, version: l.version, actionLines: l.actionLines, riskFactors: l.riskFactors, rationale: l.rationale })),
  };
}
