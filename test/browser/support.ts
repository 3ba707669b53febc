// Browser-test helpers: Debian's Chromium through playwright-core, axe, and the shared server.

import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function chromiumPath(): string | undefined {
  return CANDIDATES.find((p) => existsSync(p));
}

/** True when browser tests can run here. Without Chromium they are reported as skipped, loudly;
 * with KANSRIJK_REQUIRE_BROWSER=1 (as in .ci/run) a missing Chromium is a failure. */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  const message = 'Chromium not found (apt-get install chromium): BROWSER TESTS DID NOT RUN.';
  if (process.env.KANSRIJK_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(`\n*** ${message} ***\n`);
  return false;
}

export interface BrowserSession {
  baseUrl: string;
  browser: Browser;
  /** A fresh context and page (cookies and storage not shared between tests). */
  newPage(options?: { width?: number; height?: number }): Promise<{ page: Page; context: BrowserContext }>;
}

/** One browser per test file, closed after it. */
export function useBrowser(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.baseUrl = inject('baseUrl');
    session.browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'],
    });
    session.newPage = async ({ width = 1280, height = 900 } = {}) => {
      const context = await session.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      return { page, context };
    };
  });
  afterAll(async () => session.browser?.close());
  return session;
}

/** axe-core on the page as it is now: WCAG 2.0/2.1 A and AA rules. Returns the violations. */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/**
 * Sign a page in through the API (the sign-in screen itself is tested in coalities.test.ts):
 * fetch a CSRF token, post the demo password, leave the session cookie in the context.
 * Tests that change passwords or end sessions must use accounts they create themselves: the
 * demo accounts are shared by every browser test file.
 */
export async function signInAs(page: Page, baseUrl: string, email: string, password = inject('demoPassword')): Promise<void> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/nl`);
  const status = await page.evaluate(
    async ([email, password]) => {
      const { csrfToken } = await fetch('/api/v1/auth/csrf').then((r) => r.json());
      const response = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ email, password }) });
      return response.status;
    },
    [email, password] as const,
  );
  if (status !== 200) throw new Error(`signing in as ${email} gave HTTP ${status}`);
}

/** A JSON request from inside the signed-in page (with its cookie and a CSRF token), for setting up data. */
export async function apiAs<T = unknown>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([method, path, body]) => {
      const { csrfToken } = await fetch('/api/v1/auth/csrf').then((r) => r.json());
      const response = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    [method, path, body] as const,
  ) as Promise<{ status: number; body: T }>;
}
