// Local coalitions in the browser: the public national overview (map, legend, counts, table) in
// both languages, and signing in and out with a demo account; axe on every screen.

import { describe, expect, inject, it } from 'vitest';
import { axeViolations, browserAvailable, useBrowser } from './support.ts';

describe.skipIf(!browserAvailable())('coalities', () => {
  const session = useBrowser();

  it.each([
    ['nl', '/nl/coalities', 'Lokale coalities in Nederland', 'Geen coalitie', 'Rotterdam'],
    ['en', '/en/coalitions', 'Local coalitions in the Netherlands', 'No coalition', 'Rotterdam'],
  ])('national overview (%s) shows the map, legend, counts and table, axe clean', async (lang, path, title, none, gemeente) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${path}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const map = page.getByTestId('coalition-map');
    await expect.poll(() => map.locator('path').count(), { timeout: 15_000 }).toBeGreaterThan(300);
    // Gemeenten with a coalition are coloured; those without are white.
    expect(await map.locator('path[data-status="actief"]').count()).toBeGreaterThan(0);
    expect(await map.locator('path[data-status="geen"]').count()).toBeGreaterThan(200);
    expect(await map.getAttribute('aria-label')).toContain(none);
    expect(await page.getByTestId('coalition-legend').textContent()).toContain(none);
    const table = page.getByTestId('coalition-table');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(300);
    const row = table.locator('tbody tr', { has: page.locator(`th:text-is("${gemeente}")`) });
    expect(await row.textContent()).toMatch(/Rotterdam/);
    expect(await row.getAttribute('data-status')).not.toBe('geen');
    expect(await page.getByTestId('coalition-status-counts').locator('tbody tr').count()).toBe(6);
    expect(await page.getByTestId('coalition-partner-types').locator('tbody tr').count()).toBe(8);
    expect(await page.getByTestId('coalition-coverage').textContent()).toMatch(/%/);
    // Nav item for the page.
    expect(await page.locator('nav a[aria-current="page"]').getAttribute('href')).toBe(path);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each([
    ['nl', '/nl/inloggen', 'Inloggen', 'E-mailadres', 'Wachtwoord'],
    ['en', '/en/sign-in', 'Sign in', 'E-mail address', 'Password'],
  ])('sign-in page (%s) is axe clean, also with the error shown', async (lang, path, title, emailLabel, passwordLabel) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${path}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(emailLabel).fill('coordinator.tilburg@kansrijk.example');
    await page.getByLabel(passwordLabel).fill('not-the-right-password');
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(lang === 'nl' ? /klopt niet/ : /not right/);
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('says so when signing in through the organisation’s identity provider failed (?fout=oidc), axe clean', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/inloggen?fout=oidc`);
    await expect.poll(() => page.getByTestId('oidc-failed').textContent()).toMatch(/lukte niet/);
    expect(await axeViolations(page)).toEqual([]);
    // Without the parameter there is no such message.
    await page.goto(`${session.baseUrl}/nl/inloggen`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Inloggen');
    expect(await page.getByTestId('oidc-failed').count()).toBe(0);
    await context.close();
  });

  it('signs in as the Rotterdam coordinator, lands on the overview, and signs out', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/inloggen`);
    await page.getByLabel('E-mailadres').fill('coordinator.rotterdam@kansrijk.example');
    await page.getByLabel('Wachtwoord').fill(inject('demoPassword'));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/nl/coalities');
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    await expect.poll(() => signOut.count()).toBe(1);
    const who = await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.json()));
    expect(who.user.email).toBe('coordinator.rotterdam@kansrijk.example');
    await signOut.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/nl');
    await expect.poll(() => page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.status))).toBe(401);
    await expect.poll(() => page.getByRole('link', { name: 'Inloggen' }).count()).toBe(1);
    await context.close();
  });
});
