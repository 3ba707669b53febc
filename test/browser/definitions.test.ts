// Definitions pages and the accessibility statement in the browser, in both languages, with axe.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, useBrowser } from './support.ts';

async function expectHeadingsInOrder(page: Page) {
  const levels = await page.locator('main h1, main h2, main h3, main h4').evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
}

describe.skipIf(!browserAvailable())('definitions and accessibility statement', () => {
  const session = useBrowser();

  it.each([
    ['nl', '/nl/definities', 'Definities van de indicatoren', 'Actielijn 2: tijdens de zwangerschap', 'Big2 (valse start)', '/nl/definities/big2'],
    ['en', '/en/definitions', 'Definitions of the indicators', 'Action line 2: during pregnancy', 'Big2 (false start)', '/en/definitions/big2'],
  ])('lists all indicators grouped by action line (%s)', async (_lang, path, title, group, big2, big2Href) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${path}`);
    await page.locator('main ul a').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('main h2').count()).toBe(3);
    expect(await page.locator('main h2').allTextContents()).toContain(group);
    expect(await page.locator('main section ul a').count()).toBe(14);
    const link = page.getByRole('link', { name: big2, exact: true });
    expect(await link.getAttribute('href')).toBe(big2Href);
    expect(await page.locator('.kansrijk-synthetic').count()).toBe(1);
    await expectHeadingsInOrder(page);
    expect(await axeViolations(page)).toEqual([]);

    // Following a link stays in the app and shows the indicator.
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(big2Href);
    await expect.poll(() => page.locator('h1').textContent()).toBe(big2);
    await context.close();
  });

  it('shows one indicator’s full definition in Dutch', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/definities/perinatal_mortality`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Perinatale sterfte');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const expected of [
      'Teller',
      'Noemer',
      'per 1.000 (teller gedeeld door noemer × 1.000)',
      'Lager is beter',
      'exact Poisson-interval',
      'Byar',
      '95%-betrouwbaarheidsinterval',
      'Chi-kwadraattoets voor trend over de laatste vijf jaren',
      'Niet gepubliceerd bij teller 1–4 of noemer < 10, plus aanvullende onderdrukking',
      'Perined',
      '2015–2024',
      'Synthetische demonstratiedata',
    ]) {
      expect(text).toContain(expected);
    }
    expect(await page.locator('.kansrijk-synthetic').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Bekijk deze indicator in de atlas' }).getAttribute('href')).toBe('/nl/atlas?indicator=perinatal_mortality');
    expect(await page.getByRole('link', { name: 'Alle definities', exact: false }).getAttribute('href')).toBe('/nl/definities');
    expect(await page.getByRole('button', { name: 'Afdrukken' }).count()).toBe(1);
    await expectHeadingsInOrder(page);
    expect(await axeViolations(page)).toEqual([]);

    // A proportion names the Wilson interval.
    await page.goto(`${session.baseUrl}/nl/definities/big2`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Wilson');
    await context.close();
  });

  it('shows a definition in English and says so for an unknown indicator', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/en/definitions/single_parent_households`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Single-parent households');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('No polarity');
    expect(text).toContain('Wilson score');
    expect(text).toContain('‘higher’ or ‘lower’');
    expect(text).toContain('Not published for a numerator of 1–4 or a denominator < 10, plus secondary suppression');
    expect(await page.getByRole('link', { name: 'View this indicator in the atlas' }).getAttribute('href')).toBe('/en/atlas?indicator=single_parent_households');
    await expectHeadingsInOrder(page);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${session.baseUrl}/en/definitions/does-not-exist`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Indicator not found');
    await context.close();
  });

  it.each([
    ['nl', '/nl/toegankelijkheid', 'Toegankelijkheidsverklaring', ['Ons doel', 'Stand van zaken', 'Wat nog niet (helemaal) toegankelijk is', 'Een probleem melden', 'Datum'], 'WCAG 2.1', 'niet onderzocht door een externe', 'Nog in te vullen door de organisatie die Kansrijk in gebruik neemt'],
    ['en', '/en/accessibility', 'Accessibility statement', ['Our aim', 'Current status', 'What is not (fully) accessible yet', 'Reporting a problem', 'Date'], 'EN 301 549', 'not yet been audited by an external', 'To be filled in by the organisation that deploys Kansrijk'],
  ])('accessibility statement (%s)', async (_lang, path, title, headings, standard, honest, placeholder) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${path}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('main h2').allTextContents()).toEqual(expect.arrayContaining(headings));
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(standard);
    expect(text).toContain(honest);
    expect(text).toContain(placeholder);
    expect(text).toMatch(/2026|20\d\d/);
    await expectHeadingsInOrder(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
