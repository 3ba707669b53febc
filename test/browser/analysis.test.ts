// The analysetool page in the browser: for GM0599 the worse indicators, the wijken with excess
// cases, the recommendations with their reasons, what the coalition plan covers (signed in as a
// partner of the Rotterdam coalition) or the note why not (signed out), and the similar
// municipalities with the method; year and benchmark in the URL; keyboard; print; axe.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, signInAs, useBrowser } from './support.ts';

interface Analysis {
  period: number;
  synthetic: boolean;
  benchmark: { kind: string; name: { nl: string; en: string } };
  worse: { indicator: { id: string; name: { nl: string; en: string } }; excess: { wijken: { name: string }[] } }[];
  riskFactors: { id: string }[];
  recommendations: { intervention: { id: string; name: string }; reason: { nl: string; en: string } }[];
  coveredByPlan: {
    coverage: 'planned' | 'not-planned' | 'not-recommended';
    rank: number | null;
    intervention: { id: string; name: string | null } | null;
    planItems: { id: string; title: string | null; statusLabel: { nl: string; en: string }; targetReach: number | null; fundingRouteLabel: { nl: string; en: string } | null }[];
  }[];
  coveredByPlanNote: { nl: string; en: string; reason: string; coalition: { id: string; name: string } | null };
}

const COORDINATOR = 'coordinator.rotterdam@kansrijk.example';
const planSection = (page: Page) => page.locator('section[aria-labelledby="coalitieplan"]');

/** Headings in order without skipped levels, one h1, and no axe violations. */
async function checkAccessible(page: Page) {
  const levels = await page.locator('main h1, main h2, main h3, main h4').evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  expect(await axeViolations(page)).toEqual([]);
}
interface Similar {
  neighbours: { code: string; name: string }[];
  method: { standardization: { nl: string; en: string }; distance: { nl: string; en: string }; variables: unknown[] };
}

