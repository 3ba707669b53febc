// Attack-style test: the Tilburg coordinator, signed in with a valid session and CSRF token,
// tries every write endpoint of the API with Rotterdam's ids (coalition, partners, agreements,
// goals, plan items, funding applications), then the sideways routes through Tilburg's own
// coalition. Every attempt is refused and Rotterdam's data is byte-for-byte unchanged; each
// refusal is in the audit trail with the attacker as actor.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import type { Client } from '../auth/client.ts';
import { ACTORS, DEMO_PASSWORD, coalitionFingerprint, demoIds, fixtures, idOf, signInAll } from './fixtures.ts';

describe.each(TEST_ENGINES)('a Tilburg user against Rotterdam on $name', (engine) => {
  let p: TestPlatform;
  let tilburg: Client;
  let R: string;
  let T: string;
  let rIds: Record<string, string>;
  let before: string;
  let tilburgUserId: string;

  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, accounts: { password: DEMO_PASSWORD }, config: { rateLimits: { authPerMinute: 100_000, writePerMinute: 100_000 } } });
    ({ tilburg } = await signInAll(p));
    const ids = await demoIds(p.db);
    R = ids.rotterdam;
    T = ids.tilburg;
    tilburgUserId = await ids.user(ACTORS.tilburg);
    const fx = fixtures(p.db);
    // Rotterdam's records, one of each kind.
    rIds = {
      coalitionId: R,
      partnerId: await idOf(p.db, `SELECT id FROM coalition_partner WHERE coalition_id = $1 AND partner_type = 'verloskunde'`, [R]),
      agreementId: await idOf(p.db, 'SELECT id FROM chain_agreement WHERE coalition_id = $1 LIMIT 1', [R]),
      goalId: await idOf(p.db, 'SELECT id FROM local_goal WHERE coalition_id = $1 LIMIT 1', [R]),
      planItemId: await idOf(p.db, 'SELECT id FROM plan_item WHERE coalition_id = $1 LIMIT 1', [R]),
      applicationId: await fx.application(R),
    };
    before = await coalitionFingerprint(p.db, R);
  });
  afterAll(async () => p?.close());

  /** Valid bodies, so that what refuses is the access policy, not validation. */
  const bodies = (): Record<string, unknown> => ({
    'PATCH /api/v1/coalitions/{coalitionId}': { name: 'Overgenomen', status: 'gestopt', gemeenten: ['GM0855'] },
    'POST /api/v1/coalitions/{coalitionId}/partners': { type: 'huisarts', name: 'Indringer' },
    'PATCH /api/v1/coalitions/{coalitionId}/partners/{partnerId}': { name: 'Indringer' },
    'DELETE /api/v1/coalitions/{coalitionId}/partners/{partnerId}': undefined,
    'POST /api/v1/coalitions/{coalitionId}/agreements': { subject: 'Vals', actionLine: 1, partyIds: [rIds.partnerId, '00000000-0000-4000-8000-000000000001'], status: 'concept' },
    'PATCH /api/v1/coalitions/{coalitionId}/agreements/{agreementId}': { status: 'beeindigd' },
    'DELETE /api/v1/coalitions/{coalitionId}/agreements/{agreementId}': undefined,
    'POST /api/v1/coalitions/{coalitionId}/goals': { nationalGoal: 1, description: 'Vals' },
    'PATCH /api/v1/coalitions/{coalitionId}/goals/{goalId}': { description: 'Vals' },
    'DELETE /api/v1/coalitions/{coalitionId}/goals/{goalId}': undefined,
    'POST /api/v1/coalitions/{coalitionId}/plan-items': { title: 'Vals' },
    'PATCH /api/v1/coalitions/{coalitionId}/plan-items/{planItemId}': { status: 'gestopt' },
    'DELETE /api/v1/coalitions/{coalitionId}/plan-items/{planItemId}': undefined,
    'POST /api/v1/coalitions/{coalitionId}/updates': { text: 'Vals bericht' },
    'POST /api/v1/coalitions/{coalitionId}/funding-applications': { amount: 999999, periodStart: '2021-01-01', periodEnd: '2021-12-31', purpose: 'Vals' },
    'POST /api/v1/coalitions/{coalitionId}/funding-applications/{applicationId}/withdraw': {},
    'POST /api/v1/coalitions/{coalitionId}/funding-applications/{applicationId}/decision': { decision: 'goedgekeurd', reason: 'Vals' },
  });

  it('is refused on every write endpoint under a Rotterdam coalition id, and nothing changes', async () => {
    const { body: openapi } = await tilburg.get('/api/v1/openapi.json');
    const writes = Object.entries(openapi.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== 'get' && path.includes('{coalitionId}'))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const table = bodies();
    expect(writes.sort()).toEqual(Object.keys(table).sort()); // a new write endpoint must be attacked here too
    for (const route of writes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => rIds[name]!);
      const answer = await tilburg.request(method, url, table[route]);
      expect(answer.status, route).toBe(403);
      const [denied] = await p.db.query<{ actor_user_id: string; outcome: string; coalition_id: string }>('SELECT actor_user_id, outcome, coalition_id FROM audit_event WHERE request_id = $1', [String(answer.headers['x-request-id'])]);
      expect(denied, route).toMatchObject({ actor_user_id: tilburgUserId, outcome: 'denied', coalition_id: R });
    }
    expect(await coalitionFingerprint(p.db, R)).toBe(before);
  });

  it('cannot read Rotterdam’s working data either', async () => {
    expect((await tilburg.get(`/api/v1/coalitions/${R}`)).status).toBe(403);
    expect((await tilburg.get(`/api/v1/coalitions/${R}/funding-applications/${rIds.applicationId}`)).status).toBe(403);
    const mine = await tilburg.get('/api/v1/coalitions/mine');
    expect(mine.body.map((c: { id: string }) => c.id)).toEqual([T]);
    // An id that does not exist in Rotterdam is refused the same way: nothing tells what exists there.
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await tilburg.get(`/api/v1/coalitions/${R}/funding-applications/${unknown}`)).status).toBe(403);
    expect((await tilburg.request('DELETE', `/api/v1/coalitions/${R}/goals/${unknown}`)).status).toBe(403);
    expect((await tilburg.get('/api/v1/audit-events')).status).toBe(403);
    expect((await tilburg.get('/api/v1/funding-applications')).status).toBe(403);
  });

  it('cannot reach Rotterdam sideways through its own coalition', async () => {
    const rotterdamOrg = await idOf(p.db, `SELECT id FROM organisation WHERE name = 'Gemeente Rotterdam'`);
    const attempts: [string, string, unknown, number][] = [
      // Rotterdam's records under Tilburg's coalition id: not found there.
      ['PATCH', `/api/v1/coalitions/${T}/partners/${rIds.partnerId}`, { name: 'Indringer' }, 404],
      ['DELETE', `/api/v1/coalitions/${T}/agreements/${rIds.agreementId}`, undefined, 404],
      ['PATCH', `/api/v1/coalitions/${T}/goals/${rIds.goalId}`, { description: 'Vals' }, 404],
      ['DELETE', `/api/v1/coalitions/${T}/plan-items/${rIds.planItemId}`, undefined, 404],
      ['POST', `/api/v1/coalitions/${T}/funding-applications/${rIds.applicationId}/withdraw`, {}, 404],
      // Rotterdam's records as references inside Tilburg's coalition.
      ['POST', `/api/v1/coalitions/${T}/agreements`, { subject: 'Vals', actionLine: 1, partyIds: [rIds.partnerId, await idOf(p.db, `SELECT id FROM coalition_partner WHERE coalition_id = $1 AND partner_type = 'jgz'`, [T])], status: 'concept' }, 400],
      ['POST', `/api/v1/coalitions/${T}/funding-applications`, { amount: 10, periodStart: '2021-01-01', periodEnd: '2021-12-31', purpose: 'Vals', planItemIds: [rIds.planItemId] }, 400],
      ['POST', `/api/v1/coalitions/${T}/plan-items`, { title: 'Vals', localGoalId: rIds.goalId }, 400],
      // Claiming Rotterdam's gemeente (or any other: Amsterdam has no coalition), or Rotterdam's organisation as lead.
      ['PATCH', `/api/v1/coalitions/${T}`, { gemeenten: ['GM0855', 'GM0599'] }, 403],
      ['PATCH', `/api/v1/coalitions/${T}`, { gemeenten: ['GM0855', 'GM0363'] }, 403],
      ['POST', '/api/v1/coalitions', { name: 'Overname', gemeenten: ['GM0855', 'GM0599'], status: 'gestopt' }, 403],
      ['POST', '/api/v1/coalitions', { name: 'Overname', gemeenten: ['GM0599'], leadOrganisationId: rotterdamOrg }, 403],
      // Fields the API does not take are refused, not ignored (no mass assignment).
      ['PATCH', `/api/v1/coalitions/${T}`, { leadOrganisationId: rotterdamOrg }, 400],
      ['POST', `/api/v1/coalitions/${T}/updates`, { text: 'x', coalitionId: R }, 400],
      // Accounts and organisations: not a gemeente's business.
      ['PATCH', `/api/v1/organisations/${rotterdamOrg}`, { name: 'Gemeente Tilburg-Rotterdam' }, 403],
      ['POST', '/api/v1/users', { email: 'mol@kansrijk.example', name: 'Mol', role: 'gemeente', organisationId: rotterdamOrg, password: 'a-long-password-1' }, 403],
    ];
    for (const [method, url, body, status] of attempts) {
      const answer = await tilburg.request(method, url, body);
      expect(answer.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
    }
    expect(await coalitionFingerprint(p.db, R)).toBe(before);
    const [mol] = await p.db.query(`SELECT 1 FROM app_user WHERE email = 'mol@kansrijk.example'`);
    expect(mol).toBeUndefined();
    const [rotterdam] = await p.db.query<{ name: string }>('SELECT name FROM organisation WHERE id = $1', [rotterdamOrg]);
    expect(rotterdam!.name).toBe('Gemeente Rotterdam');
  });

  it('cannot get in without a session or a CSRF token either', async () => {
    const { Client } = await import('../auth/client.ts');
    const stranger = new Client(p.app, '203.0.113.9');
    await stranger.fetchCsrf();
    expect((await stranger.post(`/api/v1/coalitions/${R}/updates`, { text: 'x' })).status).toBe(401);
    expect((await tilburg.request('POST', `/api/v1/coalitions/${T}/updates`, { text: 'x' }, { csrf: false })).status).toBe(403);
    expect(await coalitionFingerprint(p.db, R)).toBe(before);
  });
});
