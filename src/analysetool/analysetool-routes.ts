// HTTP API v1 of the analysetool: similar municipalities and the analysis of a gemeente.
// Thin: validate, read the current atlas snapshot and menukaart content, call the pure core.

import { z } from 'zod';
import type { AtlasService, AtlasSnapshot } from '../atlas/atlas-store.ts';
import { areaView, findAreaIn } from '../atlas/atlas-views.ts';
import { defineRoute, Representation } from '../http/api.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { MenukaartService } from '../menukaart/menukaart-store.ts';
import { analyseGemeente, BENCHMARKS } from './analysis.ts';
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

export function analysetoolRoutes(atlas: AtlasService, menukaart: MenukaartService) {
  const cache = { key: '', entries: new Map<string, Representation>() };
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
      summary: 'Analysis of a gemeente: indicators significantly worse than the benchmark, the wijken where the excess concentrates, implied action lines and risk factors, recommended interventions with their reasons',
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
          coveredByPlan: { type: 'array', maxItems: 0, description: 'Empty until the coalition module exists; see coveredByPlanNote' },
          coveredByPlanNote: text,
        },
      },
      handler: async ({ params, query }) => {
        const snapshot = await atlas.current();
        const content = await menukaart.current();
        const versions = `${snapshot.version}|${content.version}`;
        if (cache.key !== versions) cache.entries = new Map();
        cache.key = versions;
        const key = `${params.code}|${query.period ?? ''}|${query.benchmark}`;
        let entry = cache.entries.get(key);
        if (!entry) {
          const body = analyseGemeente(snapshot, content, similarMunicipalities(), { code: params.code, period: query.period, benchmark: query.benchmark });
          entry = new Representation(Buffer.from(JSON.stringify(body)), snapshot.version);
          if (cache.entries.size > 2000) cache.entries.clear();
          cache.entries.set(key, entry);
        }
        return entry;
      },
    }),
  ];
}
