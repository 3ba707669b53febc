// A small route table: every API route is declared once with its zod schemas, and the same
// declaration validates requests and produces the OpenAPI document.

import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';

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
        '200': { description: 'OK', content: { [route.contentType ?? 'application/json']: { schema: route.response } } },
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
