// HTTP API v1 of the menukaart (interventions, risk factors) and, through
// analysetoolRoutes, of the analysetool (similar municipalities, analysis). One content
// service is shared by both.

import { z } from 'zod';
import { defineRoute } from '../http/api.ts';
import { badRequest } from '../http/errors.ts';
import type { Platform } from '../platform/platform.ts';
import { analysetoolRoutes } from '../analysetool/analysetool-routes.ts';
import { InterventionSchema, RiskFactorSchema, SLUG } from './content-schema.ts';
import { MenukaartService } from './menukaart-store.ts';
import { interventionDetailView, interventionListView, riskFactorsView } from './menukaart-views.ts';
import { FUNDING_ROUTES, PHASES, RECOGNITION_LEVELS, type ActionLine, type FundingRoute, type Phase, type RecognitionLevel } from './vocabulary.ts';
import type { InterventionFilters } from './filter.ts';

/** A filter parameter: comma-separated values (or the parameter repeated); each must be allowed. */
function listParam(allowed: readonly string[] | RegExp, description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)))
    .superRefine((values, ctx) => {
      const bad = (values ?? []).filter((v) => (allowed instanceof RegExp ? !allowed.test(v) : !allowed.includes(v)));
      if (bad.length === 0) return;
      const expected = allowed instanceof RegExp ? 'ids of letters, digits and hyphens' : allowed.join(', ');
      ctx.addIssue({ code: 'custom', message: `unknown value ${bad.map((b) => `'${b}'`).join(', ')}; allowed: ${expected}` });
    })
    .describe(description);
}

/** JSON Schema of a content schema, for the OpenAPI document (without the $schema line). */
function jsonSchema(schema: z.ZodType, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as { $schema?: string; properties?: Record<string, unknown> };
  return { ...rest, properties: { ...rest.properties, ...extra } };
}

const text = { type: 'object', properties: { nl: { type: 'string' }, en: { type: 'string' } } };
const labels = { type: 'object', description: 'Labels (nl/en) of the coded fields: phases, actionLines, recognition, recognitionConfidence, funding' };
const interventionSchema = jsonSchema(InterventionSchema, { labels });
const interventionDetailSchema = jsonSchema(InterventionSchema, {
  labels,
  contentVersion: { type: 'integer' },
  riskFactorDetails: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: text, domain: { type: ['string', 'null'] } } } },
  indicators: { type: 'array', description: 'Atlas indicators pointing to the risk factors this intervention addresses', items: { type: 'object', properties: { indicator: { type: 'string' }, riskFactors: { type: 'array', items: { type: 'string' } } } } },
});
const riskFactorSchema = jsonSchema(RiskFactorSchema, {
  domainLabel: text,
  phaseLabels: { type: 'array', items: text },
  indicators: { type: 'array', items: { type: 'string' } },
  interventions: { type: 'array', items: { type: 'string' } },
});
const facet = { type: 'array', items: { type: 'object', properties: { value: { type: ['string', 'integer'] }, label: text, count: { type: 'integer' }, selected: { type: 'boolean' } } } };

export function menukaartRoutes(platform: Platform) {
  const menukaart = new MenukaartService(platform.db);
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/interventions',
      tag: 'menukaart',
      summary: 'The menukaart: interventions for the first 1000 days, filtered, with facet counts',
      description:
        'Filters take comma-separated values: several values of one filter are alternatives (OR), different filters must all hold (AND). ' +
        'Facet counts: for every value of a facet, the number of interventions that would match if that facet were set to that value, with the other filters unchanged.',
      query: z.object({
        phase: listParam(PHASES, `Phase(s): ${PHASES.join(', ')}`),
        actionLine: listParam(['1', '2', '3'], 'Action line(s) of Kansrijke Start: 1 before, 2 during pregnancy, 3 after birth'),
        recognition: listParam(RECOGNITION_LEVELS, `Recognition level(s) on the Dutch scale: ${RECOGNITION_LEVELS.join(', ')} (all effective levels: effectief-eerste,effectief-goede,effectief-sterke)`),
        funding: listParam(FUNDING_ROUTES, `Funding route(s): ${FUNDING_ROUTES.join(', ')}`),
        riskFactor: listParam(SLUG, 'Risk factor id(s), see /api/v1/risk-factors'),
        q: z.string().max(200, 'at most 200 characters').optional()
          .describe('Full-text search over names, aliases, summary, target group and goals in Dutch and English; all words must occur; comma-separated phrases are alternatives'),
      }),
      response: {
        type: 'object',
        properties: {
          contentVersion: { type: 'integer' },
          total: { type: 'integer', description: 'Published interventions in the menukaart' },
          count: { type: 'integer', description: 'Interventions matching the filters' },
          filters: { type: 'object', description: 'The filters as applied' },
          facets: { type: 'object', properties: { phase: facet, actionLine: facet, recognition: facet, funding: facet, riskFactor: facet } },
          items: { type: 'array', items: interventionSchema },
        },
      },
      handler: async ({ query }) => {
        const content = await menukaart.current();
        const unknownRisk = (query.riskFactor ?? []).filter((id) => !content.riskFactorById.has(id));
        if (unknownRisk.length) throw badRequest(`parameter 'riskFactor': unknown risk factor ${unknownRisk.map((r) => `'${r}'`).join(', ')}; see /api/v1/risk-factors`, 'riskFactor');
        const filters: InterventionFilters = {
          phase: query.phase as Phase[] | undefined,
          actionLine: query.actionLine?.map((a) => Number(a) as ActionLine),
          recognition: query.recognition as RecognitionLevel[] | undefined,
          funding: query.funding as FundingRoute[] | undefined,
          riskFactor: query.riskFactor,
          q: query.q?.split(',').map((s) => s.trim()).filter(Boolean),
        };
        return interventionListView(content, filters);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/interventions/:id',
      tag: 'menukaart',
      summary: 'One intervention with its risk factors and the atlas indicators that point to them',
      params: z.object({ id: z.string().min(1).max(80).describe('Intervention id, e.g. voorzorg') }),
      response: interventionDetailSchema,
      handler: async ({ params }) => interventionDetailView(await menukaart.current(), params.id),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/risk-factors',
      tag: 'menukaart',
      summary: 'The shared risk-factor vocabulary, with the indicators and interventions linked to each',
      response: {
        type: 'object',
        properties: {
          contentVersion: { type: 'integer' },
          linkBasis: text,
          riskFactors: { type: 'array', items: riskFactorSchema },
          indicatorLinks: { type: 'array', items: { type: 'object' } },
        },
      },
      handler: async () => riskFactorsView(await menukaart.current()),
    }),
    ...analysetoolRoutes(platform.atlas, menukaart),
  ];
}
