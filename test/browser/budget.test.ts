// The size budget of the first view: the JavaScript the atlas page loads, gzipped, stays
// within 300 kB. (Speed itself is measured, not tested: the time to a usable map is printed.)

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowser } from './support.ts';

describe.skipIf(!browserAvailable())('first-view budget', () => {
  const session = useBrowser();

  it('loads at most 300 kB of gzipped JavaScript for the atlas page', async () => {
    const { page, context } = await session.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((b) => gzipSync(b, { level: 9 }).length));
    });
    const started = Date.now();
    await page.goto(`${session.baseUrl}/nl/atlas`);
    await page.locator('.atlas-map__areas path').nth(341).waitFor();
    const usableMs = Date.now() - started;
    const sizes = await Promise.all(scripts);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`atlas first view: ${sizes.length} scripts, ${(total / 1024).toFixed(1)} kB gzipped; map usable after ${usableMs} ms`);
    expect(sizes.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(300 * 1024);
    await context.close();
  });
});
