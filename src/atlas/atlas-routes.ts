// HTTP API v1 of the atlas: validate, read the current snapshot, present. Derived responses
// are cached per counts version with their ETag, so a repeated request costs a map lookup and
// a revalidation (If-None-Match) a 304. The values and profile endpoints are also downloads of
// exactly what a screen shows: `format=csv|xlsx`, in the words of `lang=nl|en`.

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { defineRoute, Representation } from '../http/api.ts';
import { notFound } from '../http/errors.ts';
import type { AtlasService, AtlasSnapshot } from './atlas-store.ts';
import { CONTENT_TYPES, DOWNLOAD_FORMATS, DOWNLOAD_LANGS, profileDownload, valuesDownload, type Download, type DownloadFormat, type Lang } from './downloads.ts';
import { areaView, findAreaIn, findIndicatorIn, indicatorView, profileView, valuesView } from './atlas-views.ts';
import { AREA_LEVELS } from './geography.ts';
import { GeoLibrary, MAP_LEVELS } from './geo.ts';

const level = z.enum(AREA_LEVELS).describe('Area level');
const period = z.coerce.number().int().min(1900).max(2200).optional().describe('Year; default the latest with figures');
const benchmark = z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,8}$/, 'must be a CBS area code such as NL01, GG3406 or GM0599').optional()
  .describe('Area code of the benchmark; default Nederland (NL01)');
const areaCode = z.string().min(1).max(16).describe('CBS area code, e.g. GM0599');
const indicatorId = z.string().min(1).max(64).describe('Indicator id, e.g. big2');
const format = z.enum(DOWNLOAD_FORMATS).default('json')
  .describe('json (default), or a download of the same rows: csv (nl: `;` and decimal comma; en: `,` and decimal point; UTF-8 with BOM) or xlsx');
const lang = z.enum(DOWNLOAD_LANGS).default('nl').describe('Language of the headers and words of a csv or xlsx download; json carries both languages');
/** The 200 response of a download, for the OpenAPI document. */
const downloads = {
  [CONTENT_TYPES.csv.split(';')[0]!]: { type: 'string', description: 'CSV: `# key;value` metadata lines, a header row, one row per area or indicator' },
  [CONTENT_TYPES.xlsx]: { type: 'string', format: 'binary', description: 'XLSX: the table (numbers as numbers) and an About sheet with the metadata' },
};

/** Scheme and host for the links inside a download; only a well-formed host is used. */
function originOf(request: FastifyRequest): string {
  const host = request.host;
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)) return '';
  const defaultPort = request.protocol === 'https' ? ':443' : ':80';
  return `${request.protocol}://${host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host}`;
}

const text = { type: 'object', properties: { nl: { type: 'string' }, en: { type: 'string' } } };
const areaSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'string', enum: AREA_LEVELS },
    parents: { type: 'object', additionalProperties: { type: 'string' }, description: 'Codes of the areas this one lies in, by level' },
    validFrom: { type: ['integer', 'null'] },
    validTo: { type: ['integer', 'null'] },
  },
};
const cellSchema = {
  type: 'object',
  description: 'A suppressed value has suppressed: true and no numerator, denominator, value or limits.',
  properties: {
    area: { type: 'string' },
    name: { type: 'string' },
    numerator: { type: 'number' },
    denominator: { type: 'number' },
    value: { type: 'number' },
    lowercl95: { type: 'number' },
    uppercl95: { type: 'number' },
    lowercl998: { type: 'number' },
    uppercl998: { type: 'number' },
    comparison: { type: 'string', enum: ['better', 'similar', 'worse', 'higher', 'lower', 'not-compared'] },
    quintile: { type: ['integer', 'null'] },
    smoothed: { type: ['number', 'null'], description: 'Empirical-Bayes estimate (wijken within their gemeente; gemeenten nationally), beside the raw value' },
    trend: { type: ['string', 'null'], enum: ['increasing', 'decreasing', 'no-significant-change', 'cannot-be-calculated', null] },
    suppressed: { type: 'boolean' },
    suppressionReason: { type: 'string', enum: ['small-numbers', 'complementary'] },
    synthetic: { type: 'boolean' },
  },
  required: ['area', 'suppressed', 'comparison'],
};

