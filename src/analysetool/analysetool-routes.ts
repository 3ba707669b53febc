// HTTP API v1 of the analysetool: similar municipalities and the analysis of a gemeente.
// Thin: validate, read the current atlas snapshot and menukaart content, call the pure core.
// The analysis is public; what the coalition plan covers of it is not: that part is filled only
// for those the access policy lets read the coalition, and such an answer is never cached.

import { z } from 'zod';
import type { AtlasService, AtlasSnapshot } from '../atlas/atlas-store.ts';
import { areaView, findAreaIn } from '../atlas/atlas-views.ts';
import { Access, inTransaction } from '../auth/guard.ts';
import type { Resource } from '../auth/policy.ts';
import { planOf } from '../coalities/coalition-store.ts';
import { suggestedIntervention } from '../coalities/coalition-views.ts';
import { COALITION_STATUS_LABELS, COALITION_STATUSES, PLAN_STATUSES, type CoalitionStatus } from '../coalities/vocabulary.ts';
import { defineRoute, Representation } from '../http/api.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { MenukaartContent, MenukaartService } from '../menukaart/menukaart-store.ts';
import { analyseGemeente, BENCHMARKS, type Analysis } from './analysis.ts';
import { PLAN_COVERAGE_KINDS, PLAN_COVERAGE_REASONS, planCoverage, planCoverageNote, type PlanCoalition, type PlanCoverageNote, type PlanCoverageRow } from './plan-coverage.ts';
import { NEIGHBOUR_COUNT, SIMILARITY_METHOD, similarMunicipalities, type SimilarMunicipalities } from './similar.ts';

const areaCode = z.string().min(1).max(16).describe('CBS gemeente code, e.g. GM0599');
const text = { type: 'object', properties: { nl: { type: 'string' }, en: { type: 'string' } } };

function gemeenteIndex(snapshot: AtlasSnapshot, code: string, what: string): number {
  const i = findAreaIn(snapshot, code);
  const area = snapshot.atlas.hierarchy.areas[i]!;
  if (area.level !== 'gemeente') throw badRequest(`${what} exist for gemeenten only; '${code}' is a ${area.level}`, 'code');
  return i;
}

export function similarView(snapshot: AtlasSnapshot, sm: SimilarMunicipalities, code: string) {
  const g = gemeenteIndex(snapshot, code, 'similar municipalities');
  const neighbours = sm.neighbours.get(code);
  const own = sm.characteristics.get(code);
  if (!neighbours || !own) throw notFound(`no CBS characteristics for gemeente '${code}'`, 'code');
  const { areas, index } = snapshot.atlas.hierarchy;
  const characteristicsOf = (c: string) => {
    const row = sm.characteristics.get(c);
    return Object.fromEntries(sm.variables.map((v) => [v.id, row ? v.value(row) : null]));
  };
  return {
    area: areaView(areas[g]!),
    k: NEIGHBOUR_COUNT,
    method: {
      ...SIMILARITY_METHOD,
      population: sm.population,
      variables: sm.variables.map((v, k) => ({
        id: v.id,
        name: v.name,
        source: v.source,
        theme: v.theme,
        transform: v.transform,
        weight: v.weight,
        mean: sm.standardization[k]!.mean,
        sd: sm.standardization[k]!.sd,
      })),
    },
    characteristics: characteristicsOf(code),
    neighbours: neighbours.map((n, k) => {
      const i = index.get(n.code);
      return { rank: k + 1, code: n.code, name: i === undefined ? n.code : areas[i]!.name, distance: n.distance, characteristics: characteristicsOf(n.code) };
    }),
  };
}

/** The coalition (not stopped) that covers a gemeente: at most one, by the coalition rules. */
async function coalitionCovering(access: Access, code: string): Promise<PlanCoalition | undefined> {
  const [row] = await access.tx.query<{ id: string; name: string; status: CoalitionStatus }>(
    `SELECT c.id, c.name, c.status FROM coalition_area ca JOIN coalition c ON c.id = ca.coalition_id
     WHERE ca.area_code = $1 AND c.status <> 'gestopt' ORDER BY c.created_at, c.id LIMIT 1`,
    [code],
  );
  return row ? { id: row.id, name: row.name, status: row.status, statusLabel: COALITION_STATUS_LABELS[row.status] } : undefined;
}

