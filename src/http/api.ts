// A small route table: every API route is declared once with its zod schemas, and the same
// declaration validates requests and produces the OpenAPI document.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import type { Actor } from '../auth/actor.ts';

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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** `public`: no session needed (none is looked up); `optional`: the session is used when there is
 * one; `session`: 401 without a valid session. */
export type RouteAuth = 'public' | 'optional' | 'session';
const CHANGING_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType = z.ZodType, A extends RouteAuth = RouteAuth> {
  method: HttpMethod;
  path: string; // fastify syntax: /api/v1/areas/:code
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  /** The JSON request body (POST/PUT/PATCH). */
  body?: B;
  /** Who may call it at all; what they may do is decided by the access policy inside. Default `public`. */
  auth?: A;
  /** Status of a successful answer: 200 (default), 201 (created), 204 (no body) or 302 (redirect). */
  successStatus?: 200 | 201 | 204 | 302;
  /** JSON schema of the success response, for the OpenAPI document. */
  response?: Record<string, unknown>;
  contentType?: string;
  /** Other representations of the 200 response (content type → schema), e.g. CSV via `format=csv`. */
  alternatives?: Record<string, Record<string, unknown>>;
  /** The route answers with an ETag and honours If-None-Match (304). */
  conditional?: boolean;
  /** Per-client request limit (per app server): `auth` for sign-in routes, `write` (the default
   * for changing routes) or none. */
  rateLimit?: 'auth' | 'write' | false;
  /** Extra error statuses the route can answer, for the OpenAPI document (e.g. 409). */
  errors?: Partial<Record<409 | 429, string>>;
  handler: (input: {
    params: z.output<P>;
    query: z.output<Q>;
    body: z.output<B>;
    actor: A extends 'session' ? Actor : Actor | undefined;
    request: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<unknown>;
}

export type AnyApiRoute = ApiRoute<z.ZodType, z.ZodType, z.ZodType, RouteAuth>;

export function defineRoute<P extends z.ZodType = z.ZodObject<{}>, Q extends z.ZodType = z.ZodObject<{}>, B extends z.ZodType = z.ZodObject<{}>, A extends RouteAuth = 'public'>(
  route: ApiRoute<P, Q, B, A>,
): AnyApiRoute {
  return route as unknown as AnyApiRoute;
}

/** A 400 that names every offending field: `error.field` is the first, `error.issues` all of them. */
export class ValidationError extends HttpError {
  constructor(
    message: string,
    field: string | undefined,
    readonly issues: { field: string; message: string }[],
  ) {
    super(400, 'bad-request', message, field);
  }
}

function parse(schema: z.ZodType | undefined, data: unknown, location: 'parameter' | 'body'): unknown {
  if (!schema) return {};
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) =>
    // An unknown field is named as the field itself: the API refuses what it does not take.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a field of this request' }))
      : [{ field: issue.path.join('.'), message: issue.message }],
  );
  const first = issues[0]!;
  const field = first.field || undefined;
  // Query and path values are echoed to help the caller; body values never are (they may be
  // passwords or personal data).
  const received = location === 'parameter' && field && data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  const name = location === 'parameter' ? `parameter '${field}'` : `field '${field}'`;
  throw new ValidationError(`${field ? name : location === 'body' ? 'request body' : 'request'}${received !== undefined ? ` = '${String(received)}'` : ''}: ${first.message}`, field, issues);
}