async function api<T>(page: Page, baseUrl: string, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

async function waitForAnalysis(page: Page) {
  await page.locator('section[aria-labelledby="aanbevolen"]').waitFor();
  await page.locator('.kansrijk-similar-table tbody tr').nth(15).waitFor();
}

const worseRows = (page: Page) => page.locator('section[aria-labelledby="slechter"] table').first().locator('tbody th');

describe.skipIf(!browserAvailable())('analysetool', () => {
  const session = useBrowser();

  it.each([
    ['nl', '/nl/analyse/GM0599', 'Analyse van Rotterdam', 'Nederland', '/nl/menukaart/'],
    ['en', '/en/analysis/GM0599', 'Analysis of Rotterdam', 'the Netherlands', '/en/menu/'],
  ] as const)('analyses GM0599: worse indicators, wijken, recommendations with reasons, similar gemeenten (%s)', async (lang, path, title, benchmark, detailPath) => {
    const { page, context } = await session.newPage();
    const a = await api<Analysis>(page, session.baseUrl, '/api/v1/areas/GM0599/analysis?benchmark=nl');
    const similar = await api<Similar>(page, session.baseUrl, '/api/v1/areas/GM0599/similar');
    expect(a.worse.length).toBeGreaterThan(0);
    expect(a.recommendations.length).toBeGreaterThan(0);

    await page.goto(`${session.baseUrl}${path}`);
    await waitForAnalysis(page);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('.kansrijk-synthetic').count()).toBe(a.synthetic ? 1 : 0);
    expect(await page.locator('main').textContent()).toContain(`${a.period}`);

    // The indicators significantly worse, each with value, interval and the benchmark value.
    const worse = page.locator('section[aria-labelledby="slechter"]');
    expect(await worse.locator('h2').textContent()).toContain(benchmark);
    expect(await worseRows(page).allTextContents()).toEqual(a.worse.map((w) => w.indicator.name[lang]));
    const big2 = worse.locator('table').first().locator('tbody tr').first();
    expect(await big2.locator('td').count()).toBe(5);
    expect(await big2.locator('td').nth(1).textContent()).toMatch(lang === 'nl' ? /^\d+,\d – \d+,\d$/ : /^\d+\.\d – \d+\.\d$/);

    // Per worse indicator the wijken where the excess concentrates, largest first.
    const wijken = page.locator('section[aria-labelledby="wijken"]');
    expect(await wijken.locator('h3').allTextContents()).toEqual(a.worse.map((w) => w.indicator.name[lang]));
    for (const [k, w] of a.worse.entries()) {
      const table = wijken.locator('table.kansrijk-wijk-table').nth(k);
      if (w.excess.wijken.length > 0) expect(await table.locator('tbody tr').first().locator('th').textContent()).toBe(w.excess.wijken[0]!.name);
      expect(await table.locator('tfoot th').textContent()).toBe(lang === 'nl' ? 'Gemeente totaal' : 'Municipality total');
    }
    expect(await wijken.locator('.kansrijk-share__bar').count()).toBeGreaterThan(0);

    // The risk factors they point to, each linking to the menukaart filtered on it.
    const direction = page.locator('section[aria-labelledby="richting"]');
    expect(await direction.locator('tbody tr').count()).toBe(a.riskFactors.length);
    expect(await direction.locator('tbody a').first().getAttribute('href')).toBe(`${lang === 'nl' ? '/nl/menukaart' : '/en/menu'}?riskFactor=${a.riskFactors[0]!.id}`);

    // Recommended interventions in order, each with the API's reason in the page language.
    const recs = page.locator('.kansrijk-recommendation');
    expect(await recs.count()).toBe(a.recommendations.length);
    expect(await recs.locator('h3').allTextContents()).toEqual(a.recommendations.map((r) => r.intervention.name));
    for (const [k, r] of a.recommendations.slice(0, 3).entries()) {
      expect(await recs.nth(k).locator('.kansrijk-recommendation__reason').textContent()).toContain(r.reason[lang]);
      expect(await recs.nth(k).locator('h3 a').getAttribute('href')).toBe(`${detailPath}${r.intervention.id}`);
    }
    expect(await recs.first().locator('.kansrijk-trace li').count()).toBeGreaterThan(0);

    // What the coalition plan covers: signed out nothing of the plan, the API's note why, a way to sign in.
    expect(a.coveredByPlan).toEqual([]);
    expect(a.coveredByPlanNote.reason).toBe('signed-out');
    expect(await planSection(page).getAttribute('data-plan-coverage')).toBe('signed-out');
    expect(await planSection(page).textContent()).toContain(a.coveredByPlanNote[lang]);
    expect(await planSection(page).locator('table, h3').count()).toBe(0);
    expect(await planSection(page).getByRole('link', { name: lang === 'nl' ? 'Inloggen' : 'Sign in' }).getAttribute('href')).toBe(lang === 'nl' ? '/nl/inloggen' : '/en/sign-in');

    // The 15 similar gemeenten and the method on screen.
    const sim = page.locator('section[aria-labelledby="vergelijkbaar"]');
    const names = await sim.locator('.kansrijk-similar-table tbody tr:not(.kansrijk-table__self) th').allTextContents();
    expect(names).toEqual(similar.neighbours.map((n) => n.name));
    expect(names).toHaveLength(15);
    expect(await sim.textContent()).toContain(similar.method.standardization[lang]);
    expect(await sim.textContent()).toContain(similar.method.distance[lang]);
    expect(await sim.locator('table').nth(1).locator('tbody tr').count()).toBe(similar.method.variables.length);
    await context.close();
  });

  it.each([
    ['nl', '/nl/analyse/GM0599', 'In uitvoering', '/nl/coalities/'],
    ['en', '/en/analysis/GM0599', 'Under way', '/en/coalitions/'],
  ] as const)('shows a partner of the coalition which recommendations are in the plan, and which not yet (%s)', async (lang, path, underWay, workspacePath) => {
    const { page, context } = await session.newPage();
    await signInAs(page, session.baseUrl, COORDINATOR);
    // The API answer for this very session (page.request shares the context's cookie).
    const a = await api<Analysis>(page, session.baseUrl, '/api/v1/areas/GM0599/analysis?benchmark=nl');
    expect(a.coveredByPlanNote.reason).toBe('shown');
    const planned = a.coveredByPlan.filter((r) => r.coverage === 'planned');
    const notPlanned = a.coveredByPlan.filter((r) => r.coverage === 'not-planned');
    const other = a.coveredByPlan.filter((r) => r.coverage === 'not-recommended');
    // The demo plan of the Rotterdam coalition has Nu Niet Zwanger, which the analysis recommends.
    expect(planned.map((r) => r.intervention?.id)).toContain('nu-niet-zwanger');
    expect(notPlanned.length).toBeGreaterThan(0);

    await page.goto(`${session.baseUrl}${path}`);
    await waitForAnalysis(page);
    const section = planSection(page);
    await expect.poll(() => section.getAttribute('data-plan-coverage')).toBe('shown');
    expect(await section.locator('p').first().textContent()).toBe(a.coveredByPlanNote[lang]);
    expect(await section.getByRole('link', { name: a.coveredByPlanNote.coalition!.name }).getAttribute('href')).toBe(`${workspacePath}${a.coveredByPlanNote.coalition!.id}`);

    // Recommended and in the plan: one row per plan item, with status, reach and funding.
    const rows = section.locator('[data-testid="plan-planned"] tbody tr');
    const items = planned.flatMap((r) => r.planItems.map((item) => ({ r, item })));
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-intervention')))).toEqual(items.map(({ r }) => r.intervention!.id));
    for (const [k, { r, item }] of items.entries()) {
      const cells = await rows.nth(k).locator('th, td').allTextContents();
      expect(cells[0]).toContain(r.intervention!.name!);
      expect(cells[1]).toBe(item.statusLabel[lang]);
      if (item.targetReach !== null) expect(cells[2]!.replace(/[.,\u00a0 ]/g, '')).toBe(String(item.targetReach));
      if (item.fundingRouteLabel) expect(cells[3]).toBe(item.fundingRouteLabel[lang]);
    }
    const nnz = rows.filter({ has: page.locator('a[href$="/nu-niet-zwanger"]') });
    expect(await nnz.locator('td').allTextContents()).toEqual([underWay, '150', expect.any(String)]);

    // Recommended, not yet in the plan: in rank order, each linking to the intervention.
    const open = section.locator('[data-testid="plan-not-planned"] li');
    expect(await open.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-intervention')))).toEqual(notPlanned.map((r) => r.intervention!.id));

    // In the plan, not recommended: the free-text item of the demo plan among them.
    const extra = section.locator('[data-testid="plan-not-recommended"] tbody tr');
    expect(await extra.count()).toBe(other.reduce((n, r) => n + r.planItems.length, 0));
    expect(await extra.locator('th').allTextContents()).toContain('Wijkgerichte voorlichting over kinderwens en gezonde zwangerschap');

    await checkAccessible(page);
    await context.close();
  });

  it('does not show a signed-in visitor the answer loaded while signed out', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/analyse/GM0599`);
    await waitForAnalysis(page);
    expect(await planSection(page).getAttribute('data-plan-coverage')).toBe('signed-out');
    await signInAs(page, session.baseUrl, COORDINATOR);
    // Away and back inside the app (no page load): the analysis is asked again, with the cookie.
    await page.getByRole('link', { name: /Gebiedsprofiel van Rotterdam/ }).click();
    await page.getByRole('link', { name: 'Analyse van deze gemeente' }).click();
    await waitForAnalysis(page);
    await expect.poll(() => planSection(page).getAttribute('data-plan-coverage')).toBe('shown');
    expect(await planSection(page).locator('[data-testid="plan-planned"] a[href$="/nu-niet-zwanger"]').count()).toBe(1);
    await context.close();
  });

  it('keeps year and benchmark in the URL and restores them', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/analyse/GM0599`);
    await waitForAnalysis(page);
    await page.getByRole('radio', { name: /vergelijkbare gemeenten/ }).check();
    await expect.poll(() => new URL(page.url()).search).toBe('?benchmark=similar');
    const similar = await api<Analysis>(page, session.baseUrl, '/api/v1/areas/GM0599/analysis?benchmark=similar');
    await expect.poll(() => worseRows(page).allTextContents()).toEqual(similar.worse.map((w) => w.indicator.name.nl));
    expect(await page.locator('section[aria-labelledby="slechter"] h2').textContent()).toBe(`Indicatoren significant slechter dan ${similar.benchmark.name.nl}`);

    await page.getByLabel('Jaar').selectOption('2022');
    await expect.poll(() => new URL(page.url()).search).toBe('?period=2022&benchmark=similar');
    const older = await api<Analysis>(page, session.baseUrl, '/api/v1/areas/GM0599/analysis?period=2022&benchmark=similar');
    await expect.poll(() => worseRows(page).allTextContents()).toEqual(older.worse.map((w) => w.indicator.name.nl));

    await page.reload();
    await waitForAnalysis(page);
    expect(await page.getByRole('radio', { name: /vergelijkbare gemeenten/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Jaar').inputValue()).toBe('2022');
    expect(await page.locator('main p.kansrijk-muted').first().textContent()).toContain('2022');

    // The same analysis in English keeps the state.
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/en/analysis/GM0599?period=2022&benchmark=similar');
    await waitForAnalysis(page);
    expect(await page.getByRole('radio', { name: /similar municipalities/ }).isChecked()).toBe(true);
    await context.close();
  });

  it('is operable by keyboard: the benchmark with arrow keys, the wijken with a button', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/analyse/GM0599`);
    await waitForAnalysis(page);
    await page.getByRole('radio', { name: 'Nederland' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).search).toBe('?benchmark=region');
    expect(await page.getByRole('radio', { name: /GGD-regio/ }).isChecked()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('region');
    await waitForAnalysis(page);

    const toggle = page.locator('section[aria-labelledby="wijken"] button[aria-expanded]').first();
    if ((await toggle.count()) > 0) {
      const table = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
      const more = table.locator('tbody tr', { hasText: /^Nog \d+ wijk/ });
      expect(await more.count()).toBe(1);
      const before = await table.locator('tbody tr').count();
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await more.count()).toBe(0);
      expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(before);
    }
    await context.close();
  });

  it('links from the area profile of a gemeente, and explains itself for other areas', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/gebied/GM0599`);
    const link = page.getByRole('link', { name: 'Analyse van deze gemeente' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/nl/analyse/GM0599');
    await link.click();
    await waitForAnalysis(page);
    expect(await page.locator('h1').textContent()).toBe('Analyse van Rotterdam');

    await page.goto(`${session.baseUrl}/nl/analyse/NL01`);
    await expect.poll(() => page.locator('main').textContent()).toContain('De analyse is er alleen voor gemeenten');
    await page.goto(`${session.baseUrl}/nl/analyse/GM9999`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente niet gevonden');
    await context.close();
  });

  it('prints for the council without the controls', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/analyse/GM0599`);
    await waitForAnalysis(page);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form[aria-label="Instellingen van de analyse"]').isVisible()).toBe(false);
    expect(await page.locator('nav.kansrijk-toc').isVisible()).toBe(false);
    expect(await page.locator('section[aria-labelledby="aanbevolen"]').isVisible()).toBe(true);
    await context.close();
  });

  it.each([
    ['nl', '/nl/analyse/GM0599'],
    ['en', '/en/analysis/GM0599?benchmark=similar'],
    ['nl', '/nl/analyse/GM0363?benchmark=region&period=2021'],
  ])('has no axe violations (%s %s)', async (lang, path) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${path}`);
    await waitForAnalysis(page);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    // Signed out: the plan section is the note.
    expect(await planSection(page).getAttribute('data-plan-coverage')).toMatch(/^(signed-out|no-coalition)$/);
    await checkAccessible(page);
    await context.close();
  });

  it('on a phone the wide tables scroll and can be reached by keyboard; no axe violations', async () => {
    const { page, context } = await session.newPage({ width: 375, height: 800 });
    await page.goto(`${session.baseUrl}/nl/analyse/GM0599`);
    await waitForAnalysis(page);
    // The page itself does not scroll sideways; the tables do, in focusable named regions.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const regions = page.locator('.kansrijk-table-wrap[role="region"][tabindex="0"]');
    await expect.poll(() => regions.count()).toBeGreaterThan(0);
    expect(await regions.first().getAttribute('aria-label')).toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
