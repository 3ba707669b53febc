// Security headers on every response — API, errors, web pages, static assets, the OpenAPI
// document — with a Content-Security-Policy that allows no inline script, HSTS only over TLS,
// and application logs without passwords, tokens, cookies or authorization codes.

import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { buildServer } from '../../src/http/server.ts';
import { redactUrl } from '../../src/auth/security.ts';
import { Client } from './client.ts';
import { ACTORS, DEMO_PASSWORD } from '../coalities/fixtures.ts';

const engine = TEST_ENGINES[0]!; // headers do not depend on the database engine

function expectSecurityHeaders(headers: Record<string, unknown>, where: string) {
  const csp = String(headers['content-security-policy']);
  expect(csp, where).toContain("default-src 'self'");
  expect(csp, where).toContain("script-src 'self'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("base-uri 'self'");
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '))!;
  expect(scriptSrc, where).not.toMatch(/unsafe-inline|unsafe-eval|data:|\*/);
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('same-origin');
  expect(headers['x-frame-options'], where).toBe('DENY');
  expect(headers['cross-origin-opener-policy'], where).toBe('same-origin');
}

describe('security headers', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, accounts: { password: DEMO_PASSWORD } });
  });
  afterAll(async () => p?.close());

  it('are on every kind of response', async () => {
    const c = new Client(p.app);
    const urls = [
      '/api/v1/areas?level=provincie',
      '/api/v1/openapi.json',
      '/api/v1/coalitions/overview',
      '/api/v1/areas/GM9999/profile', // 404
      '/api/v1/indicators/big2/values?level=nowhere', // 400
      '/api/v1/no-such-route', // 404 of the router
      '/api/v1/coalitions/mine', // 401
      '/healthz',
      '/',
      '/nl',
      '/en/atlas',
    ];
    for (const url of urls) {
      const answer = await c.get(url);
      expectSecurityHeaders(answer.headers, url);
      expect(answer.headers['strict-transport-security'], url).toBeUndefined(); // plain http
    }
    const changing = await c.request('POST', '/api/v1/auth/logout', {}, { csrf: false });
    expect(changing.status).toBe(401);
    expectSecurityHeaders(changing.headers, 'POST 401');
  });

  it('are on the static assets of the web app, whose index page loads only module scripts from /assets', async () => {
    const page = await p.app.inject({ url: '/nl' });
    if (page.statusCode === 503) return; // web app not built here; the browser tests build it
    const html = page.body;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    for (const src of html.matchAll(/<script[^>]*src="([^"]+)"/g)) expect(src[1]).toMatch(/^\/assets\//);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    if (asset) expectSecurityHeaders((await p.app.inject({ url: asset })).headers, asset);
  });

  it('send HSTS over TLS: behind a trusted proxy that says https, or with an https public address', async () => {
    const behindProxy = await buildServer({ ...p, config: { ...p.config, trustProxy: true } });
    const withPublicUrl = await buildServer({ ...p, config: { ...p.config, publicUrl: 'https://kansrijk.example.nl', cookieSecure: true } });
    try {
      const https = await behindProxy.inject({ url: '/api/v1/coalitions/overview', headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const http = await behindProxy.inject({ url: '/api/v1/coalitions/overview' });
      expect(http.headers['strict-transport-security']).toBeUndefined();
      const pub = await withPublicUrl.inject({ url: '/nl' });
      expect(pub.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(pub.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      // Without a trusted proxy, a client cannot fake the protocol.
      const spoofed = await p.app.inject({ url: '/nl', headers: { 'x-forwarded-proto': 'https' } });
      expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await behindProxy.close();
      await withPublicUrl.close();
    }
  });

  it('keeps signed-in answers out of caches', async () => {
    const c = await new Client(p.app).signIn(ACTORS.gemeente, DEMO_PASSWORD);
    expect((await c.get('/api/v1/coalitions/mine')).headers['cache-control']).toBe('no-store');
    expect((await c.get('/api/v1/auth/session')).headers['cache-control']).toBe('no-store');
  });
});

describe('application logs', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, accounts: { password: DEMO_PASSWORD } });
  });
  afterAll(async () => p?.close());

  it('hold no passwords, session or CSRF tokens, cookies or authorization codes', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    const app = await buildServer(p, { logStream: stream });
    try {
      const c = new Client(app);
      await c.login(ACTORS.gemeente, 'a-wrong-password-typed');
      await c.signIn(ACTORS.gemeente, DEMO_PASSWORD);
      await c.get('/api/v1/auth/session');
      await c.post('/api/v1/auth/password', { currentPassword: 'wrong-current-password', newPassword: 'a-new-secret-password' });
      await c.get('/api/v1/auth/oidc/sso/callback?code=SECRET-AUTH-CODE&state=SECRET-STATE');
      await c.post('/api/v1/coalitions/not-a-uuid/updates', { text: 'Gezin met schulden en zorgen over de zwangerschap' });
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"email": "x", "password": "broken json', headers: { 'content-type': 'application/json', authorization: 'Bearer SECRET-BEARER' } });
      const session = c.cookies.get('kansrijk_session')!;
      const csrfCookie = c.cookies.get('kansrijk_csrf')!;
      expect(log.length).toBeGreaterThan(100); // the requests were logged
      for (const secret of [DEMO_PASSWORD, 'a-wrong-password-typed', 'wrong-current-password', 'a-new-secret-password', session, csrfCookie, c.csrf!, 'SECRET-AUTH-CODE', 'SECRET-STATE', 'SECRET-BEARER', 'schulden']) {
        expect(log, secret).not.toContain(secret);
      }
      expect(log).toContain('[redacted]'); // the OIDC callback URL, with its code replaced
    } finally {
      await app.close();
    }
  });

  it('redacts secret query parameters from URLs', () => {
    expect(redactUrl('/cb?code=abc&state=def&returnTo=%2Fnl')).toBe('/cb?code=[redacted]&state=[redacted]&returnTo=%2Fnl');
    expect(redactUrl('/api/v1/areas')).toBe('/api/v1/areas');
  });
});
