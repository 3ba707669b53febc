// The menukaart in the browser: filters with counts that match the API, filters in the URL,
// search, keyboard use, the intervention page (recognition, sources, unknown facts), print and
// axe in both languages.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, useBrowser } from './support.ts';

interface Facet {
  value: string | number;
  label: { nl: string; en: string };
  count: number;
}
interface ListResponse {
  total: number;
  count: number;
  facets: Record<'phase' | 'actionLine' | 'recognition' | 'funding' | 'riskFactor', Facet[]>;
  items: { id: string; name: string; sources: { url: string }[] }[];
}

const PATH = { nl: '/nl/menukaart', en: '/en/menu' } as const;

async function api<T>(page: Page, baseUrl: string, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Waits until the list shows what the API answers for this query; returns that answer. */
async function expectListMatchesApi(page: Page, baseUrl: string, query: string, lang: 'nl' | 'en') {
  const expected = await api<ListResponse>(page, baseUrl, `/api/v1/interventions${query ? `?${query}` : ''}`);
  await expect.poll(() => page.locator('.kansrijk-result h3').allTextContents()).toEqual(expected.items.map((i) => i.name));
  const status = page.locator('.kansrijk-menukaart__count');
  await expect.poll(() => status.textContent()).toBe(
    expected.count === expected.total
      ? lang === 'nl' ? `Alle ${expected.total} interventies` : `All ${expected.total} interventions`
      : lang === 'nl' ? `${expected.count} van de ${expected.total} interventies gevonden` : `${expected.count} of ${expected.total} interventions found`,
  );
  // Every facet value shows the API's count.
  for (const [facet, values] of Object.entries(expected.facets)) {
    for (const v of values) {
      const label = page.locator(`label[for="facet-${facet}-${v.value}"]`);
      expect(await label.locator('.kansrijk-facet__count').textContent(), `${facet}=${v.value}`).toBe(String(v.count));
      expect(await label.locator('.kansrijk-facet__name').textContent()).toBe(v.label[lang]);
    }
  }
  return expected;
}

describe.skipIf(!browserAvailable())('menukaart', () => {
  const session = useBrowser();

  it.each(['nl', 'en'] as const)('a filter narrows the list and the counts match the API (%s)', async (lang) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${PATH[lang]}`);
    const all = await expectListMatchesApi(page, session.baseUrl, '', lang);
    expect(all.count).toBeGreaterThanOrEqual(18);
    expect(await page.locator('h1').textContent()).toBe(lang === 'nl' ? 'Menukaart' : 'Interventions');
    expect(await page.locator('[role="status"][aria-live="polite"]').count()).toBe(1);

    // During pregnancy …
    const pregnancy = page.getByRole('checkbox', { name: lang === 'nl' ? /^Zwangerschap/ : /^Pregnancy/ });
    const pregnancyCount = all.facets.phase.find((f) => f.value === 'zwangerschap')!.count;
    expect(await page.locator('label[for="facet-phase-zwangerschap"]').textContent()).toContain(String(pregnancyCount));
    await pregnancy.check();
    await expect.poll(() => new URL(page.url()).search).toBe('?phase=zwangerschap');
    const narrowed = await expectListMatchesApi(page, session.baseUrl, 'phase=zwangerschap', lang);
    expect(narrowed.count).toBe(pregnancyCount);
    expect(narrowed.count).toBeLessThan(all.count);

    // … effective (two levels: alternatives) …
    await page.locator('#facet-recognition-effectief-goede').check();
    await page.locator('#facet-recognition-effectief-eerste').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?phase=zwangerschap&recognition=effectief-goede&recognition=effectief-eerste');
    const effective = await expectListMatchesApi(page, session.baseUrl, 'phase=zwangerschap&recognition=effectief-goede,effectief-eerste', lang);
    expect(effective.count).toBeLessThanOrEqual(narrowed.count);

    // … paid from the JGZ budget.
    await page.locator('#facet-funding-wpg-jgz').check();
    const jgz = await expectListMatchesApi(page, session.baseUrl, 'phase=zwangerschap&recognition=effectief-goede,effectief-eerste&funding=wpg-jgz', lang);
    expect(jgz.items.map((i) => i.id)).toContain('voorzorg');

    // Each result links to its page.
    const first = page.locator('.kansrijk-result h3 a').first();
    expect(await first.getAttribute('href')).toBe(`${PATH[lang]}/${jgz.items[0]!.id}`);

    // Clear filters: everything back, focus on the results heading.
    await page.getByRole('button', { name: lang === 'nl' ? 'Alle filters wissen' : 'Clear all filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expectListMatchesApi(page, session.baseUrl, '', lang);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('menukaart-resultaten');
    await context.close();
  });

  it('restores the filters from the URL and keeps them when switching language', async () => {
    const { page, context } = await session.newPage();
    const query = 'phase=zwangerschap&recognition=effectief-goede&funding=wpg-jgz';
    await page.goto(`${session.baseUrl}/nl/menukaart?${query}`);
    await expectListMatchesApi(page, session.baseUrl, query, 'nl');
    for (const id of ['facet-phase-zwangerschap', 'facet-recognition-effectief-goede', 'facet-funding-wpg-jgz']) expect(await page.locator(`#${id}`).isChecked(), id).toBe(true);
    expect(await page.locator('#facet-phase-kinderwens').isChecked()).toBe(false);
    // The active filters are listed, each removable.
    expect(await page.getByRole('button', { name: 'Filter verwijderen: Fase: Zwangerschap' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/menu');
    expect(new URL(page.url()).search).toBe(`?${query}`);
    await expectListMatchesApi(page, session.baseUrl, query, 'en');
    expect(await page.locator('#facet-recognition-effectief-goede').isChecked()).toBe(true);

    // Removing one active filter keeps the others.
    await page.getByRole('button', { name: 'Remove filter: Phase: Pregnancy' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?recognition=effectief-goede&funding=wpg-jgz');
    await expectListMatchesApi(page, session.baseUrl, 'recognition=effectief-goede&funding=wpg-jgz', 'en');
    await context.close();
  });

  it('searches as you type, with the search in the URL', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/menukaart?phase=0-2`);
    await expectListMatchesApi(page, session.baseUrl, 'phase=0-2', 'nl');
    const box = page.getByRole('searchbox', { name: 'Zoeken in de menukaart' });
    await box.fill('huisbezoek');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=huisbezoek&phase=0-2');
    const found = await expectListMatchesApi(page, session.baseUrl, 'q=huisbezoek&phase=0-2', 'nl');
    expect(found.count).toBeGreaterThan(0);
    // A search without results says so.
    await box.fill('bestaatniet');
    await box.press('Enter');
    await expect.poll(() => page.locator('.kansrijk-menukaart__count').textContent()).toBe(`0 van de ${found.total} interventies gevonden`);
    expect(await page.getByText('Geen interventies gevonden').count()).toBe(1);
    await page.reload();
    expect(await box.inputValue()).toBe('bestaatniet');
    await context.close();
  });

  it('is operable by keyboard: filters with Tab and Space, focus stays on the checkbox', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/menukaart`);
    await expectListMatchesApi(page, session.baseUrl, '', 'nl');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).focus();
    // Tab from the search button lands on the filters: the first checkbox (phase kinderwens).
    let reached = '';
    for (let i = 0; i < 5 && reached !== 'facet-phase-kinderwens'; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(reached).toBe('facet-phase-kinderwens');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('facet-phase-zwangerschap');
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).search).toBe('?phase=zwangerschap');
    await expectListMatchesApi(page, session.baseUrl, 'phase=zwangerschap', 'nl');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('facet-phase-zwangerschap');
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    // Fieldsets with legends group the checkboxes for screen readers.
    expect(await page.locator('fieldset legend').allTextContents()).toEqual(
      expect.arrayContaining(['Fase', 'Actielijn', 'Erkenningsniveau', 'Financieringsroute', 'Risicofactor', 'Medische risicofactoren', 'Sociale risicofactoren']),
    );
    await context.close();
  });

  it.each([
    ['nl', '/nl/menukaart/voorzorg', 'Effectief volgens goede aanwijzingen', '30 september 2021', 'Bronnen'],
    ['en', '/en/menu/voorzorg', 'Effective: good evidence', '30 September 2021', 'Sources'],
  ] as const)('the intervention page shows recognition, funding and sources (%s)', async (lang, path, level, date, sourcesHeading) => {
    const { page, context } = await session.newPage();
    const detail = await api<{ name: string; sources: { url: string; title: string }[]; funding: unknown[]; riskFactors: string[] }>(page, session.baseUrl, '/api/v1/interventions/voorzorg');
    await page.goto(`${session.baseUrl}${path}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('VoorZorg');
    const recognition = page.locator('section[aria-labelledby="sec-recognition"]');
    expect(await recognition.textContent()).toContain(level);
    expect(await recognition.textContent()).toContain(date);
    expect(await recognition.locator('a[href^="https://"]').count()).toBe(1);
    expect(await page.locator('.kansrijk-funding > li').count()).toBe(detail.funding.length);
    const sources = page.locator('section[aria-labelledby="sec-sources"]');
    expect(await sources.locator('h2').textContent()).toBe(sourcesHeading);
    expect(await sources.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(detail.sources.map((s) => s.url));
    expect(await sources.locator('li a').allTextContents()).toEqual(detail.sources.map((s) => s.title));
    // Risk factors link back to the menukaart filtered on them.
    const risk = page.locator('section[aria-labelledby="sec-risk"] .kansrijk-risk-links a');
    expect(await risk.count()).toBe(detail.riskFactors.length);
    expect(await risk.first().getAttribute('href')).toBe(`${lang === 'nl' ? '/nl/menukaart' : '/en/menu'}?riskFactor=${detail.riskFactors[0]}`);
    await risk.first().click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?riskFactor=${detail.riskFactors[0]}`);
    await expectListMatchesApi(page, session.baseUrl, `riskFactor=${detail.riskFactors[0]}`, lang);
    expect(await page.locator(`#facet-riskFactor-${detail.riskFactors[0]}`).isChecked()).toBe(true);
    await context.close();
  });

  it('shows facts the sources do not confirm as "Onbekend" with the note, never hidden', async () => {
    const { page, context } = await session.newPage();
    const detail = await api<{ duration: { unknown?: boolean; note: { nl: string } }; owner: { unknown?: boolean; note: { nl: string } } }>(page, session.baseUrl, '/api/v1/interventions/alcohol-zwangerschap');
    expect(detail.duration.unknown).toBe(true);
    await page.goto(`${session.baseUrl}/nl/menukaart/alcohol-zwangerschap`);
    const delivery = page.locator('section[aria-labelledby="sec-delivery"]');
    await delivery.waitFor();
    const duration = delivery.locator('.utrecht-data-list__item', { hasText: 'Duur' });
    expect(await duration.locator('.kansrijk-unknown').textContent()).toBe('Onbekend');
    expect(await duration.textContent()).toContain(detail.duration.note.nl);
    const owner = delivery.locator('.utrecht-data-list__item', { hasText: 'Eigenaar' });
    expect(await owner.textContent()).toContain(detail.owner.note.nl);
    await context.close();
  });

  it('prints without the search and filters', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/menukaart?phase=zwangerschap`);
    await expectListMatchesApi(page, session.baseUrl, 'phase=zwangerschap', 'nl');
    expect(await page.getByRole('button', { name: 'Afdrukken' }).count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.kansrijk-menukaart__filters').isVisible()).toBe(false);
    expect(await page.locator('form[role="search"]').isVisible()).toBe(false);
    expect(await page.getByText('Gefilterd op: Fase: Zwangerschap').isVisible()).toBe(true);
    await page.goto(`${session.baseUrl}/nl/menukaart/home-start`);
    await page.locator('section[aria-labelledby="sec-sources"]').waitFor();
    const after = await page.locator('section[aria-labelledby="sec-sources"] a').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://');
    await context.close();
  });

  it('says so for a link with a filter value that does not exist, and recovers when it is removed', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/menukaart?phase=zwangerschap&riskFactor=bestaat-niet`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('filterwaarde die niet (meer) bestaat');
    await page.getByRole('button', { name: 'Filter verwijderen: Risicofactor: bestaat-niet' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?phase=zwangerschap');
    await expectListMatchesApi(page, session.baseUrl, 'phase=zwangerschap', 'nl');
    await context.close();
  });

  it('says so for an unknown intervention', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/menukaart/bestaat-niet`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Interventie niet gevonden');
    expect(await page.locator('a', { hasText: 'Terug naar de menukaart' }).getAttribute('href')).toBe('/nl/menukaart');
    await context.close();
  });

  it.each([
    ['nl', '/nl/menukaart?phase=zwangerschap&riskFactor=smoking'],
    ['en', '/en/menu?recognition=effectief-goede'],
    ['nl', '/nl/menukaart/voorzorg'],
    ['en', '/en/menu/alcohol-zwangerschap'],
    ['nl', '/nl/menukaart/moeders-van-rotterdam'],
  ])('has no axe violations (%s %s)', async (lang, path) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${path}`);
    await page.locator(path.includes('/menukaart/') || path.includes('/menu/') ? 'section[aria-labelledby="sec-sources"]' : '.kansrijk-result').first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('on a phone puts a link to the results above the filters; no axe violations', async () => {
    const { page, context } = await session.newPage({ width: 375, height: 800 });
    await page.goto(`${session.baseUrl}/nl/menukaart?phase=zwangerschap`);
    const expected = await expectListMatchesApi(page, session.baseUrl, 'phase=zwangerschap', 'nl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const skip = page.getByRole('link', { name: `Direct naar de resultaten (${expected.count})` });
    await skip.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('menukaart-resultaten');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