/**
 * What the plan of the gemeente's coalition covers of the analysis, as far as the actor may
 * see it: the plan is read (and that read audited) only when the policy allows `read` on the
 * coalition; otherwise an empty list with the reason.
 */
async function coverageFor(access: Access, analysis: Analysis, content: MenukaartContent): Promise<{ rows: PlanCoverageRow[]; note: PlanCoverageNote }> {
  const gemeente = analysis.area.name;
  const coalition = await coalitionCovering(access, analysis.area.code);
  if (!coalition) return { rows: [], note: planCoverageNote('no-coalition', gemeente, null) };
  if (!access.actor) return { rows: [], note: planCoverageNote('signed-out', gemeente, coalition) };
  const resource: Resource = { type: 'coalition', id: coalition.id, coalitionId: coalition.id };
  if (!access.can('read', resource)) return { rows: [], note: planCoverageNote('not-a-member', gemeente, coalition) };
  const plan = await planOf(access.tx, coalition.id);
  const rows = planCoverage(
    analysis.recommendations,
    plan.map((p) => ({ ...p, suggestedInterventionId: p.interventionId ? null : suggestedIntervention(p.title, content) })),
    (id) => content.interventionById.get(id)?.content.name ?? null,
  );
  await access.audit('read', resource, { view: 'analysis', area: analysis.area.code, planItems: plan.length });
  return { rows, note: planCoverageNote('shown', gemeente, coalition, rows) };
}

const planItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: ['string', 'null'], description: 'Free text of the plan item (null when it only names an intervention)' },
    matchedBy: { type: ['string', 'null'], enum: ['intervention', 'title', null], description: 'intervention: the item links it; title: a free-text item whose title is its name or an alias' },
    status: { type: 'string', enum: [...PLAN_STATUSES] },
    statusLabel: text,
    targetReach: { type: ['integer', 'null'], description: 'Families or clients to reach per year' },
    fundingRoute: { type: ['string', 'null'] },
    fundingRouteLabel: { type: ['object', 'null'], properties: text.properties },
  },
};
const coalitionSchema = {
  type: ['object', 'null'],
  description: 'The coalition (not stopped) the gemeente is part of: public, as in the national overview',
  properties: { id: { type: 'string' }, name: { type: 'string' }, status: { type: 'string', enum: [...COALITION_STATUSES] }, statusLabel: text },
};

