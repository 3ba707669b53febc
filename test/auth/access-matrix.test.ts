// The access matrix: every endpoint of the API that is not plain public figures (atlas,
// menukaart) × every role — signed out, the programme team, the Rotterdam coordinator, the
// Tilburg coordinator (another coalition), a partner, a professional and JGZ of Rotterdam —
// allowed and denied, on both database engines. The expectations are written out here by
// hand, not derived from the policy table: the test checks the policy, it does not repeat it.
// Every answer is also checked in the audit trail: an allowed change or protected read has a
// `success` event with the actor, every 403 a `denied` event with the actor.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { Client } from './client.ts';
import { ACTORS, ACTOR_KINDS, DEMO_PASSWORD, demoIds, fixtures, signInAll, type ActorKind } from '../coalities/fixtures.ts';

type Kind = ActorKind | 'anonymous';
const KINDS: Kind[] = ['anonymous', ...ACTOR_KINDS];
const SIGNED_IN: Kind[] = [...ACTOR_KINDS];
const EVERYONE: Kind[] = KINDS;

interface Request {
  method: string;
  url: string;
  body?: unknown;
  /** Send it with this client instead of the actor's own (a throwaway session). */
  client?: Client;
}

interface Endpoint {
  /** METHOD and OpenAPI path: must match the server's OpenAPI document. */
  route: string;
  /** Who gets the success status; everyone else 401 (signed out) or 403. */
  allowed: Kind[];
  success: number;
  /** Status for everyone when not about roles at all (e.g. OIDC not configured: 404). */
  sameForAll?: number;
  /** An allowed call leaves a success event in the audit trail. */
  audited?: boolean;
  request(kind: Kind): Promise<Request>;
}

