// Sign-in through an organisation's identity provider, against a real OpenID Connect provider
// (oidc-provider, the certified Node implementation) on a local port: authorization code with
// PKCE, state and nonce, its own sign-in and consent pages driven as a browser would. Our code
// is not mocked anywhere.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { Client } from './client.ts';
import { ACTORS, DEMO_PASSWORD } from '../coalities/fixtures.ts';

const CALLBACK = 'http://kansrijk.test/api/v1/auth/oidc/sso/callback';

/** The identity provider's users: subject → claims. */
const IDP_USERS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  'rdam-001': { email: ACTORS.gemeente, email_verified: true, name: 'Roos' },
  'rdam-002': { email: ACTORS.gemeente, email_verified: false, name: 'Roos (unverified)' },
  'rdam-003': { email: 'onbekend@rotterdam.example', email_verified: true, name: 'Onbekend' },
  'tbg-001': { email: ACTORS.tilburg, email_verified: true, name: 'Thijs' },
};

/** A browser at the identity provider: cookies, forms, redirects. Returns the redirect to our callback. */
async function signInAtProvider(start: string, subject: string, options: { abort?: boolean } = {}): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = start;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(CALLBACK.replace(/\/api.*/, ''))) return new URL(url);
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`unexpected page at the provider (${response.status}): ${html.slice(0, 300)}`);
    if (options.abort) {
      url = new URL(`${new URL(action, url).pathname}/abort`, url).href;
      continue;
    }
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'anything' } : { prompt });
    const posted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const header of posted.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    url = new URL(posted.headers.get('location')!, url).href;
  }
  throw new Error('too many redirects at the provider');
}

