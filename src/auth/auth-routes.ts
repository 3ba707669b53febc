// HTTP API v1 of accounts: sign-in and sign-out, the session, CSRF tokens, password change,
// OIDC sign-in, and the management of organisations and accounts by the programme team.

import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defineRoute } from '../http/api.ts';
import { HttpError, notFound } from '../http/errors.ts';
import type { Platform } from '../platform/platform.ts';
import { recordAudit, type AuditContext } from '../audit/audit.ts';
import type { Actor } from './actor.ts';
import {
  checkOrganisationArea,
  checkRoleFits,
  conflict,
  findOrganisation,
  findUser,
  listOrganisations,
  listUsers,
  organisationView,
  sessionView,
  userView,
} from './accounts.ts';
import { auditContext, inTransaction } from './guard.ts';
import { clearAccountFailures, loginThrottle, recordLoginFailure } from './login-throttle.ts';
import { accountForIdentity, OidcClient, safeReturnPath } from './oidc.ts';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.ts';
import { ORGANISATION_TYPES, ROLES } from './policy.ts';
import { issueCsrfToken } from './security.ts';
import { actorOfSession, createSession, deleteSession, deleteUserSessions, sessionCookieName, sessionCookieOptions } from './sessions.ts';

const uuid = (what: string) => z.uuid(`must be the id (uuid) of ${what}`);
const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
const email = z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address').max(254, 'must be at most 254 characters'));
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const text = { type: 'string' } as const;
const sessionSchema = {
  type: 'object',
  properties: {
    user: { type: 'object', properties: { id: text, email: text, name: text, role: { enum: [...ROLES] } } },
    organisation: { type: 'object', properties: { id: text, name: text, type: { enum: [...ORGANISATION_TYPES] }, area: { type: ['string', 'null'] } } },
    coalitions: { type: 'array', items: text, description: 'Ids of the coalitions the organisation is a partner in' },
    authMethod: { enum: ['password', 'oidc'] },
    permissions: { type: 'array', description: 'What the role may do (from the access policy): show only those buttons', items: { type: 'object', properties: { resource: text, action: text, scope: text } } },
    csrfToken: { type: 'string', description: 'Send it as the x-csrf-token header with every POST, PATCH, PUT and DELETE' },
  },
};
const csrfSchema = { type: 'object', properties: { csrfToken: text } };
const organisationSchema = {
  type: 'object',
  properties: { id: text, name: text, type: { enum: [...ORGANISATION_TYPES] }, area: { type: ['object', 'null'], properties: { code: text, name: text } }, oidcProvider: { type: ['string', 'null'] } },
};
const userSchema = {
  type: 'object',
  properties: {
    id: text,
    email: text,
    name: text,
    role: { enum: [...ROLES] },
    status: { enum: ['active', 'disabled'] },
    organisation: { type: 'object', properties: { id: text, name: text, type: text } },
    signIn: { type: 'object', properties: { password: { type: 'boolean' }, oidc: { type: 'boolean' } } },
    createdAt: text,
  },
};

