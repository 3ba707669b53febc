// A small route table: every API route is declared once with its zod schemas, and the same
// declaration validates requests and produces the OpenAPI document.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';

/**
 * A response body that is built once and served many times (per counts version), with its
 * entity tag computed once, when it is built: `"v{version}-{hash of the bytes}"`. Routes return
 * it; the route table sends it with `ETag` and `Cache-Control: no-cache` (browsers store it but
 * revalidate every time) and answers a matching `If-None-Match` with 304 and no body.
 */
export class Representation {
  readonly etag: string;
  constructor(
    readonly body: Buffer,
    version: number,
    readonly contentType?: string,
    /** Sent as `Content-Disposition: attachment`: a download. */
    readonly filename?: string,
  ) {
    // Hashing the bytes (not only the request) keeps the tag right across servers and releases.
    this.etag = `"v${version}-${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
  }
}

/** Does an If-None-Match header match this (strong) tag? Weak comparison, lists and `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
  }
  return false;
}

function sendRepresentation(request: FastifyRequest, reply: FastifyReply, r: Representation, contentType: string | undefined) {
  reply.header('etag', r.etag);
  reply.header('cache-control', 'no-cache');
  if (etagMatches(request.headers['if-none-match'], r.etag)) return reply.code(304).send();
  if (r.filename) reply.header('content-disposition', `attachment; filename="${r.filename}"`);
  reply.type(r.contentType ?? contentType ?? 'application/json; charset=utf-8');
  return reply.send(r.body);
}

export interface ApiRoute<P extends z.ZodType, Q extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string; // fastify syntax: /api/v1/areas/:code
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  /** JSON schema of the 200 response, for the OpenAPI document. */
  response: Record<string, unknown>;
  contentType?: string;
  /** Other representations of the 200 response (content type → schema), e.g. CSV via `format=csv`. */
  alternatives?: Record<string, Record<string, unknown>>;
  /** The route answers with an ETag and honours If-None-Match (304). */
  conditional?: boolean;
  handler: (input: { params: z.output<P>; query: z.output<Q>; request: FastifyRequest; reply: FastifyReply }) => Promise<unknown>;
}

export function defineRoute<P extends z.ZodType = z.ZodObject<{}>, Q extends z.ZodType = z.ZodObject<{}>>(route: ApiRoute<P, Q>): ApiRoute<z.ZodType, z.ZodType> {
  return route as unknown as ApiRoute<z.ZodType, z.ZodType>;
}

function parse(schema: z.ZodType | undefined, data: unknown): unknown {
  if (!schema) return {};
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || undefined;
  const received = field && data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  throw badRequest(`${field ? `parameter '${field}'` : 'request'}${received !== undefined ? ` = '${String(received)}'` : ''}: ${issue.message}`, field);
}

export function registerRoutes(app: FastifyInstance, routes: readonly ApiRoute<z.ZodType, z.ZodType>[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const params = parse(route.params, request.params);
        const query = parse(route.query, request.query);
        const result = await route.handler({ params, query, request, reply });
        if (result instanceof Representation) return sendRepresentation(request, reply, result, route.contentType);
        if (typeof result === 'string' || Buffer.isBuffer(result)) {
          reply.type(route.contentType ?? 'application/json; charset=utf-8');
          return reply.send(result);
        }
        return result;
      },
    });
  }
}

export function openApiDocument(routes: readonly ApiRoute<z.ZodType, z.ZodType>[], info: { title: string; version: string; description: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const parameters = (schema: z.ZodType | undefined, location: 'path' | 'query') => {
    if (!schema) return [];
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, any>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, s]) => ({
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      description: s.description,
      schema: { ...s, description: undefined },
    }));
  };
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      description: route.description,
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      responses: {
        '200': {
          description: 'OK',
          ...(route.conditional ? { headers: { ETag: { schema: { type: 'string' }, description: 'Entity tag; send it back in If-None-Match' } } } : {}),
          content: { [route.contentType ?? 'application/json']: { schema: route.response }, ...Object.fromEntries(Object.entries(route.alternatives ?? {}).map(([type, schema]) => [type, { schema }])) },
        },
        ...(route.conditional ? { '304': { description: 'Not modified: If-None-Match matched the current ETag' } } : {}),
        '400': { description: 'Invalid parameter value; the message and `field` name it', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        '404': { description: 'Unknown area or indicator', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
              required: ['status', 'code', 'message'],
            },
          },
        },
      },
    },
  };
}
