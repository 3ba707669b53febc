// The atlas page in a real browser, in both languages: the map of 342 gemeenten with its
// legend, controls that write the URL, permalinks, tooltip, keyboard-only use (map, drill-down,
// table), and axe on every view.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, browserAvailable, useBrowser } from './support.ts';

const AREAS = '.atlas-map__areas path';
const FIGURE = '[data-testid="atlas-figure"]';

/** Waits until the figure shows the view whose query contains every `part`. */
async function figureShows(page: Page, ...parts: string[]) {
  await expect
    .poll(async () => {
      const figure = page.locator(FIGURE);
      if ((await figure.count()) === 0) return 'no figure';
      const [view, busy] = await Promise.all([figure.getAttribute('data-view'), figure.getAttribute('aria-busy')]);
      return busy === 'false' && parts.every((p) => view?.includes(p)) ? 'ok' : `${busy} ${view}`;
    }, { timeout: 15_000 })
    .toBe('ok');
}

const fills = (page: Page) => page.$$eval(AREAS, (paths) => paths.map((p) => p.getAttribute('fill')).join('|'));
const query = (page: Page) => new URL(page.url()).searchParams;
const activeInfo = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), code: el?.getAttribute('data-code') ?? null, label: el?.getAttribute('aria-label') ?? el?.textContent ?? '', inMap: !!el?.closest('.atlas-map__areas') };
  });

/** Presses Tab until `done` holds for the focused element (at most `max` times). */
async function tabUntil(page: Page, done: (info: Awaited<ReturnType<typeof activeInfo>>) => boolean, max = 60, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const info = await activeInfo(page);
    if (done(info)) return i + 1;
  }
  throw new Error(`focus never reached the target after ${max} × ${key}`);
}

const TEXT = {
  nl: { better: 'Beter dan Nederland', suppressed: 'Onderdrukt (kleine aantallen)', missing: 'Geen cijfer', interval: '95%-interval', table: 'Tabel', map: 'Kaart', value: 'Waarde', suppressedRow: 'onderdrukt (kleine aantallen)', back: 'Terug naar de kaart van Nederland', profile: 'Open profiel van Rotterdam' },
  en: { better: 'Better than the Netherlands', suppressed: 'Suppressed (small numbers)', missing: 'No figure', interval: '95% interval', table: 'Table', map: 'Map', value: 'Value', suppressedRow: 'suppressed (small numbers)', back: 'Back to the map of the Netherlands', profile: 'Open profile of Rotterdam' },
} as const;

