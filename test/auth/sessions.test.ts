// Accounts and sessions on both engines: argon2id, server-side sessions (only hashes stored),
// cookie flags, a new session id at every sign-in, sign-out and sign-out everywhere, idle
// expiry, disabled accounts, password change, CSRF refusal, and sign-in throttling per account
// and per address that holds across app servers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { buildServer } from '../../src/http/server.ts';
import { hashToken } from '../../src/auth/sessions.ts';
import { Client } from './client.ts';
import { ACTORS, DEMO_PASSWORD, fixtures } from '../coalities/fixtures.ts';

const settings = { loginLimits: { accountFailures: 5, addressFailures: 12, windowMinutes: 15 }, rateLimits: { authPerMinute: 100_000, writePerMinute: 100_000 } };

describe.each(TEST_ENGINES)('accounts and sessions on $name', (engine) => {
  let p: TestPlatform;
  let fx: ReturnType<typeof fixtures>;
  let n = 0;
  /** A fresh account like the Rotterdam coordinator, so tests do not share throttling or sessions. */
  const freshAccount = async () => fx.userLike(ACTORS.gemeente, 'fresh-password-123');
  /** A client from its own address, so address counts do not mix between tests. */
  const client = () => new Client(p.app, `198.51.100.${++n}`);

  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, accounts: { password: DEMO_PASSWORD }, config: settings });
    fx = fixtures(p.db);
  });
  afterAll(async () => p?.close());

  it('stores passwords as argon2id with the OWASP parameters', async () => {
    const [row] = await p.db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE email = $1', [ACTORS.gemeente]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('signs in with an HttpOnly, SameSite cookie and keeps only a hash of the session id', async () => {
    const c = client();
    const answer = await c.login(ACTORS.gemeente, DEMO_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body.user).toMatchObject({ email: ACTORS.gemeente, role: 'gemeente' });
    expect(answer.body.organisation.name).toBe('Gemeente Rotterdam');
    expect(answer.body.coalitions).toHaveLength(1);
    expect(answer.body.permissions).toContainEqual({ resource: 'plan-item', action: 'create', scope: 'own-coalition' });
    const cookie = ([] as string[]).concat(answer.headers['set-cookie'] as string[]).find((h) => h.startsWith('kansrijk_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain http here; see the TLS test below
    const token = c.cookies.get('kansrijk_session')!;
    const stored = await p.db.query<{ id_hash: string }>('SELECT id_hash FROM auth_session');
    expect(stored.some((s) => s.id_hash === token)).toBe(false);
    expect(stored.some((s) => s.id_hash === hashToken(token))).toBe(true);
    expect((await c.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('gives one answer for a wrong password and for an unknown address', async () => {
    const wrong = await client().login(ACTORS.gemeente, 'wrong-password-1');
    const unknown = await client().login('niemand@kansrijk.example', 'wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid-credentials');
    // A disabled account answers the same, also with the right password.
    const email = await freshAccount();
    await p.db.query(`UPDATE app_user SET status = 'disabled' WHERE email = $1`, [email]);
    expect((await client().login(email, 'fresh-password-123')).body).toEqual(wrong.body);
  });

  it('answers 401 without a session', async () => {
    const c = client();
    expect((await c.get('/api/v1/auth/session')).status).toBe(401);
    expect((await c.get('/api/v1/coalitions/mine')).body.error).toMatchObject({ status: 401, code: 'unauthenticated' });
    c.cookies.set('kansrijk_session', 'forged-value-that-is-not-a-session-token-xx');
    expect((await c.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('starts a new session at sign-in: a planted or earlier session id stops working', async () => {
    const c = client();
    await c.signIn(await freshAccount(), 'fresh-password-123');
    const first = c.cookies.get('kansrijk_session')!;
    // Session fixation: whatever id the browser had, signing in gives a new one.
    await c.fetchCsrf();
    await c.signIn(ACTORS.partner, DEMO_PASSWORD);
    const second = c.cookies.get('kansrijk_session')!;
    expect(second).not.toBe(first);
    const old = client();
    old.cookies.set('kansrijk_session', first);
    expect((await old.get('/api/v1/auth/session')).status).toBe(401);
    expect((await c.get('/api/v1/auth/session')).body.user.email).toBe(ACTORS.partner);
  });

  it('signs out this session, or every session of the user', async () => {
    const email = await freshAccount();
    const laptop = await client().signIn(email, 'fresh-password-123');
    const phone = await client().signIn(email, 'fresh-password-123');
    const tablet = await client().signIn(email, 'fresh-password-123');
    const out = await laptop.post('/api/v1/auth/logout');
    expect(out.status).toBe(200);
    expect(laptop.cookies.has('kansrijk_session')).toBe(false);
    expect((await laptop.get('/api/v1/auth/session')).status).toBe(401);
    expect((await phone.get('/api/v1/auth/session')).status).toBe(200);
    expect((await phone.post('/api/v1/auth/logout-everywhere')).status).toBe(200);
    expect((await phone.get('/api/v1/auth/session')).status).toBe(401);
    expect((await tablet.get('/api/v1/auth/session')).status).toBe(401);
    const [{ n: left }] = (await p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1', [email])) as [{ n: number }];
    expect(left).toBe(0);
  });

  it('ends a session after the idle time, and when the account is disabled', async () => {
    const email = await freshAccount();
    const c = await client().signIn(email, 'fresh-password-123');
    const token = c.cookies.get('kansrijk_session')!;
    await p.db.query(`UPDATE auth_session SET idle_expires_at = now() - interval '1 second' WHERE id_hash = $1`, [hashToken(token)]);
    expect((await c.get('/api/v1/auth/session')).status).toBe(401);
    const d = await client().signIn(email, 'fresh-password-123');
    await p.db.query(`UPDATE app_user SET status = 'disabled' WHERE email = $1`, [email]);
    expect((await d.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('changes a password: other sessions end, this one is renewed, the old password stops working', async () => {
    const email = await freshAccount();
    const here = await client().signIn(email, 'fresh-password-123');
    const elsewhere = await client().signIn(email, 'fresh-password-123');
    const before = here.cookies.get('kansrijk_session');
    expect((await here.post('/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'another-password-456' })).body.error.field).toBe('currentPassword');
    const short = await here.post('/api/v1/auth/password', { currentPassword: 'fresh-password-123', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('newPassword');
    expect(JSON.stringify(short.body)).not.toContain('fresh-password-123'); // body values are never echoed
    const changed = await here.post('/api/v1/auth/password', { currentPassword: 'fresh-password-123', newPassword: 'another-password-456' });
    expect(changed.status).toBe(200);
    expect(here.cookies.get('kansrijk_session')).not.toBe(before);
    expect((await here.get('/api/v1/auth/session')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/session')).status).toBe(401);
    expect((await client().login(email, 'fresh-password-123')).status).toBe(401);
    expect((await client().login(email, 'another-password-456')).status).toBe(200);
  });

  it('refuses a changing request without the CSRF token, or with another session’s token, and changes nothing', async () => {
    const c = await client().signIn(ACTORS.gemeente, DEMO_PASSWORD);
    const [{ id: R }] = (await p.db.query<{ id: string }>(`SELECT id FROM coalition WHERE name = 'Coalitie Kansrijke Start Rotterdam'`)) as [{ id: string }];
    const count = async () => (await p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM progress_update'))[0]!.n;
    const before = await count();
    const none = await c.request('POST', `/api/v1/coalitions/${R}/updates`, { text: 'zonder token' }, { csrf: false });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('csrf');
    const other = await client().signIn(ACTORS.gemeente, DEMO_PASSWORD);
    const foreign = await c.request('POST', `/api/v1/coalitions/${R}/updates`, { text: 'token van een andere sessie' }, { csrf: other.csrf! });
    expect(foreign.status).toBe(403);
    // The token from before sign-in (anonymous) no longer counts once signed in.
    const d = client();
    const anonymousToken = await d.fetchCsrf();
    await d.signIn(ACTORS.gemeente, DEMO_PASSWORD);
    expect((await d.request('POST', `/api/v1/coalitions/${R}/updates`, { text: 'oud token' }, { csrf: anonymousToken })).status).toBe(403);
    // A form post from another site cannot set the header; a token in the body does not count.
    expect((await c.request('POST', `/api/v1/coalitions/${R}/updates`, { text: 'x', _csrf: c.csrf }, { csrf: false })).status).toBe(403);
    // Signing in needs a token too (no login CSRF).
    const e = client();
    expect((await e.request('POST', '/api/v1/auth/login', { email: ACTORS.gemeente, password: DEMO_PASSWORD }, { csrf: false })).status).toBe(403);
    expect(await count()).toBe(before);
    expect((await c.post(`/api/v1/coalitions/${R}/updates`, { text: 'met token' })).status).toBe(201);
  });

  it('throttles sign-in per account: after 5 failures even the right password waits, from any address', async () => {
    const email = await freshAccount();
    for (let i = 0; i < 5; i++) expect((await client().login(email, `wrong-${i}`)).status).toBe(401);
    const blocked = await client().login(email, 'fresh-password-123');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate-limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Unknown addresses are throttled alike: the answer does not tell whether an account exists.
    for (let i = 0; i < 5; i++) await client().login('bestaat.niet@kansrijk.example', `wrong-${i}`);
    expect((await client().login('bestaat.niet@kansrijk.example', 'x')).status).toBe(429);
    // Other accounts are not affected.
    expect((await client().login(ACTORS.jgz, DEMO_PASSWORD)).status).toBe(200);
    // When the window has passed, the account signs in again.
    await p.db.query(`UPDATE login_failure SET at = at - interval '16 minutes'`);
    expect((await client().login(email, 'fresh-password-123')).status).toBe(200);
  });

  it('throttles sign-in per address, counted in the database for every app server', async () => {
    const address = '192.0.2.77';
    const second = await buildServer(p); // another app server on the same database
    try {
      for (let i = 0; i < 12; i++) {
        const server = i % 2 === 0 ? p.app : second;
        expect((await new Client(server, address).login(`guess${i}@kansrijk.example`, 'wrong')).status).toBe(401);
      }
      expect((await new Client(second, address).login(ACTORS.programma, DEMO_PASSWORD)).status).toBe(429);
      expect((await new Client(p.app, address).login(ACTORS.programma, DEMO_PASSWORD)).status).toBe(429);
      expect((await new Client(p.app, '192.0.2.78').login(ACTORS.programma, DEMO_PASSWORD)).status).toBe(200);
    } finally {
      await second.close();
      await p.db.query(`UPDATE login_failure SET at = at - interval '16 minutes'`);
    }
  });

  it('limits requests per client on the sign-in routes (a flood guard per app server)', async () => {
    const app = await buildServer({ ...p, config: { ...p.config, rateLimits: { authPerMinute: 3, writePerMinute: 100_000 } } });
    try {
      const c = new Client(app, '192.0.2.200');
      await c.fetchCsrf();
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await c.post('/api/v1/auth/login', { email: `flood${i}@kansrijk.example`, password: 'x' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });

  it('sets Secure cookies with the __Host- prefix when served over TLS', async () => {
    const app = await buildServer({ ...p, config: { ...p.config, publicUrl: 'https://kansrijk.example.nl', cookieSecure: true } });
    try {
      const c = new Client(app, '192.0.2.201');
      const csrf = await c.get('/api/v1/auth/csrf');
      expect(String(csrf.headers['set-cookie'])).toMatch(/__Host-kansrijk_csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Strict/);
      const answer = await c.login(ACTORS.gemeente, DEMO_PASSWORD);
      expect(answer.status).toBe(200);
      const cookie = ([] as string[]).concat(answer.headers['set-cookie'] as string[]).find((h) => h.startsWith('__Host-kansrijk_session='))!;
      expect(cookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax/);
      expect((await c.get('/api/v1/auth/session')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
