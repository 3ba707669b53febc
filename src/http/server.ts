// The web server: the API under /api/v1, its OpenAPI document and a health check, behind the
// security layer (headers, cookies, CSRF, rate limits, sessions: src/auth/security.ts).

import Fastify, { type FastifyInstance } from 'fastify';
import { registerRoutes, openApiDocument, ValidationError } from './api.ts';
import { HttpError, errorBody } from './errors.ts';
import { atlasRoutes } from '../atlas/atlas-routes.ts';
import { menukaartRoutes } from '../menukaart/menukaart-routes.ts';
import { authRoutes } from '../auth/auth-routes.ts';
import { loggerOptions, registerSecurity, requestIdGenerator } from '../auth/security.ts';
import { auditRoutes } from '../audit/audit-routes.ts';
import { coalitieRoutes } from '../coalities/coalition-routes.ts';
import type { Platform } from '../platform/platform.ts';
import { countsVersion } from '../atlas/atlas-store.ts';
import { registerWeb } from './web.ts';

export interface ServerOptions {
  /** Log requests (pino, with secrets redacted: src/auth/security.ts). */
  logger?: boolean;
  /** Where the log goes (tests); implies logging. */
  logStream?: NodeJS.WritableStream;
}

/** Error codes for errors that plugins raise with a status only. */
function codeOf(status: number, error: { code?: unknown }): string {
  if (status === 403 && typeof error.code === 'string' && error.code.startsWith('FST_CSRF')) return 'csrf';
  if (status === 429) return 'rate-limited';
  if (status === 401) return 'unauthenticated';
  if (status === 413) return 'payload-too-large';
  if (status === 415) return 'unsupported-media-type';
  return 'bad-request';
}

export async function buildServer(platform: Platform, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger || options.logStream ? loggerOptions(options.logStream) : false,
    trustProxy: platform.config.trustProxy,
    genReqId: requestIdGenerator(platform.config),
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ValidationError) return reply.status(400).send({ error: { ...errorBody(error).error, issues: error.issues } });
    if (error instanceof HttpError) return reply.status(error.status).send(errorBody(error));
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.status(status).send(errorBody(new HttpError(status, codeOf(status, error as { code?: unknown }), (error as Error).message)));
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody(new HttpError(500, 'internal', 'internal error')));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody(new HttpError(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`))));
  // Security headers on every response (helmet), cookies, CSRF and rate limits; the session
  // lookup for signed-in routes.
  const security = await registerSecurity(app, platform.db, platform.config);

  const routes = [...atlasRoutes(platform.atlas), ...menukaartRoutes(platform), ...authRoutes(platform), ...coalitieRoutes(platform), ...auditRoutes(platform)];
  registerRoutes(app, routes, security);
  const openapi = JSON.stringify(
    openApiDocument(routes, {
      title: 'Kansrijk API',
      version: '1.0.0',
      description:
        'Kansrijk: figures for the first 1000 days (Kansrijke Start), the menukaart, and the local coalitions. Perinatal figures in the demo database are synthetic and flagged as such. ' +
        'Signed-in routes need the session cookie from POST /api/v1/auth/login (401 without); every POST, PUT, PATCH and DELETE needs the x-csrf-token header from GET /api/v1/auth/csrf. ' +
        'What each role may do is the access policy (docs/security.md): 403 outside it. Errors: {"error": {"status", "code", "message", "field", "issues"}}.',
    }),
  );
  app.get('/api/v1/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(openapi));
  await registerWeb(app);
  app.get('/healthz', async () => ({ status: 'ok', database: platform.db.engine, countsVersion: await countsVersion(platform.db) }));
  return app;
}