export function authRoutes(platform: Platform) {
  const { db, config } = platform;
  const oidc = config.oidc ? new OidcClient(config.oidc) : undefined;
  const cookieName = sessionCookieName(config);
  const flowCookie = config.cookieSecure ? '__Host-kansrijk_oidc' : 'kansrijk_oidc';

  /** Starts a session for a user whose identity has been proven; ends the browser's previous one. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string, method: 'password' | 'oidc', previous: Actor | undefined) {
    // Rotation: whatever session this browser had ends here; the new one gets a new id.
    if (previous) await deleteSession(db, previous.sessionIdHash);
    const { token } = await db.transaction(async (tx) => {
      const session = await createSession(tx, userId, method, config);
      const actor = (await actorOfSession(tx, session.token, config))!;
      await recordAudit(tx, { ...auditContext(request), actor }, { action: 'login', resourceType: 'account', resourceId: userId, detail: { method } });
      return session;
    });
    reply.setCookie(cookieName, token, sessionCookieOptions(config));
    const actor = (await actorOfSession(db, token, config))!;
    return { actor, csrfToken: issueCsrfToken(request, reply, config, actor.sessionIdHash, true) };
  }

  function endSessionCookie(request: FastifyRequest, reply: FastifyReply) {
    reply.clearCookie(cookieName, sessionCookieOptions(config));
    return issueCsrfToken(request, reply, config, undefined, true);
  }

  const failure = (context: AuditContext, detail: Record<string, string>, subjectUserId?: string) =>
    recordAudit(db, context, { action: 'login', resourceType: 'account', resourceId: subjectUserId, outcome: 'failure', subjectUserId, detail });

  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/auth/csrf',
      tag: 'auth',
      auth: 'optional',
      summary: 'A CSRF token for this browser and session',
      description:
        'Every POST, PUT, PATCH and DELETE needs this token in the `x-csrf-token` header. It belongs to the session it was issued for ' +
        '(or to no session, for signing in); sign-in, sign-out and a password change answer with a new one.',
      response: csrfSchema,
      handler: async ({ request, reply, actor }) => ({ csrfToken: issueCsrfToken(request, reply, config, actor?.sessionIdHash) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/auth/providers',
      tag: 'auth',
      summary: 'Identity providers (OpenID Connect) one can sign in with, besides e-mail and password',
      response: { type: 'array', items: { type: 'object', properties: { id: text, name: text, loginUrl: text } } },
      handler: async () => (oidc ? [{ id: oidc.settings.id, name: oidc.settings.name, loginUrl: `/api/v1/auth/oidc/${oidc.settings.id}/login` }] : []),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/auth/login',
      tag: 'auth',
      auth: 'optional',
      rateLimit: 'auth',
      summary: 'Sign in with e-mail address and password',
      description:
        'Sets the session cookie (HttpOnly, SameSite=Lax, Secure over TLS) with a new session id and answers with the session and a new CSRF token. ' +
        'A wrong address or password gets one answer, 401 `invalid-credentials`, whichever it was. ' +
        `After ${config.loginLimits.accountFailures} failures for one address, or ${config.loginLimits.addressFailures} from one client, within ${config.loginLimits.windowMinutes} minutes: 429 with Retry-After, counted across all app servers.`,
      body: z.strictObject({
        email: z.string().trim().toLowerCase().min(1, 'must not be empty').max(254, 'must be at most 254 characters'),
        password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
      }),
      response: sessionSchema,
      errors: { 429: 'Too many failed sign-ins for this e-mail address or from this client; see Retry-After' },
      handler: async ({ body, request, reply, actor }) => {
        const context = auditContext(request);
        const address = request.ip;
        const throttle = await loginThrottle(db, body.email, address, config.loginLimits);
        if (throttle.blocked) {
          await failure(context, { reason: 'throttled', limit: throttle.reason ?? 'account' });
          reply.header('retry-after', String(throttle.retryAfterSeconds));
          throw new HttpError(429, 'rate-limited', `too many failed sign-ins: try again in ${throttle.retryAfterSeconds} s`);
        }
        const [user] = await db.query<{ id: string; password_hash: string | null; status: string }>('SELECT id, password_hash, status FROM app_user WHERE email = $1', [body.email]);
        const valid = await verifyPassword(user?.status === 'active' ? user.password_hash : null, body.password);
        if (!user || !valid) {
          await recordLoginFailure(db, body.email, address, config.loginLimits);
          await failure(context, { reason: 'bad-credentials' }, user?.id);
          throw new HttpError(401, 'invalid-credentials', 'e-mail address or password is not right');
        }
        await clearAccountFailures(db, body.email);
        const session = await startSession(request, reply, user.id, 'password', actor);
        return { ...sessionView(session.actor), csrfToken: session.csrfToken };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/auth/logout',
      tag: 'auth',
      auth: 'session',
      rateLimit: 'auth',
      summary: 'Sign out: ends this session',
      response: csrfSchema,
      handler: async ({ request, reply, actor }) => {
        await inTransaction(db, request, async (access) => {
          access.check('update', { type: 'account', userId: actor.userId, id: actor.userId });
          await deleteSession(access.tx, actor.sessionIdHash);
          await access.audit('logout', { type: 'account', id: actor.userId });
        });
        return { csrfToken: endSessionCookie(request, reply) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/auth/logout-everywhere',
      tag: 'auth',
      auth: 'session',
      rateLimit: 'auth',
      summary: "Sign out everywhere: ends all of the user's sessions, on every device",
      response: csrfSchema,
      handler: async ({ request, reply, actor }) => {
        await inTransaction(db, request, async (access) => {
          access.check('update', { type: 'account', userId: actor.userId, id: actor.userId });
          const ended = await deleteUserSessions(access.tx, actor.userId);
          await access.audit('logout-everywhere', { type: 'account', id: actor.userId }, { sessions: ended });
        });
        return { csrfToken: endSessionCookie(request, reply) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/auth/session',
      tag: 'auth',
      auth: 'session',
      summary: 'The signed-in user, their organisation and coalitions, what their role may do, and a CSRF token',
      response: sessionSchema,
      handler: async ({ request, reply, actor }) => {
        await inTransaction(db, request, async (access) => access.check('read', { type: 'account', userId: actor.userId, id: actor.userId }));
        return { ...sessionView(actor), csrfToken: issueCsrfToken(request, reply, config, actor.sessionIdHash) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/auth/password',
      tag: 'auth',
      auth: 'session',
      rateLimit: 'auth',
      summary: 'Change one’s own password; ends every other session and renews this one',
      body: z.strictObject({
        currentPassword: z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
        newPassword,
      }),
      response: sessionSchema,
      errors: { 429: 'Too many wrong current passwords; see Retry-After' },
      handler: async ({ body, request, reply, actor }) => {
        const throttle = await loginThrottle(db, actor.email, request.ip, config.loginLimits);
        if (throttle.blocked) {
          reply.header('retry-after', String(throttle.retryAfterSeconds));
          throw new HttpError(429, 'rate-limited', `too many failed attempts: try again in ${throttle.retryAfterSeconds} s`);
        }
        const [row] = await db.query<{ password_hash: string | null }>('SELECT password_hash FROM app_user WHERE id = $1', [actor.userId]);
        if (!(await verifyPassword(row?.password_hash, body.currentPassword))) {
          await recordLoginFailure(db, actor.email, request.ip, config.loginLimits);
          await recordAudit(db, auditContext(request), { action: 'change-password', resourceType: 'account', resourceId: actor.userId, outcome: 'failure', detail: { reason: 'bad-credentials' } });
          throw new HttpError(400, 'bad-request', "field 'currentPassword': is not right", 'currentPassword');
        }
        if (body.newPassword.toLowerCase() === actor.email) throw new HttpError(400, 'bad-request', "field 'newPassword': must not be the e-mail address", 'newPassword');
        const hash = await hashPassword(body.newPassword);
        await inTransaction(db, request, async (access) => {
          access.check('update', { type: 'account', userId: actor.userId, id: actor.userId });
          await access.tx.query('UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE id = $1', [actor.userId, hash]);
          const ended = await deleteUserSessions(access.tx, actor.userId, actor.sessionIdHash);
          await access.audit('change-password', { type: 'account', id: actor.userId }, { otherSessionsEnded: ended });
        });
        const session = await startSession(request, reply, actor.userId, actor.authMethod, actor);
        return { ...sessionView(session.actor), csrfToken: session.csrfToken };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/auth/oidc/:provider/login',
      tag: 'auth',
      rateLimit: 'auth',
      successStatus: 302,
      summary: "Sign in through the organisation's identity provider (OpenID Connect): redirects there",
      description: 'Afterwards the provider sends the browser to the callback, which signs in and redirects to `returnTo` (a path on this site).',
      params: z.object({ provider: z.string().max(40).describe('Provider id, see /api/v1/auth/providers') }),
      query: z.object({ returnTo: z.string().max(500).optional().describe('Path to return to after signing in, e.g. /nl/coalities') }),
      handler: async ({ params, query, request, reply }) => {
        if (!oidc || params.provider !== oidc.settings.id) throw notFound(`no identity provider '${params.provider}'`, 'provider');
        let started;
        try {
          started = await oidc.start(db, safeReturnPath(query.returnTo));
        } catch (error) {
          // The provider cannot be reached (or its metadata is wrong): say so on our page.
          request.log.warn({ provider: params.provider, reason: (error as Error).message }, 'OIDC provider unavailable');
          return reply.redirect('/nl/inloggen?fout=oidc', 302);
        }
        reply.setCookie(flowCookie, started.flowToken, { ...sessionCookieOptions(config), maxAge: 600 });
        return reply.redirect(started.url.href, 302);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/auth/oidc/:provider/callback',
      tag: 'auth',
      auth: 'optional',
      rateLimit: 'auth',
      successStatus: 302,
      summary: 'Where the identity provider returns: signs in and redirects to the page the sign-in started from',
      description: 'On failure (refused at the provider, unknown or unlinked account, expired sign-in) it redirects to `/nl/inloggen?fout=oidc` and starts no session.',
      params: z.object({ provider: z.string().max(40) }),
      query: z.object({}).catchall(z.string().max(4000)),
      handler: async ({ params, query, request, reply, actor }) => {
        if (!oidc || params.provider !== oidc.settings.id) throw notFound(`no identity provider '${params.provider}'`, 'provider');
        const flowToken = request.cookies[flowCookie];
        reply.clearCookie(flowCookie, sessionCookieOptions(config));
        const context = auditContext(request);
        let identity;
        try {
          identity = await oidc.finish(db, flowToken, query);
        } catch (error) {
          request.log.warn({ provider: params.provider, reason: (error as Error).message }, 'OIDC sign-in failed')
          await failure(context, { reason: 'oidc', provider: params.provider });
          return reply.redirect('/nl/inloggen?fout=oidc', 302);
        }
        const userId = await db.transaction((tx) => accountForIdentity(tx, oidc.settings.id, identity));
        if (!userId) {
          await failure(context, { reason: 'oidc-no-account', provider: params.provider });
          return reply.redirect('/nl/inloggen?fout=oidc', 302);
        }
        await startSession(request, reply, userId, 'oidc', actor);
        return reply.redirect(identity.returnTo, 302);
      },
    }),

    // Organisations ---------------------------------------------------------------------------
    defineRoute({
      method: 'GET',
      path: '/api/v1/organisations',
      tag: 'accounts',
      auth: 'session',
      summary: 'Organisations (gemeenten, JGZ, midwives, hospitals, maternity care, insurers, district teams, GPs, programme team)',
      query: z.object({ type: z.enum(ORGANISATION_TYPES).optional().describe('Only organisations of this type') }),
      response: { type: 'array', items: organisationSchema },
      handler: async ({ query, request }) =>
        inTransaction(db, request, async (access) => {
          access.check('read', { type: 'organisation' });
          return (await listOrganisations(access.tx, query.type)).map(organisationView);
        }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/organisations',
      tag: 'accounts',
      auth: 'session',
      successStatus: 201,
      summary: 'Register an organisation (programme team)',
      body: z.strictObject({
        name,
        type: z.enum(ORGANISATION_TYPES),
        areaCode: z.string().regex(/^[A-Z]{2}\d{2,8}$/, 'must be an area code such as GM0599').nullish(),
        oidcProvider: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a provider id').nullish(),
      }),
      response: organisationSchema,
      errors: { 409: 'The gemeente already has an organisation' },
      handler: async ({ body, request }) =>
        inTransaction(db, request, async (access) => {
          access.check('create', { type: 'organisation' });
          await checkOrganisationArea(access.tx, body.type, body.areaCode);
          const [row] = await access.tx.query<{ id: string }>('INSERT INTO organisation (name, type, area_code, oidc_provider) VALUES ($1, $2, $3, $4) RETURNING id', [
            body.name,
            body.type,
            body.areaCode ?? null,
            body.oidcProvider ?? null,
          ]);
          await access.audit('create', { type: 'organisation', id: row!.id }, { type: body.type });
          return organisationView((await findOrganisation(access.tx, row!.id))!);
        }),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/v1/organisations/:organisationId',
      tag: 'accounts',
      auth: 'session',
      summary: 'Change an organisation: name, area, identity provider (programme team)',
      params: z.object({ organisationId: uuid('an organisation') }),
      body: z.strictObject({
        name: name.optional(),
        areaCode: z.string().regex(/^[A-Z]{2}\d{2,8}$/, 'must be an area code such as GM0599').nullish(),
        oidcProvider: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a provider id').nullish(),
      }),
      response: organisationSchema,
      errors: { 409: 'The gemeente already has an organisation' },
      handler: async ({ params, body, request }) =>
        inTransaction(db, request, async (access) => {
          access.checkRole('update', { type: 'organisation', id: params.organisationId });
          const current = await findOrganisation(access.tx, params.organisationId);
          if (!current) throw notFound('no such organisation', 'organisationId');
          access.check('update', { type: 'organisation', id: current.id, organisationId: current.id });
          const areaCode = body.areaCode === undefined ? current.area_code : body.areaCode;
          if (body.areaCode !== undefined) await checkOrganisationArea(access.tx, current.type, areaCode, current.id);
          await access.tx.query('UPDATE organisation SET name = $2, area_code = $3, oidc_provider = $4 WHERE id = $1', [
            current.id,
            body.name ?? current.name,
            areaCode,
            body.oidcProvider === undefined ? current.oidc_provider : body.oidcProvider,
          ]);
          await access.audit('update', { type: 'organisation', id: current.id }, { fields: Object.keys(body) });
          return organisationView((await findOrganisation(access.tx, current.id))!);
        }),
    }),

    // Accounts --------------------------------------------------------------------------------
    defineRoute({
      method: 'GET',
      path: '/api/v1/users',
      tag: 'accounts',
      auth: 'session',
      summary: 'User accounts (programme team)',
      query: z.object({ organisation: uuid('an organisation').optional(), role: z.enum(ROLES).optional() }),
      response: { type: 'array', items: userSchema },
      handler: async ({ query, request }) =>
        inTransaction(db, request, async (access) => {
          access.check('read', { type: 'user' });
          const rows = await listUsers(access.tx, query);
          await access.audit('read', { type: 'user' }, { count: rows.length });
          return rows.map(userView);
        }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/users',
      tag: 'accounts',
      auth: 'session',
      successStatus: 201,
      summary: 'Create an account (programme team)',
      description: 'Without a password the account can sign in only through its organisation’s identity provider (OIDC).',
      body: z.strictObject({ email, name, role: z.enum(ROLES), organisationId: uuid('an organisation'), password: newPassword.optional() }),
      response: userSchema,
      errors: { 409: 'An account with this e-mail address exists' },
      handler: async ({ body, request }) => {
        const hash = body.password ? await hashPassword(body.password) : null;
        return inTransaction(db, request, async (access) => {
          access.check('create', { type: 'user' });
          const organisation = await findOrganisation(access.tx, body.organisationId);
          if (!organisation) throw new HttpError(400, 'bad-request', "field 'organisationId': no such organisation", 'organisationId');
          checkRoleFits(body.role, organisation.type);
          const [existing] = await access.tx.query('SELECT 1 FROM app_user WHERE email = $1', [body.email]);
          if (existing) throw conflict('an account with this e-mail address exists', 'email');
          const [row] = await access.tx.query<{ id: string }>(
            'INSERT INTO app_user (email, name, role, organisation_id, password_hash, password_changed_at) VALUES ($1, $2, $3, $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END) RETURNING id',
            [body.email, body.name, body.role, organisation.id, hash],
          );
          await access.audit('create', { type: 'user', id: row!.id }, { role: body.role, organisation: organisation.id });
          return userView((await findUser(access.tx, row!.id))!);
        });
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/v1/users/:userId',
      tag: 'accounts',
      auth: 'session',
      summary: 'Change an account: name, role, status (disabling ends its sessions), password (programme team)',
      params: z.object({ userId: uuid('an account') }),
      body: z.strictObject({ name: name.optional(), role: z.enum(ROLES).optional(), status: z.enum(['active', 'disabled']).optional(), password: newPassword.optional() }),
      response: userSchema,
      handler: async ({ params, body, request }) => {
        const hash = body.password ? await hashPassword(body.password) : undefined;
        return inTransaction(db, request, async (access) => {
          access.checkRole('update', { type: 'user', id: params.userId });
          const user = await findUser(access.tx, params.userId);
          if (!user) throw notFound('no such account', 'userId');
          access.check('update', { type: 'user', id: user.id, organisationId: user.organisation_id });
          const role = body.role ?? user.role;
          checkRoleFits(role, user.organisation_type);
          await access.tx.query(
            `UPDATE app_user SET name = $2, role = $3, status = $4, password_hash = COALESCE($5, password_hash),
               password_changed_at = CASE WHEN $5::text IS NULL THEN password_changed_at ELSE now() END WHERE id = $1`,
            [user.id, body.name ?? user.name, role, body.status ?? user.status, hash ?? null],
          );
          // A disabled account, a new role or a reset password: sessions start over.
          const ended = body.status === 'disabled' || body.role !== undefined || hash ? await deleteUserSessions(access.tx, user.id) : 0;
          await access.audit('update', { type: 'user', id: user.id }, { fields: Object.keys(body), status: body.status, role: body.role, sessionsEnded: ended });
          return userView((await findUser(access.tx, user.id))!);
        });
      },
    }),
  ];
}
