// Downloads hold exactly what the screen shows: the same rows, the same rounded values, with
// units and the synthetic label — checked by downloading through the page's own links.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowser } from './support.ts';

/** Data rows of a Kansrijk CSV: metadata lines start with '#'; the first other line is the header. */
function parseCsv(text: string, separator: string): { meta: string; rows: Record<string, string>[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const meta = lines.filter((l) => l.startsWith('#')).join('\n');
  const [header, ...data] = lines.filter((l) => !l.startsWith('#'));
  const split = (line: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === separator) cells.push(cell), (cell = '');
      else cell += ch;
    }
    cells.push(cell);
    return cells;
  };
  const names = split(header!);
  return { meta, rows: data.map((l) => Object.fromEntries(split(l).map((c, k) => [names[k]!, c]))) };
}

async function download(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

describe.skipIf(!browserAvailable())('downloads of the current view', () => {
  const session = useBrowser();

  it('atlas table (nl): the CSV has the rows and values of the table, with unit and synthetic label', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/nl/atlas?indicator=big2&period=2023&level=gemeente&view=table`);
    const rows = page.locator('[data-testid="atlas-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(342);
    const screen = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ area: tr.getAttribute('data-area')!, value: tr.querySelector('td')!.textContent!.trim() })),
    );
    const csv = parseCsv(await download(page, '[data-download="csv"]'), ';');
    expect(csv.meta).toContain('Synthetische demonstratiedata');
    expect(Object.keys(csv.rows[0]!)).toContain('Waarde (%)');
    expect(csv.rows.map((r) => r.Gebiedscode).sort()).toEqual(screen.map((r) => r.area).sort());
    const byArea = new Map(csv.rows.map((r) => [r.Gebiedscode, r]));
    for (const row of screen) {
      const value = byArea.get(row.area)!['Waarde (%)'];
      if (row.value.startsWith('onderdrukt')) expect(value).toBe('');
      else expect(`${value}%`).toBe(row.value);
    }
    await context.close();
  });

  it('area profile (en): the CSV has the 14 indicators with the values of the page', async () => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}/en/area/GM0599?period=2022`);
    const rows = page.locator('.kansrijk-profile-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(14);
    const screen = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ id: tr.getAttribute('data-indicator')!, value: tr.querySelector('.kansrijk-value')!.textContent!.trim() })),
    );
    const csv = parseCsv(await download(page, '[data-download="csv"]'), ',');
    expect(csv.meta).toContain('Synthetic demonstration data');
    expect(csv.rows).toHaveLength(14);
    for (const row of screen) {
      const line = csv.rows.find((r) => r['Indicator id'] === row.id)!;
      const unit = line.Unit === '%' ? '%' : ` ${line.Unit}`;
      expect(`${line.Value}${unit}`, row.id).toBe(row.value);
    }
    await context.close();
  });
});