export function analysetoolRoutes(atlas: AtlasService, menukaart: MenukaartService) {
  const db = atlas.db;
  // Per atlas and content version: the analyses, and the public (signed-out) answers as sent.
  const cache = { key: '', analyses: new Map<string, Analysis>(), answers: new Map<string, Representation>() };
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/areas/:code/similar',
      tag: 'analysetool',
      summary: `The ${NEIGHBOUR_COUNT} most similar gemeenten on standardized CBS characteristics, with the method`,
      description:
        'Nearest neighbours as in Fingertips: z-scores over all 342 gemeenten of size (log10 inhabitants), urbanity and density (log10), household composition, ' +
        'age structure and origin; weighted Euclidean distance; ties broken by code. Gemeenten only.',
      params: z.object({ code: areaCode }),
      response: {
        type: 'object',
        properties: {
          area: { type: 'object' },
          k: { type: 'integer' },
          method: { type: 'object', description: 'Variables with weight, transform, mean and sd; standardization, distance and tie-break in words (nl/en)' },
          characteristics: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
          neighbours: {
            type: 'array',
            items: { type: 'object', properties: { rank: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' }, distance: { type: 'number' }, characteristics: { type: 'object' } } },
          },
        },
      },
      handler: async ({ params }) => similarView(await atlas.current(), similarMunicipalities(), params.code),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/areas/:code/analysis',
      tag: 'analysetool',
      auth: 'optional',
      summary: 'Analysis of a gemeente: indicators significantly worse than the benchmark, the wijken where the excess concentrates, implied action lines and risk factors, recommended interventions with their reasons, and what the coalition plan already covers',
      description:
        'The analysis is public. `coveredByPlan` compares the recommendations with the plan of the coalition the gemeente is part of; a coalition\'s plan is ' +
        'readable only by its partners and the programme team, so the list is filled only for them (and that read is in the audit trail). For everyone else it is ' +
        'empty, and `coveredByPlanNote.reason` says why: `signed-out`, `not-a-member` or `no-coalition`. Signed out, the answer is public: ETag, `Cache-Control: no-cache`. ' +
        'Signed in, it depends on who asks: `Cache-Control: private, no-store`, no ETag.',
      params: z.object({ code: areaCode }),
      query: z.object({
        period: z.coerce.number().int().min(1900).max(2200).optional().describe('Year; default the latest with figures'),
        benchmark: z.enum(BENCHMARKS).default('nl')
          .describe('nl = Nederland (default); region = the gemeente\'s GGD-regio; similar = the pooled value of its similar municipalities'),
      }),
      conditional: true,
      response: {
        type: 'object',
        properties: {
          area: { type: 'object' },
          period: { type: 'integer' },
          benchmark: { type: 'object', properties: { kind: { type: 'string', enum: [...BENCHMARKS] }, code: { type: ['string', 'null'] }, name: text, members: { type: 'array' } } },
          synthetic: { type: 'boolean', description: 'true when any figure used is synthetic demonstration data' },
          source: text,
          method: { type: 'object' },
          overview: { type: 'array', description: 'Every indicator with its comparison against the benchmark' },
          worse: { type: 'array', description: 'Only indicators significantly worse than the benchmark, with interval, benchmark value and excess cases per wijk' },
          actionLines: { type: 'array' },
          riskFactors: { type: 'array' },
          recommendations: { type: 'array', description: 'Interventions ranked by fit, each with a reason (nl/en) traceable to indicators and risk factors' },
          coveredByPlan: {
            type: 'array',
            description:
              'Only for partners of the gemeente\'s coalition and the programme team, else empty (see coveredByPlanNote). The recommendations in the plan (`planned`: ' +
              'at least one plan item that has not stopped), those not yet in it (`not-planned`), in rank order; then the plan items not among the recommendations (`not-recommended`)',
            items: {
              type: 'object',
              properties: {
                coverage: { type: 'string', enum: [...PLAN_COVERAGE_KINDS] },
                rank: { type: ['integer', 'null'], description: 'Rank of the recommendation; null for plan items not recommended' },
                intervention: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: ['string', 'null'] } }, description: 'null for a free-text plan item' },
                planItems: { type: 'array', items: planItemSchema },
              },
            },
          },
          coveredByPlanNote: {
            type: 'object',
            description: 'What coveredByPlan shows, or why it is empty, in Dutch and English',
            properties: { reason: { type: 'string', enum: [...PLAN_COVERAGE_REASONS] }, coalition: coalitionSchema, nl: { type: 'string' }, en: { type: 'string' } },
          },
          contentVersion: { type: 'integer' },
        },
      },
      handler: async ({ params, query, request, reply }) => {
        const snapshot = await atlas.current();
        const content = await menukaart.current();
        const versions = `${snapshot.version}|${content.version}`;
        if (cache.key !== versions) {
          cache.analyses = new Map();
          cache.answers = new Map();
          cache.key = versions;
        }
        const key = `${params.code}|${query.period ?? ''}|${query.benchmark}`;
        let analysis = cache.analyses.get(key);
        if (!analysis) {
          analysis = analyseGemeente(snapshot, content, similarMunicipalities(), { code: params.code, period: query.period, benchmark: query.benchmark });
          if (cache.analyses.size > 2000) cache.analyses.clear();
          cache.analyses.set(key, analysis);
        }
        // The menukaart and the atlas are read above, outside the transaction (on PGlite a read
        // beside an open transaction would wait for it).
        const found = analysis;
        const { rows, note, actor } = await inTransaction(db, request, async (access) => ({ ...(await coverageFor(access, found, content)), actor: access.actor }));
        // One URL, answers that differ by session: caches must tell them apart.
        reply.header('vary', 'cookie');
        if (actor) {
          // Depends on who asks (the plan, or why not): never stored, never revalidated.
          reply.header('cache-control', 'private, no-store');
          return { ...found, coveredByPlan: rows, coveredByPlanNote: note };
        }
        const answerKey = `${key}|${note.reason}|${note.coalition?.id ?? ''}|${note.coalition?.status ?? ''}|${note.coalition?.name ?? ''}`;
        let answer = cache.answers.get(answerKey);
        if (!answer) {
          answer = new Representation(Buffer.from(JSON.stringify({ ...found, coveredByPlan: [], coveredByPlanNote: note })), snapshot.version);
          if (cache.answers.size > 2000) cache.answers.clear();
          cache.answers.set(answerKey, answer);
        }
        return answer;
      },
    }),
  ];
}
