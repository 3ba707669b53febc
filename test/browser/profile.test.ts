// The area profile in the browser: every indicator grouped by action line with a spine chart
// and its text alternative, year and benchmark in the URL, the trend and compare-areas charts
// by keyboard, suppressed values, and axe in both languages.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, useBrowser } from './support.ts';

interface IndicatorMeta {
  id: string;
  actionLine: 1 | 2 | 3;
}

/** Heading levels in document order: one h1 first, never a skipped level. */
async function expectHeadingsInOrder(page: Page) {
  const levels = await page.locator('main h1, main h2, main h3, main h4').evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
}

async function openProfile(page: Page, url: string) {
  await page.goto(url);
  await page.locator('tr.kansrijk-profile-row').first().waitFor();
}

describe.skipIf(!browserAvailable())('area profile', () => {
  const session = useBrowser();

  it.each([
    ['nl', '/nl/gebied/GM0599', 'Gebiedsprofiel Rotterdam', ['Actielijn 1: voor de zwangerschap', 'Actielijn 2: tijdens de zwangerschap', 'Actielijn 3: na de geboorte'], 'Definitie en bron'],
    ['en', '/en/area/GM0599', 'Area profile Rotterdam', ['Action line 1: before pregnancy', 'Action line 2: during pregnancy', 'Action line 3: after birth'], 'Definition and source'],
  ])('shows all 14 indicators of GM0599 grouped by action line (%s)', async (lang, path, title, groups, disclosure) => {
    const { page, context } = await session.newPage();
    await openProfile(page, `${session.baseUrl}${path}`);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);

    // Breadcrumb: Nederland › Zuid-Holland › Rotterdam, with the parents as links.
    const crumbs = page.getByRole('navigation', { name: lang === 'nl' ? 'Kruimelpad' : 'Breadcrumb' });
    await expect.poll(() => crumbs.locator('a').allTextContents()).toEqual([lang === 'nl' ? 'Nederland' : 'Netherlands', 'Zuid-Holland', 'Rotterdam']);
    expect(await crumbs.locator('a').first().getAttribute('href')).toBe(lang === 'nl' ? '/nl/gebied/NL01' : '/en/area/NL01');
    expect(await page.locator('a', { hasText: 'GGD Rotterdam-Rijnmond' }).count()).toBeGreaterThan(0);

    // Every indicator, in the table of its own action line.
    const meta = (await (await page.request.get(`${session.baseUrl}/api/v1/indicators`)).json()) as IndicatorMeta[];
    expect(meta).toHaveLength(14);
    expect(await page.locator('tr.kansrijk-profile-row').count()).toBe(14);
    expect(await page.locator('main h2').allTextContents()).toEqual(expect.arrayContaining(groups));
    for (const line of [1, 2, 3] as const) {
      const ids = await page.locator(`table[data-action-line="actielijn-${line}"] tr.kansrijk-profile-row`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator')));
      expect(ids.sort()).toEqual(meta.filter((m) => m.actionLine === line).map((m) => m.id).sort());
    }

    // A spine chart in every row, with a text alternative that carries the numbers.
    const spines = page.locator('tr.kansrijk-profile-row svg.kansrijk-spine[role="img"]');
    expect(await spines.count()).toBe(14);
    const labels = await spines.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const label of labels) {
      expect(label).toMatch(
        lang === 'nl'
          ? /^Rotterdam: \d+,\d(%| per 1\.000), .*\. Nederland: \d+,\d.*laagste .*25e percentiel .*hoogste .*Links (slechter, rechts beter|lager, rechts hoger)\.$/
          : /^Rotterdam: \d+\.\d(%| per 1,000), .*\. Netherlands: \d+\.\d.*lowest .*25th percentile .*highest .*Left (worse, right better|lower, right higher)\.$/,
      );
    }
    const big2 = page.locator('tr[data-indicator="big2"]');
    expect(await big2.locator('svg.kansrijk-spine path.kansrijk-spine__marker').count()).toBe(1);
    // Comparison and trend in words; a legend for the chart; nl-NL numbers.
    expect(await big2.textContent()).toMatch(lang === 'nl' ? /Slechter dan Nederland/ : /Worse than Netherlands/);
    expect(await big2.locator('.kansrijk-trend-word').textContent()).toMatch(lang === 'nl' ? /geen significante verandering|(stijgt|daalt) \(significant\)/ : /no significant change|(increasing|decreasing) \(significant\)/);
    if (lang === 'nl') expect(await big2.textContent()).toMatch(/\d\.\d{3} \/ \d\.\d{3}/);
    expect(await page.locator('#spine-legend-heading').count()).toBe(1);
    expect(await page.locator('.kansrijk-synthetic').count()).toBe(1);

    // The definition disclosure opens by keyboard and links to the definition page.
    const summary = big2.locator('summary');
    expect(await summary.textContent()).toContain(disclosure);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => big2.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await big2.locator('details dd').first().textContent()).toMatch(/24 we(ken|eks)/);
    expect(await big2.locator('th a').first().getAttribute('href')).toBe(lang === 'nl' ? '/nl/definities/big2' : '/en/definitions/big2');

    await expectHeadingsInOrder(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('keeps year and benchmark in the URL and restores them on reload', async () => {
    const { page, context } = await session.newPage();
    await openProfile(page, `${session.baseUrl}/nl/gebied/GM0599`);
    expect(await page.locator('.kansrijk-profile__meta').first().textContent()).toContain('Cijfers over 2024, vergeleken met Nederland');

    await page.focus('#profile-period');
    await page.selectOption('#profile-period', '2020');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2020');
    await expect.poll(() => page.locator('.kansrijk-profile__meta').first().textContent()).toContain('Cijfers over 2020');
    // The select kept focus while the figures changed.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-period');

    await page.selectOption('#profile-benchmark', 'GG4607');
    await expect.poll(() => new URL(page.url()).searchParams.get('benchmark')).toBe('GG4607');
    await expect.poll(() => page.locator('table[data-action-line="actielijn-2"] thead').textContent()).toContain('GGD Rotterdam-Rijnmond');
    const before = await page.locator('tr[data-indicator="big2"] svg.kansrijk-spine').getAttribute('aria-label');
    expect(before).toContain('GGD Rotterdam-Rijnmond:');

    await page.reload();
    await page.locator('tr.kansrijk-profile-row').first().waitFor();
    await expect.poll(() => page.locator('.kansrijk-profile__meta').first().textContent()).toContain('Cijfers over 2020, vergeleken met GGD Rotterdam-Rijnmond');
    expect(await page.inputValue('#profile-period')).toBe('2020');
    expect(await page.inputValue('#profile-benchmark')).toBe('GG4607');
    expect(await page.locator('tr[data-indicator="big2"] svg.kansrijk-spine').getAttribute('aria-label')).toBe(before);

    // Back to Nederland: the default leaves the URL.
    await page.selectOption('#profile-benchmark', 'NL01');
    await expect.poll(() => new URL(page.url()).searchParams.has('benchmark')).toBe(false);
    await context.close();
  });

  it('opens the trend and compare charts by keyboard and sorts the bars by keyboard', async () => {
    const { page, context } = await session.newPage();
    await openProfile(page, `${session.baseUrl}/nl/gebied/GM0599`);
    await page.locator('tr[data-indicator="big2"] a.kansrijk-charts-link').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toBe('big2');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('charts-heading');
    expect(await page.inputValue('#profile-indicator')).toBe('big2');

    // Trend chart: SVG with a summary, ten years in the table alternative.
    const trend = page.locator('figure.kansrijk-trend');
    await trend.waitFor();
    expect(await page.locator('#trend-heading').textContent()).toBe('Trend: Big2 (valse start) in Rotterdam');
    const trendLabel = await trend.locator('svg[role="img"]').getAttribute('aria-label');
    expect(trendLabel).toMatch(/2015–2024: van \d+,\d% in 2015 naar \d+,\d% in 2024; Nederland van/);
    expect(await trend.locator('path.kansrijk-trend__marker').count()).toBe(10);
    expect(await trend.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Waarde (%)', '2015', '2024']));
    await trend.locator('summary').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => trend.locator('tbody tr').count()).toBe(10);
    expect(await trend.locator('tbody tr').first().textContent()).toMatch(/^2015\d+,\d%/);

    // Compare chart: the 13 gemeenten of GGD Rotterdam-Rijnmond, Rotterdam highlighted.
    const compare = page.locator('figure.kansrijk-compare');
    await compare.waitFor();
    expect(await page.locator('#compare-heading').textContent()).toBe('Vergelijking: Big2 (valse start), gemeenten in GGD Rotterdam-Rijnmond');
    expect(await compare.locator('g.kansrijk-compare__row').count()).toBe(13);
    expect(await compare.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/13 gebieden .*Rotterdam staat op plaats \d+ van \d+/);
    const byValue = compare.getByRole('button', { name: 'Op waarde' });
    const byName = compare.getByRole('button', { name: 'Op naam' });
    expect(await byValue.getAttribute('aria-pressed')).toBe('true');
    const valuesInOrder = async () => (await compare.locator('g.kansrijk-compare__row text:nth-of-type(2)').allTextContents()).map((v) => Number(v.replace(',', '.')));
    const values = await valuesInOrder();
    expect(values).toEqual([...values].sort((a, b) => b - a));

    await byValue.focus();
    await page.keyboard.press('Tab');
    expect(await byName.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => byName.getAttribute('aria-pressed')).toBe('true');
    expect(await byValue.getAttribute('aria-pressed')).toBe('false');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
    const names = await compare.locator('g.kansrijk-compare__row').evaluateAll((rows) => rows.map((r) => r.querySelector('text')?.textContent ?? ''));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    // Focus stays on the button that was pressed.
    expect(await byName.evaluate((el) => el === document.activeElement)).toBe(true);

    await compare.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => compare.locator('tbody tr').count()).toBe(13);
    expect(await compare.locator('tbody tr.kansrijk-row--own').textContent()).toContain('Rotterdam (dit gebied)');

    // Another indicator from the chooser; the state survives a reload.
    await page.selectOption('#profile-indicator', 'perinatal_mortality');
    await expect.poll(() => page.locator('#trend-heading').textContent()).toBe('Trend: Perinatale sterfte in Rotterdam');
    await page.reload();
    await page.locator('figure.kansrijk-compare').waitFor();
    expect(await page.getByRole('button', { name: 'Op naam' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#trend-heading').textContent()).toBe('Trend: Perinatale sterfte in Rotterdam');

    await expectHeadingsInOrder(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the charts in English with en-GB numbers and passes axe', async () => {
    const { page, context } = await session.newPage();
    await openProfile(page, `${session.baseUrl}/en/area/GM0599?indicator=social_assistance&benchmark=PV28`);
    await page.locator('figure.kansrijk-compare').waitFor();
    expect(await page.locator('#trend-heading').textContent()).toBe('Trend: Social-assistance benefits in Rotterdam');
    expect(await page.locator('figure.kansrijk-trend svg text').allTextContents()).toEqual(expect.arrayContaining(['Value (per 1,000)']));
    expect(await page.locator('#compare-heading').textContent()).toContain('municipalities in GGD Rotterdam-Rijnmond');
    expect(await page.inputValue('#profile-benchmark')).toBe('PV28');
    expect(await page.locator('tr[data-indicator="social_assistance"]').textContent()).toMatch(/\d+\.\d per 1,000/);
    for (const summary of await page.locator('figure summary').all()) await summary.click();
    await expectHeadingsInOrder(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('says when a value is suppressed and profiles a wijk against its gemeente', async () => {
    const { page, context } = await session.newPage();
    // Find a wijk of Rotterdam with a suppressed Big2 value.
    const values = await (await page.request.get(`${session.baseUrl}/api/v1/indicators/big2/values?level=wijk&within=GM0599`)).json();
    const wijk = (values.values as { area: string; suppressed: boolean; suppressionReason?: string }[]).find((v) => v.suppressed && v.suppressionReason === 'small-numbers');
    expect(wijk).toBeDefined();
    await openProfile(page, `${session.baseUrl}/nl/gebied/${wijk!.area}?benchmark=GM0599`);
    await expect.poll(() => page.getByRole('navigation', { name: 'Kruimelpad' }).locator('a').allTextContents()).toEqual(['Nederland', 'Zuid-Holland', 'Rotterdam', expect.any(String)]);
    const row = page.locator('tr[data-indicator="big2"]');
    expect(await row.textContent()).toContain('onderdrukt (kleine aantallen)');
    expect(await row.locator('svg.kansrijk-spine').getAttribute('aria-label')).toContain('onderdrukt (kleine aantallen)');
    expect(await row.locator('svg.kansrijk-spine path.kansrijk-spine__marker').count()).toBe(0);
    expect(await page.inputValue('#profile-benchmark')).toBe('GM0599');
    expect(await page.locator('table[data-action-line="actielijn-2"] thead').textContent()).toContain('Spreiding wijken');
    await context.close();
  });

  it('answers an unknown area with a page that says so', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/gebied/GM9999`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gebied niet gevonden');
    await context.close();
  });
});