describe.skipIf(!browserAvailable())('atlas page', () => {
  const session = useBrowser();

  it.each(['nl', 'en'] as const)('draws the 342 gemeenten with fills and a legend (%s)', async (lang) => {
    const { page, context } = await session.newPage();
    const started = Date.now();
    await page.goto(`${session.baseUrl}/${lang}/atlas`);
    await figureShows(page, 'level=gemeente');
    await expect.poll(() => page.locator(AREAS).count()).toBe(342);
    const loadMs = Date.now() - started;
    console.log(`atlas (${lang}) map ready ${loadMs} ms after navigation`);
    expect(loadMs).toBeLessThan(3000);

    const all = (await fills(page)).split('|');
    expect(all.every((f) => f && f !== 'null')).toBe(true);
    expect(new Set(all).size).toBeGreaterThanOrEqual(3);
    // Suppressed areas are hatched.
    expect(all).toContain('url(#atlas-hatch)');

    const legend = page.getByTestId('atlas-legend');
    await expect.poll(() => legend.textContent()).toContain(TEXT[lang].better);
    const legendText = (await legend.textContent())!;
    expect(legendText).toContain(TEXT[lang].suppressed);
    expect(legendText).toContain(TEXT[lang].missing);
    expect(legendText).toMatch(lang === 'nl' ? /\d+,\d%/ : /\d+\.\d%/);

    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('.kansrijk-synthetic').count()).toBe(1);
    expect(await page.locator('.atlas-attribution').textContent()).toContain('CBS');
    // The address bar holds the full permalink.
    expect(query(page).toString()).toBe('indicator=big2&period=2024&level=gemeente&colour=comparison&classes=quantile&benchmark=NL01&view=map');
    // Download links carry the view's parameters.
    expect(await page.locator('[data-download="csv"]').getAttribute('href')).toBe(`/api/v1/indicators/big2/values?level=gemeente&period=2024&lang=${lang}&format=csv`);
    await context.close();
  });

  it('updates the URL and the map when the indicator, year and colouring change', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/atlas`);
    await figureShows(page, 'indicator=big2');
    const before = await fills(page);
    const historyLength = await page.evaluate(() => history.length);

    await page.selectOption('[data-control="indicator"]', 'teenage_mothers');
    await expect.poll(() => query(page).get('indicator')).toBe('teenage_mothers');
    await figureShows(page, 'indicator=teenage_mothers');
    expect(await fills(page)).not.toBe(before);
    expect(await page.locator('#atlas-figure-title').textContent()).toContain('Tienermoeders');

    const teen = await fills(page);
    await page.selectOption('[data-control="period"]', '2019');
    await expect.poll(() => query(page).get('period')).toBe('2019');
    await figureShows(page, 'period=2019');
    expect(await fills(page)).not.toBe(teen);

    await page.selectOption('[data-control="colour"]', 'value');
    await expect.poll(() => query(page).get('colour')).toBe('value');
    await figureShows(page, 'colour=value');
    const classes = page.locator('.atlas-legend__item[data-legend^="class-"]');
    // Up to 5 classes (fewer when many areas tie, e.g. at 0%), one colour each.
    const classCount = await classes.count();
    expect(classCount).toBeGreaterThanOrEqual(3);
    expect(classCount).toBeLessThanOrEqual(5);
    expect(await classes.first().textContent()).toMatch(/\d+,\d – \d+,\d%/);
    const quintiles = await fills(page);
    expect(quintiles).toContain('#0c2c84');
    const quintileLegend = await page.getByTestId('atlas-legend').textContent();

    await page.selectOption('[data-control="classes"]', 'equal');
    await expect.poll(() => query(page).get('classes')).toBe('equal');
    await figureShows(page, 'classes=equal');
    expect(await page.getByTestId('atlas-legend').textContent()).not.toBe(quintileLegend);
    expect(await fills(page)).not.toBe(quintiles);

    await page.selectOption('[data-control="level"]', 'provincie');
    await figureShows(page, 'level=provincie');
    expect(await page.locator(AREAS).count()).toBe(12);
    // Control changes replace the history entry rather than adding one.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await context.close();
  });

  it('restores controls and map from a permalink, also after a reload', async () => {
    const { page, context } = await session.newPage();
    const link = 'indicator=preterm&period=2021&level=gemeente&colour=value&classes=jenks&benchmark=ggdregio&view=map';
    await page.goto(`${session.baseUrl}/en/atlas?${link}`);
    await figureShows(page, link);
    const check = async () => {
      expect(await page.inputValue('[data-control="indicator"]')).toBe('preterm');
      expect(await page.inputValue('[data-control="period"]')).toBe('2021');
      expect(await page.inputValue('[data-control="colour"]')).toBe('value');
      expect(await page.inputValue('[data-control="classes"]')).toBe('jenks');
      expect(await page.inputValue('[data-control="benchmark"]')).toBe('ggdregio');
      expect(query(page).toString()).toBe(link);
    };
    await check();
    const shown = await fills(page);
    const legend = await page.getByTestId('atlas-legend').textContent();
    await page.reload();
    await figureShows(page, link);
    await check();
    expect(await fills(page)).toBe(shown);
    expect(await page.getByTestId('atlas-legend').textContent()).toBe(legend);

    // Bad parameters fall back to defaults and the address is cleaned up.
    await page.goto(`${session.baseUrl}/nl/atlas?indicator=nope&period=1800&level=buurt&colour=x&view=3d`);
    await figureShows(page, 'indicator=big2');
    expect(query(page).toString()).toBe('indicator=big2&period=2024&level=gemeente&colour=comparison&classes=quantile&benchmark=NL01&view=map');
    await context.close();
  });

  it.each(['nl', 'en'] as const)('shows a tooltip on hover and on keyboard focus (%s)', async (lang) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/${lang}/atlas`);
    await figureShows(page, 'level=gemeente');
    await page.locator(`${AREAS}[data-code="GM0344"]`).hover();
    const tip = page.getByTestId('atlas-tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = (await tip.textContent())!;
    expect(text).toContain('Utrecht');
    expect(text).toContain(TEXT[lang].interval);
    expect(text).toMatch(lang === 'nl' ? /\d+,\d%/ : /\d+\.\d%/);
    expect(await page.getByTestId('atlas-panel').locator('h3').textContent()).toBe('Utrecht');

    await page.mouse.move(2, 2);
    await expect.poll(() => tip.count()).toBe(0);
    await page.locator(`${AREAS}[data-code="GM0599"]`).focus();
    await expect.poll(async () => (await tip.count()) && tip.textContent()).toContain('Rotterdam');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count()).toBe(0);
    await context.close();
  });

  it('works by keyboard alone: reach the map, move, drill into wijken and back', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/atlas`);
    await figureShows(page, 'level=gemeente');
    await tabUntil(page, (i) => i.inMap);
    const first = await activeInfo(page);
    expect(first.code).toMatch(/^GM\d{4}$/);
    expect(first.label).toMatch(/: (\d+,\d%|onderdrukt)/);
    // One tab stop: only the focused area is in the tab order.
    expect(await page.locator(`${AREAS}[tabindex="0"]`).count()).toBe(1);
    await expect.poll(() => page.getByTestId('atlas-tooltip').count()).toBe(1);

    await page.keyboard.press('ArrowRight');
    const moved = await activeInfo(page);
    expect(moved.inMap).toBe(true);
    expect(moved.code).not.toBe(first.code);
    await page.keyboard.press('ArrowDown');
    expect((await activeInfo(page)).inMap).toBe(true);
    await page.keyboard.press('End');
    expect((await activeInfo(page)).label).toMatch(/^Zwolle/);

    // Type-ahead to Rotterdam, Enter drills into its wijken.
    await page.keyboard.type('Rotterdam');
    expect((await activeInfo(page)).code).toBe('GM0599');
    await page.keyboard.press('Enter');
    await expect.poll(() => query(page).get('gemeente')).toBe('GM0599');
    expect(query(page).get('level')).toBe('wijk');
    await figureShows(page, 'level=wijk&gemeente=GM0599');
    const wijken = await page.locator(AREAS).count();
    expect(wijken).toBeGreaterThan(5);
    await expect.poll(async () => (await activeInfo(page)).code).toMatch(/^WK0599/);
    expect(await page.locator('#atlas-figure-title').textContent()).toContain('Rotterdam');
    expect(await page.getByRole('link', { name: TEXT.nl.profile }).getAttribute('href')).toBe('/nl/gebied/GM0599');
    await page.keyboard.press('ArrowLeft');
    expect((await activeInfo(page)).inMap).toBe(true);

    // Back to the national map by keyboard; focus returns to Rotterdam.
    await tabUntil(page, (i) => i.label.includes(TEXT.nl.back), 30, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await figureShows(page, 'level=gemeente');
    expect(query(page).get('gemeente')).toBeNull();
    await expect.poll(async () => (await activeInfo(page)).code).toBe('GM0599');
    // The drill-down was a navigation: Back returns to it.
    await page.goBack();
    await figureShows(page, 'gemeente=GM0599');
    await context.close();
  });

  it('offers the table alternative by keyboard, sortable by every column', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/atlas`);
    await figureShows(page, 'view=map');
    await tabUntil(page, (i) => i.label.trim() === TEXT.nl.table);
    await page.keyboard.press('Enter');
    await figureShows(page, 'view=table');
    expect(query(page).get('view')).toBe('table');
    const rows = page.locator('[data-testid="atlas-table"] tbody tr');
    expect(await rows.count()).toBe(342);
    expect(await page.locator('[data-testid="atlas-table"] tbody').textContent()).toContain(TEXT.nl.suppressedRow);
    expect(await page.locator('[data-testid="atlas-table"] caption').textContent()).toContain('Big2');

    await tabUntil(page, (i) => i.label.trim().startsWith(TEXT.nl.value), 10);
    await page.keyboard.press('Enter');
    await expect.poll(() => query(page).get('sort')).toBe('value');
    const valueHeader = page.locator('th', { has: page.locator('[data-sort="value"]') });
    expect(await valueHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('th[aria-sort]').count()).toBe(1);
    const values = async () =>
      (await rows.locator('td:nth-of-type(1)').allTextContents())
        .map((v) => Number(v.replace('%', '').replace('.', '').replace(',', '.')))
        .filter((v) => !Number.isNaN(v));
    const asc = await values();
    expect(asc.length).toBeGreaterThan(300);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    // Focus stays on the sort button: Enter again reverses.
    expect((await activeInfo(page)).label).toContain(TEXT.nl.value);
    await page.keyboard.press('Enter');
    await expect.poll(() => valueHeader.getAttribute('aria-sort')).toBe('descending');
    expect(query(page).get('sort')).toBe('-value');
    const desc = await values();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    // Suppressed rows stay at the bottom.
    expect(await rows.last().textContent()).toContain(TEXT.nl.suppressedRow.slice(0, -1));
    await context.close();
  });

  it.each([
    ['nl', 'map', ''],
    ['nl', 'table', ''],
    ['en', 'map', ''],
    ['en', 'table', ''],
    ['nl', 'map', '&level=wijk&gemeente=GM0363&benchmark=gemeente'],
    ['en', 'table', '&level=wijk&gemeente=GM0363'],
    ['nl', 'map', '&colour=value&classes=jenks&indicator=single_parent_households'],
  ] as const)('has no axe violations (%s, %s view%s)', async (lang, view, extra) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/${lang}/atlas?view=${view}${extra}`);
    await figureShows(page, `view=${view}`);
    if (view === 'map') {
      // With the tooltip and panel filled in.
      await page.locator(`${AREAS}[tabindex="0"]`).focus();
      await expect.poll(() => page.getByTestId('atlas-tooltip').count()).toBe(1);
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