describe.each(TEST_ENGINES)('access matrix on $name', (engine) => {
  let p: TestPlatform;
  let clients: Record<Kind, Client>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let fx: ReturnType<typeof fixtures>;
  let R: string;
  let userIds: Record<ActorKind, string>;

  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, accounts: { password: DEMO_PASSWORD }, config: { rateLimits: { authPerMinute: 100_000, writePerMinute: 100_000 } } });
    const signedIn = await signInAll(p);
    const anonymous = new Client(p.app);
    await anonymous.fetchCsrf();
    clients = { anonymous, ...signedIn };
    ids = await demoIds(p.db);
    fx = fixtures(p.db);
    R = ids.rotterdam;
    userIds = Object.fromEntries(await Promise.all(ACTOR_KINDS.map(async (k) => [k, await ids.user(ACTORS[k])]))) as Record<ActorKind, string>;
  });
  afterAll(async () => p?.close());

  /** A fresh signed-in session of a throwaway account like the actor's (for sign-out and password changes). */
  async function throwaway(kind: Kind): Promise<Client> {
    if (kind === 'anonymous') {
      const c = new Client(p.app);
      await c.fetchCsrf();
      return c;
    }
    const email = await fx.userLike(ACTORS[kind], 'throwaway-password-1');
    return new Client(p.app).signIn(email, 'throwaway-password-1');
  }

  const endpoints: Endpoint[] = [
    // Public
    { route: 'GET /api/v1/coalitions/overview', allowed: EVERYONE, success: 200, request: async () => ({ method: 'GET', url: '/api/v1/coalitions/overview' }) },
    { route: 'GET /api/v1/coalitions', allowed: EVERYONE, success: 200, request: async () => ({ method: 'GET', url: '/api/v1/coalitions' }) },
    { route: 'GET /api/v1/coalitions/vocabulary', allowed: EVERYONE, success: 200, request: async () => ({ method: 'GET', url: '/api/v1/coalitions/vocabulary' }) },
    { route: 'GET /api/v1/auth/csrf', allowed: EVERYONE, success: 200, request: async () => ({ method: 'GET', url: '/api/v1/auth/csrf' }) },
    { route: 'GET /api/v1/auth/providers', allowed: EVERYONE, success: 200, request: async () => ({ method: 'GET', url: '/api/v1/auth/providers' }) },
    {
      route: 'POST /api/v1/auth/login',
      allowed: SIGNED_IN,
      success: 200,
      audited: true,
      // Each role signs in with its own account in a new browser; signed out = a wrong password.
      request: async (kind) => {
        const client = new Client(p.app);
        await client.fetchCsrf();
        return { client, method: 'POST', url: '/api/v1/auth/login', body: kind === 'anonymous' ? { email: ACTORS.gemeente, password: 'not-the-password' } : { email: ACTORS[kind], password: DEMO_PASSWORD } };
      },
    },
    { route: 'GET /api/v1/auth/oidc/{provider}/login', allowed: [], success: 302, sameForAll: 404, request: async () => ({ method: 'GET', url: '/api/v1/auth/oidc/sso/login' }) },
    { route: 'GET /api/v1/auth/oidc/{provider}/callback', allowed: [], success: 302, sameForAll: 404, request: async () => ({ method: 'GET', url: '/api/v1/auth/oidc/sso/callback?code=x&state=y' }) },

    // One's own account
    { route: 'GET /api/v1/auth/session', allowed: SIGNED_IN, success: 200, request: async () => ({ method: 'GET', url: '/api/v1/auth/session' }) },
    { route: 'POST /api/v1/auth/logout', allowed: SIGNED_IN, success: 200, audited: true, request: async (k) => ({ client: await throwaway(k), method: 'POST', url: '/api/v1/auth/logout', body: {} }) },
    { route: 'POST /api/v1/auth/logout-everywhere', allowed: SIGNED_IN, success: 200, audited: true, request: async (k) => ({ client: await throwaway(k), method: 'POST', url: '/api/v1/auth/logout-everywhere', body: {} }) },
    {
      route: 'POST /api/v1/auth/password',
      allowed: SIGNED_IN,
      success: 200,
      audited: true,
      request: async (k) => ({ client: await throwaway(k), method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: 'throwaway-password-1', newPassword: 'a-new-password-2024' } }),
    },

    // Organisations and accounts
    { route: 'GET /api/v1/organisations', allowed: SIGNED_IN, success: 200, request: async () => ({ method: 'GET', url: '/api/v1/organisations' }) },
    { route: 'POST /api/v1/organisations', allowed: ['programma'], success: 201, audited: true, request: async (k) => ({ method: 'POST', url: '/api/v1/organisations', body: { name: `Huisartsen ${k}`, type: 'huisarts' } }) },
    {
      route: 'PATCH /api/v1/organisations/{organisationId}',
      allowed: ['programma'],
      success: 200,
      audited: true,
      request: async (k) => ({ method: 'PATCH', url: `/api/v1/organisations/${await ids.organisation('Verloskundig samenwerkingsverband Rotterdam-Zuid (demo)')}`, body: { oidcProvider: k === 'programma' ? null : 'sso' } }),
    },
    { route: 'GET /api/v1/users', allowed: ['programma'], success: 200, audited: true, request: async () => ({ method: 'GET', url: '/api/v1/users' }) },
    {
      route: 'POST /api/v1/users',
      allowed: ['programma'],
      success: 201,
      audited: true,
      request: async (k) => ({ method: 'POST', url: '/api/v1/users', body: { email: `new.${k}@kansrijk.example`, name: 'Nieuw', role: 'partner', organisationId: await ids.organisation('Verloskundig samenwerkingsverband Rotterdam-Zuid (demo)'), password: 'a-long-password-1' } }),
    },
    {
      route: 'PATCH /api/v1/users/{userId}',
      allowed: ['programma'],
      success: 200,
      audited: true,
      request: async () => ({ method: 'PATCH', url: `/api/v1/users/${userIds.professional}`, body: { name: 'Vincent Verloskundige (demo)' } }),
    },

    // Coalitions
    { route: 'GET /api/v1/coalitions/mine', allowed: SIGNED_IN, success: 200, audited: true, request: async () => ({ method: 'GET', url: '/api/v1/coalitions/mine' }) },
    {
      route: 'POST /api/v1/coalitions',
      allowed: ['programma', 'gemeente', 'tilburg'],
      success: 201,
      audited: true,
      // Status gestopt: a stopped coalition claims no gemeente, so each call can succeed.
      request: async (k) => ({
        method: 'POST',
        url: '/api/v1/coalitions',
        body:
          k === 'programma'
            ? { name: 'Nieuwe coalitie', status: 'gestopt', gemeenten: ['GM0344'], leadOrganisationId: await ids.organisation('Gemeente Utrecht') }
            : { name: 'Nieuwe coalitie', status: 'gestopt', gemeenten: [k === 'tilburg' ? 'GM0855' : 'GM0599'] },
      }),
    },
    { route: 'GET /api/v1/coalitions/{coalitionId}', allowed: ['programma', 'gemeente', 'partner', 'professional', 'jgz'], success: 200, audited: true, request: async () => ({ method: 'GET', url: `/api/v1/coalitions/${R}` }) },
    { route: 'PATCH /api/v1/coalitions/{coalitionId}', allowed: ['programma', 'gemeente'], success: 200, audited: true, request: async () => ({ method: 'PATCH', url: `/api/v1/coalitions/${R}`, body: { description: 'Bijgewerkt' } }) },
    { route: 'POST /api/v1/coalitions/{coalitionId}/partners', allowed: ['gemeente'], success: 201, audited: true, request: async (k) => ({ method: 'POST', url: `/api/v1/coalitions/${R}/partners`, body: { type: 'huisarts', name: `Huisartsen ${k}` } }) },
    { route: 'PATCH /api/v1/coalitions/{coalitionId}/partners/{partnerId}', allowed: ['gemeente'], success: 200, audited: true, request: async () => ({ method: 'PATCH', url: `/api/v1/coalitions/${R}/partners/${await fx.partner(R)}`, body: { note: 'Bijgewerkt' } }) },
    { route: 'DELETE /api/v1/coalitions/{coalitionId}/partners/{partnerId}', allowed: ['gemeente'], success: 204, audited: true, request: async () => ({ method: 'DELETE', url: `/api/v1/coalitions/${R}/partners/${await fx.partner(R)}` }) },
    {
      route: 'POST /api/v1/coalitions/{coalitionId}/agreements',
      allowed: ['gemeente', 'partner', 'jgz'],
      success: 201,
      audited: true,
      request: async () => {
        const parties = (await ids.partners(R)).slice(0, 2).map((x) => x.id);
        return { method: 'POST', url: `/api/v1/coalitions/${R}/agreements`, body: { subject: 'Afspraak', actionLine: 2, partyIds: parties, status: 'concept' } };
      },
    },
    { route: 'PATCH /api/v1/coalitions/{coalitionId}/agreements/{agreementId}', allowed: ['gemeente', 'partner', 'jgz'], success: 200, audited: true, request: async () => ({ method: 'PATCH', url: `/api/v1/coalitions/${R}/agreements/${await fx.agreement(R)}`, body: { status: 'vastgesteld' } }) },
    { route: 'DELETE /api/v1/coalitions/{coalitionId}/agreements/{agreementId}', allowed: ['gemeente'], success: 204, audited: true, request: async () => ({ method: 'DELETE', url: `/api/v1/coalitions/${R}/agreements/${await fx.agreement(R)}` }) },
    { route: 'POST /api/v1/coalitions/{coalitionId}/goals', allowed: ['gemeente'], success: 201, audited: true, request: async () => ({ method: 'POST', url: `/api/v1/coalitions/${R}/goals`, body: { nationalGoal: 4, description: 'Minder Big2', indicatorId: 'big2', targetValue: 12, targetYear: 2026 } }) },
    { route: 'PATCH /api/v1/coalitions/{coalitionId}/goals/{goalId}', allowed: ['gemeente'], success: 200, audited: true, request: async () => ({ method: 'PATCH', url: `/api/v1/coalitions/${R}/goals/${await fx.goal(R)}`, body: { description: 'Bijgewerkt' } }) },
    { route: 'DELETE /api/v1/coalitions/{coalitionId}/goals/{goalId}', allowed: ['gemeente'], success: 204, audited: true, request: async () => ({ method: 'DELETE', url: `/api/v1/coalitions/${R}/goals/${await fx.goal(R)}` }) },
    { route: 'POST /api/v1/coalitions/{coalitionId}/plan-items', allowed: ['gemeente'], success: 201, audited: true, request: async () => ({ method: 'POST', url: `/api/v1/coalitions/${R}/plan-items`, body: { interventionId: 'voorzorg', targetReach: 40, fundingRoute: 'wpg-jgz' } }) },
    { route: 'PATCH /api/v1/coalitions/{coalitionId}/plan-items/{planItemId}', allowed: ['gemeente'], success: 200, audited: true, request: async () => ({ method: 'PATCH', url: `/api/v1/coalitions/${R}/plan-items/${await fx.planItem(R)}`, body: { status: 'gepland' } }) },
    { route: 'DELETE /api/v1/coalitions/{coalitionId}/plan-items/{planItemId}', allowed: ['gemeente'], success: 204, audited: true, request: async () => ({ method: 'DELETE', url: `/api/v1/coalitions/${R}/plan-items/${await fx.planItem(R)}` }) },
    { route: 'POST /api/v1/coalitions/{coalitionId}/updates', allowed: ['gemeente', 'partner', 'jgz'], success: 201, audited: true, request: async () => ({ method: 'POST', url: `/api/v1/coalitions/${R}/updates`, body: { text: 'Voortgang' } }) },
    {
      route: 'POST /api/v1/coalitions/{coalitionId}/funding-applications',
      allowed: ['gemeente'],
      success: 201,
      audited: true,
      request: async () => ({ method: 'POST', url: `/api/v1/coalitions/${R}/funding-applications`, body: { amount: 1000, periodStart: '2021-01-01', periodEnd: '2021-12-31', purpose: 'Impuls' } }),
    },
    {
      route: 'GET /api/v1/coalitions/{coalitionId}/funding-applications/{applicationId}',
      allowed: ['programma', 'gemeente', 'partner', 'jgz'],
      success: 200,
      audited: true,
      request: async () => ({ method: 'GET', url: `/api/v1/coalitions/${R}/funding-applications/${await fx.application(R)}` }),
    },
    { route: 'POST /api/v1/coalitions/{coalitionId}/funding-applications/{applicationId}/withdraw', allowed: ['gemeente'], success: 200, audited: true, request: async () => ({ method: 'POST', url: `/api/v1/coalitions/${R}/funding-applications/${await fx.application(R)}/withdraw`, body: {} }) },
    {
      route: 'POST /api/v1/coalitions/{coalitionId}/funding-applications/{applicationId}/decision',
      allowed: ['programma'],
      success: 200,
      audited: true,
      request: async () => ({ method: 'POST', url: `/api/v1/coalitions/${R}/funding-applications/${await fx.application(R)}/decision`, body: { decision: 'afgewezen', reason: 'Valt buiten de regeling' } }),
    },
    { route: 'GET /api/v1/funding-applications', allowed: ['programma'], success: 200, audited: true, request: async () => ({ method: 'GET', url: '/api/v1/funding-applications' }) },
    { route: 'GET /api/v1/funding/summary', allowed: ['programma'], success: 200, audited: true, request: async () => ({ method: 'GET', url: '/api/v1/funding/summary' }) },

    // Audit trail
    { route: 'GET /api/v1/audit-events', allowed: ['programma'], success: 200, audited: true, request: async () => ({ method: 'GET', url: '/api/v1/audit-events?limit=5' }) },
    { route: 'GET /api/v1/audit-events/export', allowed: ['programma'], success: 200, audited: true, request: async () => ({ method: 'GET', url: '/api/v1/audit-events/export?limit=5' }) },
  ];

  it('covers every endpoint of the API that is not plain public figures', async () => {
    const { body: openapi } = await clients.anonymous.get('/api/v1/openapi.json');
    const all = Object.entries(openapi.paths as Record<string, Record<string, { security?: unknown }>>).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));
    const covered = new Set(endpoints.map((e) => e.route));
    const uncovered = all.filter((r) => !covered.has(r.route));
    // What the matrix leaves out is the atlas, menukaart and analysetool: public GETs without a
    // session. Only the analysis takes an optional one (members see their plan's coverage; tested
    // in test/analysetool/analysetool-api.test.ts).
    const optionalSession = JSON.stringify([{}, { sessionCookie: [] }]);
    for (const r of uncovered) {
      expect(r.route, r.route).toMatch(/^GET \/api\/v1\/(areas|indicators|geo|interventions|risk-factors)/);
      if (/^GET \/api\/v1\/areas\/\{code\}\/analysis$/.test(r.route)) expect(JSON.stringify(r.op.security), r.route).toBe(optionalSession);
      else expect(r.op.security, r.route).toBeUndefined();
    }
    for (const e of endpoints) expect(all.map((r) => r.route), e.route).toContain(e.route);
  });

  for (const kind of KINDS) {
    it(`answers every endpoint as the policy says for ${kind}`, async () => {
      const failures: string[] = [];
      for (const endpoint of endpoints) {
        const request = await endpoint.request(kind);
        const client = request.client ?? clients[kind];
        const answer = await client.request(request.method, request.url, request.body);
        const allowed = endpoint.allowed.includes(kind);
        const expected = endpoint.sameForAll ?? (allowed ? endpoint.success : kind === 'anonymous' ? 401 : 403);
        if (answer.status !== expected) {
          failures.push(`${endpoint.route}: ${answer.status} (expected ${expected}) ${JSON.stringify(answer.body).slice(0, 200)}`);
          continue;
        }
        if (kind === 'anonymous' || endpoint.sameForAll) continue;
        // The audit trail of this very request (by its request id).
        const events = await p.db.query<{ actor_user_id: string | null; outcome: string }>('SELECT actor_user_id, outcome FROM audit_event WHERE request_id = $1', [String(answer.headers['x-request-id'])]);
        const actorId = request.client ? undefined : userIds[kind];
        if (expected === 403) {
          if (!events.some((e) => e.outcome === 'denied' && e.actor_user_id === userIds[kind])) failures.push(`${endpoint.route}: refusal not audited`);
        } else if (endpoint.audited) {
          if (!events.some((e) => e.outcome === 'success' && (actorId === undefined ? e.actor_user_id !== null : e.actor_user_id === actorId))) failures.push(`${endpoint.route}: not audited with the actor`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('leaves the programme team out of a coalition’s own working data, and partners out of its plan', async () => {
    // Spelled out, because these denials are the policy's intent rather than its absence.
    const r = await clients.programma.post(`/api/v1/coalitions/${R}/plan-items`, { title: 'Door het programmateam' });
    expect(r.status).toBe(403);
    const q = await clients.partner.post(`/api/v1/coalitions/${R}/plan-items`, { title: 'Door een partner' });
    expect(q.status).toBe(403);
    const s = await clients.professional.post(`/api/v1/coalitions/${R}/updates`, { text: 'Door een professional' });
    expect(s.status).toBe(403);
  });

  it('hides funding from professionals in the coalition view, and tells each role what it may do', async () => {
    const pro = await clients.professional.get(`/api/v1/coalitions/${R}`);
    expect(pro.body.fundingApplications).toBeNull();
    expect(pro.body.permissions).toMatchObject({ update: false, agreements: { create: false }, funding: { read: false } });
    const gem = await clients.gemeente.get(`/api/v1/coalitions/${R}`);
    expect(Array.isArray(gem.body.fundingApplications)).toBe(true);
    expect(gem.body.permissions).toMatchObject({ update: true, partners: { create: true, delete: true }, funding: { create: true, decide: false } });
    const prog = await clients.programma.get(`/api/v1/coalitions/${R}`);
    expect(prog.body.permissions).toMatchObject({ update: true, plan: { create: false }, funding: { decide: true, create: false } });
  });
});
