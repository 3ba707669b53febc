// The web server: the API under /api/v1, its OpenAPI document and a health check.

import Fastify, { type FastifyInstance } from 'fastify';
import { registerRoutes, openApiDocument } from './api.ts';
import { HttpError, errorBody } from './errors.ts';
import { atlasRoutes } from '../atlas/atlas-routes.ts';
import { menukaartRoutes } from '../menukaart/menukaart-routes.ts';
import type { Platform } from '../platform/platform.ts';
import { countsVersion } from '../atlas/atlas-store.ts';
import { registerWeb } from './web.ts';

export async function buildServer(platform: Platform, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) return reply.status(error.status).send(errorBody(error));
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.status(status).send(errorBody(new HttpError(status, 'bad-request', (error as Error).message)));
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody(new HttpError(500, 'internal', 'internal error')));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody(new HttpError(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`))));
  // A callback hook, not an async one: this runs on every response, the hot path of the API.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    done(null, payload);
  });

  const routes = [...atlasRoutes(platform.atlas), ...menukaartRoutes(platform)];
  registerRoutes(app, routes);
  const openapi = JSON.stringify(
    openApiDocument(routes, {
      title: 'Kansrijk API',
      version: '1.0.0',
      description: 'Kansrijk: figures for the first 1000 days (Kansrijke Start). Perinatal figures in the demo database are synthetic and flagged as such.',
    }),
  );
  app.get('/api/v1/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(openapi));
  await registerWeb(app);
  app.get('/healthz', async () => ({ status: 'ok', database: platform.db.engine, countsVersion: await countsVersion(platform.db) }));
  return app;
}