/** What changing and signed-in routes need from the platform's security layer (src/auth). */
export interface RouteSecurity {
  /** The actor of a valid session cookie, or undefined. */
  authenticate(request: FastifyRequest): Promise<Actor | undefined>;
  /** Refuses (403) a changing request without a valid CSRF token. */
  csrfProtection(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void;
  /** Requests per minute per client. */
  rateLimits: { auth: number; write: number };
}

const actors = new WeakMap<FastifyRequest, Actor>();
/** The signed-in actor of a request (after the route's authentication step), if any. */
export function actorOf(request: FastifyRequest): Actor | undefined {
  return actors.get(request);
}

export function registerRoutes(app: FastifyInstance, routes: readonly AnyApiRoute[], security?: RouteSecurity): void {
  for (const route of routes) {
    const auth = route.auth ?? 'public';
    const changing = CHANGING_METHODS.has(route.method);
    if ((auth !== 'public' || changing) && !security) throw new Error(`${route.method} ${route.path} needs the security layer (sessions, CSRF)`);
    const limit = route.rateLimit ?? (changing ? 'write' : false);
    const preValidation =
      auth === 'public'
        ? []
        : [
            async (request: FastifyRequest) => {
              const actor = await security!.authenticate(request);
              if (actor) actors.set(request, actor);
              else if (auth === 'session') throw new HttpError(401, 'unauthenticated', 'sign in first: this needs a session');
            },
          ];
    app.route({
      method: route.method,
      url: route.path,
      config: limit && security ? { rateLimit: { max: security.rateLimits[limit], timeWindow: 60_000 } } : {},
      // Pipeline: rate limit (onRequest) → authentication → CSRF → validation → the handler
      // (transaction → authorize → presenter).
      preValidation,
      preHandler: changing ? [security!.csrfProtection] : [],
      handler: async (request, reply) => {
        const params = parse(route.params, request.params, 'parameter');
        const query = parse(route.query, request.query, 'parameter');
        const body = route.body ? parse(route.body, request.body, 'body') : undefined;
        // Answers that depend on who asks are never stored by browsers or proxies.
        if (auth !== 'public' && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        const result = await route.handler({ params, query, body, actor: actors.get(request) as Actor, request, reply });
        if (reply.sent) return reply;
        if (route.successStatus === 204) return reply.code(204).send();
        if (route.successStatus && route.successStatus !== 302) reply.code(route.successStatus);
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

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function openApiDocument(routes: readonly AnyApiRoute[], info: { title: string; version: string; description: string }) {
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
    const auth = route.auth ?? 'public';
    const changing = CHANGING_METHODS.has(route.method);
    const status = String(route.successStatus ?? 200);
    const success =
      status === '204'
        ? { description: 'Done; no content' }
        : status === '302'
          ? { description: 'Redirect', headers: { Location: { schema: { type: 'string' } } } }
          : {
              description: status === '201' ? 'Created' : 'OK',
              ...(route.conditional ? { headers: { ETag: { schema: { type: 'string' }, description: 'Entity tag; send it back in If-None-Match' } } } : {}),
              content: { [route.contentType ?? 'application/json']: { schema: route.response ?? {} }, ...Object.fromEntries(Object.entries(route.alternatives ?? {}).map(([type, schema]) => [type, { schema }])) },
            };
    let requestBody: Record<string, unknown> | undefined;
    if (route.body) {
      const { $schema: _, ...schema } = z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      requestBody = { required: true, content: { 'application/json': { schema } } };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      description: route.description,
      tags: [route.tag],
      parameters: [
        ...parameters(route.params, 'path'),
        ...parameters(route.query, 'query'),
        ...(changing ? [{ name: 'x-csrf-token', in: 'header', required: true, description: 'The CSRF token from GET /api/v1/auth/csrf (or from the sign-in answer)', schema: { type: 'string' } }] : []),
      ],
      ...(requestBody ? { requestBody } : {}),
      ...(auth === 'session' ? { security: [{ sessionCookie: [] }] } : auth === 'optional' ? { security: [{}, { sessionCookie: [] }] } : {}),
      responses: {
        [status]: success,
        ...(route.conditional ? { '304': { description: 'Not modified: If-None-Match matched the current ETag' } } : {}),
        '400': errorResponse('Invalid parameter or field; `field` names the first, `issues` lists them all'),
        ...(auth === 'session' ? { '401': errorResponse('No valid session: sign in first') } : {}),
        ...(auth === 'session' || changing ? { '403': errorResponse(changing ? 'Not allowed by the access policy, or a missing or wrong CSRF token (`code`: forbidden or csrf)' : 'Not allowed by the access policy') } : {}),
        ...(route.params ? { '404': errorResponse('Unknown id') } : {}),
        ...(route.errors?.[409] ? { '409': errorResponse(route.errors[409]) } : {}),
        ...(route.rateLimit || changing || route.errors?.[429] ? { '429': errorResponse(route.errors?.[429] ?? 'Too many requests; see Retry-After') } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'kansrijk_session',
          description: 'The session cookie set by POST /api/v1/auth/login (named __Host-kansrijk_session when served over TLS). HttpOnly: browsers send it, scripts cannot read it.',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                status: { type: 'integer' },
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string' },
                issues: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
              },
              required: ['status', 'code', 'message'],
            },
          },
        },
      },
    },
  };
}
