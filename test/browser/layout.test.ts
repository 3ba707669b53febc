// The page frame in both languages: skip link, language switch keeping the view, axe.

import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, useBrowser } from './support.ts';

describe.skipIf(!browserAvailable())('page frame', () => {
  const session = useBrowser();

  it.each(['nl', 'en'])('home page (%s) has one h1, a working skip link and no axe violations', async (lang) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/${lang}`);
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.keyboard.press('Tab');
    const skip = page.locator('a[href="#main"]');
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds a gemeente by name from the home page and opens its profile', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl`);
    const box = page.getByLabel('Naam van de gemeente');
    await box.fill('Rotterdamm');
    await box.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Geen gemeente gevonden');
    expect(await axeViolations(page)).toEqual([]);
    await box.fill('rotterdam');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/nl/gebied/GM0599');
    await context.close();
  });

  it('switches language and keeps the page', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/toegankelijkheid`);
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/accessibility');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('redirects / to Dutch and answers unknown pages with a page that says so', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/nl');
    await page.goto(`${session.baseUrl}/nl/bestaat-niet`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Pagina niet gevonden');
    await context.close();
  });
});
