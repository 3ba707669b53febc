// The security layer of the HTTP server, in one place: security headers (helmet: a strict
// Content-Security-Policy, HSTS over TLS, nosniff, Referrer-Policy, frame-ancestors), cookies,
// CSRF tokens bound to the session, per-client rate limits, and the session lookup that routes
// use for authentication.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { actorOf, type RouteSecurity } from '../http/api.ts';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db.ts';
import { actorOfSession, csrfCookieName, serverSecret, sessionCookieName } from './sessions.ts';

/** Over TLS: directly, through a trusted proxy (X-Forwarded-Proto), or by the configured public address. */
export function servedOverTls(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): boolean {
  return request.protocol === 'https' || (config.publicUrl?.startsWith('https://') ?? false);
}

/**
 * The Content-Security-Policy. The web app (web/dist) loads only its own module scripts and
 * styles from /assets: no inline script, no eval. Styles allow 'unsafe-inline' for React's
 * style attributes and SVG presentation styles; scripts never do.
 */
export function contentSecurityPolicy(config: Pick<Config, 'publicUrl'>): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    ...(config.publicUrl?.startsWith('https://') ? { upgradeInsecureRequests: [] } : {}),
  };
}

export async function registerSecurity(app: FastifyInstance, db: Database, config: Config): Promise<RouteSecurity> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    // Sent per request below: only when served over TLS.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (servedOverTls(request, config)) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    reply.header('X-Request-Id', String(request.id));
    done();
  });

  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: csrfCookieName(config),
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: config.cookieSecure, signed: false },
    // Only the header: a form post from another site cannot set it.
    getToken: (request) => {
      const value = request.headers['x-csrf-token'];
      return typeof value === 'string' ? value : undefined;
    },
    // A token is valid only for the session it was issued to (or for no session, before sign-in).
    getUserInfo: (request) => actorOf(request)?.sessionIdHash ?? 'anonymous',
    csrfOpts: { hmacKey: await serverSecret(db, 'csrf-hmac'), userInfo: true },
  });

  await app.register(fastifyRateLimit, {
    global: false,
    // Per client address (behind a proxy: with KANSRIJK_TRUST_PROXY=1, the forwarded one). Not
    // per cookie: a client could send a new cookie with every request.
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'rate-limited', message: `too many requests: try again in ${Math.ceil(context.ttl / 1000)} s` }),
  });

  const cookieName = sessionCookieName(config);
  return {
    authenticate: async (request) => {
      const token = request.cookies[cookieName];
      return token ? actorOfSession(db, token, config) : undefined;
    },
    csrfProtection: (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => app.csrfProtection(request, reply, done),
    rateLimits: { auth: config.rateLimits.authPerMinute, write: config.rateLimits.writePerMinute },
  };
}

/** A fresh CSRF token for this request's session (or for none): with a new secret when `rotate`. */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply, config: Config, sessionIdHash: string | undefined, rotate = false): string {
  if (rotate) delete request.cookies[csrfCookieName(config)];
  return reply.generateCsrf({ userInfo: sessionIdHash ?? 'anonymous' });
}

/** Keys that never reach the logs, wherever they appear. */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body',
  'req.body',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
  '*.code',
  '*.state',
];

const SECRET_PARAMS = /^(code|state|token|session_state|id_token|access_token|password|nonce)$/i;

/** A URL for the log: query values that could open a session are replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const out = [...params.entries()].map(([k, v]) => `${encodeURIComponent(k)}=${SECRET_PARAMS.test(k) ? '[redacted]' : encodeURIComponent(v)}`);
  return `${url.slice(0, q)}?${out.join('&')}`;
}

/** pino options for the server's logger: redaction and a request serializer without secrets. */
export function loggerOptions(stream?: NodeJS.WritableStream) {
  return {
    level: process.env.LOG_LEVEL ?? 'info',
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({ id: request.id, method: request.method, url: redactUrl(request.url) }),
    },
    ...(stream ? { stream } : {}),
  };
}

/** Requests get an id for the logs and the audit trail: the proxy's X-Request-Id when trusted, else a new one. */
export function requestIdGenerator(config: Pick<Config, 'trustProxy'>) {
  return (request: { headers: Record<string, string | string[] | undefined> }) => {
    const incoming = request.headers['x-request-id'];
    if (config.trustProxy && typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming)) return incoming;
    return randomUUID();
  };
}