export function atlasRoutes(atlas: AtlasService) {
  const geo = new GeoLibrary();
  const cache = { version: -1, entries: new Map<string, Representation>(), downloads: new Map<string, Representation>() };
  const forVersion = (snapshot: AtlasSnapshot) => {
    if (cache.version !== snapshot.version) {
      cache.entries = new Map();
      cache.downloads = new Map();
      cache.version = snapshot.version;
    }
  };
  /** Cached JSON of a derived response for the snapshot's counts version, already encoded as
   * UTF-8 bytes (encoding a 100 kB string on every request was the costliest part of serving
   * it), with its ETag computed once, here. */
  const cached = (snapshot: AtlasSnapshot, key: string, build: () => unknown): Representation => {
    forVersion(snapshot);
    let entry = cache.entries.get(key);
    if (entry === undefined) {
      entry = new Representation(Buffer.from(JSON.stringify(build())), snapshot.version);
      if (cache.entries.size > 5000) cache.entries.clear();
      cache.entries.set(key, entry);
    }
    return entry;
  };
  /** A cached download (CSV or XLSX). Fewer are kept than JSON responses: they are larger and
   * rarer. The same bytes (and generated-at time) are served until the counts change. */
  const download = (snapshot: AtlasSnapshot, key: string, build: (generatedAt: Date) => Download): Representation => {
    forVersion(snapshot);
    let entry = cache.downloads.get(key);
    if (entry === undefined) {
      const file = build(new Date());
      entry = new Representation(file.body, snapshot.version, file.contentType, file.filename);
      if (cache.downloads.size >= 200) cache.downloads.clear();
      cache.downloads.set(key, entry);
    }
    return entry;
  };
  const context = (request: FastifyRequest, query: { format: DownloadFormat; lang: Lang }, generatedAt: Date) =>
    ({ format: query.format, lang: query.lang, generatedAt, origin: originOf(request) });

  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/areas',
      tag: 'atlas',
      summary: 'Areas (CBS geography): Nederland, provincies, GGD-regio\'s, jeugdregio\'s, gemeenten, wijken',
      query: z.object({ level: level.optional() }),
      response: { type: 'array', items: areaSchema },
      conditional: true,
      handler: async ({ query }) => {
        const snapshot = await atlas.current();
        return cached(snapshot, `areas|${query.level ?? ''}`, () => snapshot.areas.filter((a) => !query.level || a.level === query.level).map(areaView));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/areas/:code',
      tag: 'atlas',
      summary: 'One area with its parents',
      params: z.object({ code: areaCode }),
      response: areaSchema,
      handler: async ({ params }) => {
        const snapshot = await atlas.current();
        return areaView(snapshot.areas[findAreaIn(snapshot, params.code)]!);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/indicators',
      tag: 'atlas',
      summary: 'The indicator catalogue with full metadata',
      conditional: true,
      response: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: text,
            definition: text,
            numerator: text,
            denominator: text,
            unit: text,
            multiplier: { type: 'number' },
            polarity: { type: 'string', enum: ['low-is-good', 'high-is-good', 'none'] },
            method: { type: 'string', enum: ['proportion', 'rate', 'mean', 'count'] },
            actionLine: { type: 'integer', enum: [1, 2, 3] },
            source: text,
            suppression: { type: 'object', properties: { minNumerator: { type: 'integer' }, minDenominator: { type: 'integer' } } },
            synthetic: { type: 'boolean', description: 'true when the figures of this indicator are synthetic demonstration data' },
            periods: { type: 'array', items: { type: 'integer' } },
          },
        },
      },
      handler: async () => {
        const snapshot = await atlas.current();
        return cached(snapshot, 'indicators', () => snapshot.indicators.map((i) => indicatorView(snapshot, i)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/indicators/:id',
      tag: 'atlas',
      summary: 'One indicator with full metadata',
      params: z.object({ id: indicatorId }),
      response: { type: 'object' },
      handler: async ({ params }) => {
        const snapshot = await atlas.current();
        return indicatorView(snapshot, findIndicatorIn(snapshot, params.id));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/indicators/:id/values',
      tag: 'atlas',
      summary: 'Values of one indicator for every area of a level in one period, with limits, comparison, quintile, smoothing, trend',
      params: z.object({ id: indicatorId }),
      query: z.object({
        level,
        period,
        benchmark,
        within: z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,8}$/, 'must be a CBS area code such as GM0599 or GG3406').optional()
          .describe('Only areas lying within this area, e.g. the wijken of GM0599 or the gemeenten of GG3406'),
        format,
        lang,
      }),
      alternatives: downloads,
      conditional: true,
      response: {
        type: 'object',
        properties: {
          indicator: { type: 'string' },
          period: { type: 'integer' },
          level: { type: 'string' },
          synthetic: { type: 'boolean' },
          source: text,
          benchmark: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, value: { type: ['number', 'null'] } } },
          values: { type: 'array', items: cellSchema },
        },
      },
      handler: async ({ params, query, request }) => {
        const snapshot = await atlas.current();
        const key = `values|${params.id}|${query.level}|${query.period ?? ''}|${query.benchmark ?? ''}|${query.within ?? ''}`;
        const view = { id: params.id, level: query.level, period: query.period, benchmark: query.benchmark, within: query.within };
        if (query.format === 'json') return cached(snapshot, key, () => valuesView(snapshot, view));
        const { format, lang } = query;
        return download(snapshot, `${key}|${format}|${lang}|${originOf(request)}`, (at) => valuesDownload(snapshot, view, context(request, { format, lang }, at)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/areas/:code/profile',
      tag: 'atlas',
      summary: 'Every indicator for one area: value, limits, benchmark, comparison, recent trend, national range and the series over the years',
      params: z.object({ code: areaCode }),
      query: z.object({ period, benchmark, format, lang }),
      response: { type: 'object' },
      alternatives: downloads,
      conditional: true,
      handler: async ({ params, query, request }) => {
        const snapshot = await atlas.current();
        const key = `profile|${params.code}|${query.period ?? ''}|${query.benchmark ?? ''}`;
        const view = { code: params.code, period: query.period, benchmark: query.benchmark };
        if (query.format === 'json') return cached(snapshot, key, () => profileView(snapshot, view));
        const { format, lang } = query;
        return download(snapshot, `${key}|${format}|${lang}|${originOf(request)}`, (at) => profileDownload(snapshot, view, context(request, { format, lang }, at)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/geo/:level',
      tag: 'atlas',
      summary: 'Map geometry of a level as TopoJSON (CBS/PDOK, CC BY 4.0); wijken optionally of one gemeente',
      params: z.object({ level: z.enum(MAP_LEVELS as [string, ...string[]]).describe('Map level') }),
      query: z.object({ gemeente: z.string().regex(/^GM\d{4}$/, 'must be a gemeente code such as GM0599').optional().describe('Only the wijken of this gemeente') }),
      contentType: 'application/json; charset=utf-8',
      response: { type: 'object', description: 'TopoJSON Topology with one object named after the level and an attribution' },
      handler: async ({ params, query }) => {
        if (query.gemeente) {
          const snapshot = await atlas.current();
          findAreaIn(snapshot, query.gemeente, 'gemeente');
        }
        const body = geo.topology(params.level as (typeof MAP_LEVELS)[number], query.gemeente);
        if (!body) throw notFound(`no map for level '${params.level}'`, 'level');
        return body;
      },
    }),
  ];
}