describe.each(TEST_ENGINES)('OIDC sign-in against a local oidc-provider on $name', (engine) => {
  let idp: Server;
  let issuer: string;
  let p: TestPlatform;

  beforeAll(async () => {
    let handler: ((req: never, res: never) => void) | undefined;
    idp = createServer((req, res) => handler!(req as never, res as never));
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'kansrijk', client_secret: 'a-test-client-secret-of-some-length', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'client_secret_post' }],
      findAccount: async (_ctx: unknown, id: string) => (IDP_USERS[id] ? { accountId: id, claims: async () => ({ sub: id, ...IDP_USERS[id] }) } : undefined),
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: ['a-test-cookie-key'] },
      pkce: { required: () => true },
    });
    handler = provider.callback() as never;
    p = await startTestPlatform(engine, {
      demo: false,
      accounts: { password: DEMO_PASSWORD },
      config: {
        oidc: { id: 'sso', name: 'Test-IdP', issuer, clientId: 'kansrijk', clientSecret: 'a-test-client-secret-of-some-length', redirectUri: CALLBACK, allowInsecure: true },
        rateLimits: { authPerMinute: 100_000, writePerMinute: 100_000 },
      },
    });
    // The programme team sets Gemeente Rotterdam to sign in through this provider.
    const admin = await new Client(p.app).signIn(ACTORS.programma, DEMO_PASSWORD);
    const [{ id }] = (await p.db.query<{ id: string }>(`SELECT id FROM organisation WHERE name = 'Gemeente Rotterdam'`)) as [{ id: string }];
    expect((await admin.patch(`/api/v1/organisations/${id}`, { oidcProvider: 'sso' })).status).toBe(200);
  });
  afterAll(async () => {
    await p?.close();
    await new Promise((resolve) => idp?.close(resolve));
  });

  /** The whole round trip as a browser makes it; returns our final redirect and the browser. */
  async function roundTrip(subject: string, options: { returnTo?: string; abort?: boolean } = {}) {
    const browser = new Client(p.app);
    const start = await browser.get(`/api/v1/auth/oidc/sso/login${options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ''}`);
    expect(start.status).toBe(302);
    const authorize = new URL(String(start.headers.location));
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const back = await signInAtProvider(authorize.href, subject, options);
    const done = await browser.get(back.pathname + back.search);
    return { browser, done, back };
  }

  it('lists the provider', async () => {
    expect((await new Client(p.app).get('/api/v1/auth/providers')).body).toEqual([{ id: 'sso', name: 'Test-IdP', loginUrl: '/api/v1/auth/oidc/sso/login' }]);
  });

  it('signs in an account of an organisation that uses the provider, links it, and returns to the page', async () => {
    const { browser, done } = await roundTrip('rdam-001', { returnTo: '/nl/coalities' });
    expect(done.status).toBe(302);
    expect(done.headers.location).toBe('/nl/coalities');
    const session = await browser.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: { email: ACTORS.gemeente, role: 'gemeente' }, authMethod: 'oidc' });
    const links = await p.db.query<{ issuer: string; subject: string }>('SELECT issuer, subject FROM user_identity');
    expect(links).toEqual([{ issuer, subject: 'rdam-001' }]);
    const [audit] = await p.db.query<{ auth_method: string; outcome: string }>(`SELECT auth_method, outcome FROM audit_event WHERE action = 'login' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ auth_method: 'oidc', outcome: 'success' });
    // Signed in through OIDC, the session works like any other: CSRF token, changes, sign-out.
    expect((await browser.post('/api/v1/auth/logout')).status).toBe(200);
    // The second time, the link by subject is used.
    const again = await roundTrip('rdam-001');
    expect(again.done.headers.location).toBe('/nl');
    expect((await again.browser.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('refuses identities it cannot trust or place, and starts no session', async () => {
    for (const subject of ['rdam-002', 'rdam-003', 'tbg-001']) {
      // unverified e-mail; unknown account; an account whose organisation does not use this provider
      const { browser, done } = await roundTrip(subject);
      expect(done.headers.location, subject).toBe('/nl/inloggen?fout=oidc');
      expect((await browser.get('/api/v1/auth/session')).status, subject).toBe(401);
    }
    const aborted = await roundTrip('rdam-001', { abort: true });
    expect(aborted.done.headers.location).toBe('/nl/inloggen?fout=oidc');
  });

  it('uses a sign-in once, only in the browser that started it, and returns only to this site', async () => {
    const { back } = await roundTrip('rdam-001');
    // The same answer again (replay), and in a browser without the flow cookie.
    const replay = new Client(p.app);
    expect((await replay.get(back.pathname + back.search)).headers.location).toBe('/nl/inloggen?fout=oidc');
    expect((await replay.get('/api/v1/auth/session')).status).toBe(401);
    // Another browser starts, the victim's browser finishes: the flow cookie does not match.
    const attacker = new Client(p.app);
    const start = await attacker.get('/api/v1/auth/oidc/sso/login');
    const stolen = await signInAtProvider(String(start.headers.location), 'rdam-001');
    const victim = new Client(p.app);
    expect((await victim.get(stolen.pathname + stolen.search)).headers.location).toBe('/nl/inloggen?fout=oidc');
    // An open redirect is not possible.
    for (const returnTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const { done } = await roundTrip('rdam-001', { returnTo });
      expect(done.headers.location, returnTo).toBe('/nl');
    }
  });

  it('stops a linked identity from signing in once its organisation no longer uses the provider', async () => {
    const admin = await new Client(p.app).signIn(ACTORS.programma, DEMO_PASSWORD);
    const [{ id }] = (await p.db.query<{ id: string }>(`SELECT id FROM organisation WHERE name = 'Gemeente Rotterdam'`)) as [{ id: string }];
    expect((await p.db.query('SELECT 1 FROM user_identity WHERE subject = $1', ['rdam-001'])).length).toBe(1);
    expect((await admin.patch(`/api/v1/organisations/${id}`, { oidcProvider: null })).status).toBe(200);
    const refused = await roundTrip('rdam-001');
    expect(refused.done.headers.location).toBe('/nl/inloggen?fout=oidc');
    expect((await refused.browser.get('/api/v1/auth/session')).status).toBe(401);
    // Linked again, the same identity signs in again.
    expect((await admin.patch(`/api/v1/organisations/${id}`, { oidcProvider: 'sso' })).status).toBe(200);
    const again = await roundTrip('rdam-001');
    expect((await again.browser.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('answers 404 for a provider that is not configured', async () => {
    expect((await new Client(p.app).get('/api/v1/auth/oidc/other/login')).status).toBe(404);
  });
});
