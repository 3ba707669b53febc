// The impuls in the browser: the programme team's review page (totals against the budget, the
// applications, filter in the URL) in both languages, approving and rejecting through the
// screen, and the page for those who may not see it. axe on every screen.
//
// The server and database are shared with the other browser test files: every test applies for
// its own funding (as Tilburg's coordinator, with a unique purpose), finds its rows by that text,
// and checks totals relative to what it read before, never exact totals.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, axeViolations, browserAvailable, signInAs, useBrowser } from './support.ts';

const PROGRAMME = 'programma@kansrijk.example';
const TILBURG_COORDINATOR = 'coordinator.tilburg@kansrijk.example';
const ROTTERDAM_COORDINATOR = 'coordinator.rotterdam@kansrijk.example';

const WORDS = {
  nl: {
    path: '/nl/impuls',
    title: 'Impuls voor lokale coalities',
    coalitionPath: '/nl/coalities/',
    submitted: 'Ingediend',
    approved: 'Goedgekeurd',
    rejected: 'Afgewezen',
    decide: 'Besluit nemen',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    grantedAmount: 'Toe te kennen bedrag (euro)',
    saveApprove: 'Aanvraag goedkeuren',
    saveReject: 'Aanvraag afwijzen',
    reasonReject: 'Reden van de afwijzing',
    reasonError: 'Geef de reden van de afwijzing.',
    approvedNotice: /is goedgekeurd/,
    rejectedNotice: /is afgewezen/,
    forbidden: 'Geen toegang tot dit overzicht',
    signedOut: 'Log in om de aanvragen te zien',
    signInLink: 'Naar inloggen',
    signInPath: '/nl/inloggen',
    statusFilter: 'Status',
    showApplications: 'Toon aanvragen',
    tables: 'Toon de cijfers als tabel',
  },
  en: {
    path: '/en/funding',
    title: 'Funding (impuls) for local coalitions',
    coalitionPath: '/en/coalitions/',
    submitted: 'Submitted',
    approved: 'Approved',
    rejected: 'Rejected',
    decide: 'Decide',
    approve: 'Approve',
    reject: 'Reject',
    grantedAmount: 'Amount to grant (euros)',
    saveApprove: 'Approve the application',
    saveReject: 'Reject the application',
    reasonReject: 'Reason for rejecting',
    reasonError: 'Give the reason for rejecting.',
    approvedNotice: /has been approved/,
    rejectedNotice: /has been rejected/,
    forbidden: 'No access to this overview',
    signedOut: 'Sign in to see the applications',
    signInLink: 'Go to sign in',
    signInPath: '/en/sign-in',
    statusFilter: 'Status',
    showApplications: 'Show applications',
    tables: 'Show the figures as a table',
  },
} as const;

type Lang = keyof typeof WORDS;
type Summary = { totals: { budget: number; granted: number; remaining: number; pending: number } };

describe.skipIf(!browserAvailable())('funding (impuls)', () => {
  const session = useBrowser();
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  let serial = 0;

  /** Apply for funding as Tilburg's coordinator, in a context of its own; the purpose is unique to this test run. */
  async function applyAsCoordinator(amount: number, label: string) {
    const { page, context } = await session.newPage();
    await signInAs(page, session.baseUrl, TILBURG_COORDINATOR);
    const mine = (await apiAs<{ id: string; name: string; status: string }[]>(page, 'GET', '/api/v1/coalitions/mine')).body;
    const coalition = mine.find((c) => c.name.includes('Tilburg') && c.status !== 'gestopt');
    expect(coalition, 'the Tilburg coalition').toBeTruthy();
    const purpose = `Browsertest impuls ${label} ${run}-${++serial}`;
    const created = await apiAs<{ id: string; status: string }>(page, 'POST', `/api/v1/coalitions/${coalition!.id}/funding-applications`, {
      amount,
      periodStart: '2020-03-01',
      periodEnd: '2021-02-28',
      purpose,
      planItemIds: [],
    });
    expect(created.status).toBe(201);
    await context.close();
    return { id: created.body.id, coalitionId: coalition!.id, coalitionName: coalition!.name, purpose };
  }

  async function programmePage(lang: Lang, query = '') {
    const { page, context } = await session.newPage();
    await signInAs(page, session.baseUrl, PROGRAMME);
    await page.goto(`${session.baseUrl}${WORDS[lang].path}${query}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(WORDS[lang].title);
    await page.getByTestId('funding-totals').waitFor();
    return { page, context };
  }

  const row = (page: Page, purpose: string) => page.getByTestId('funding-application').filter({ hasText: purpose });
  const total = async (page: Page, key: 'budget' | 'granted' | 'pending' | 'remaining') => Number(await page.getByTestId(`funding-total-${key}`).getAttribute('data-value'));

  it.each([
    ['nl', /€\s?12\.345,67/, /€\s?43\.500\.000/],
    ['en', /€12,345\.67/, /€43,500,000/],
  ] as const)('review page (%s) shows the totals against the budget and the applications, axe clean', async (lang, amountText, budgetText) => {
    const w = WORDS[lang];
    const mine = await applyAsCoordinator(12345.67, 'overzicht');
    const { page, context } = await programmePage(lang);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    // Totals: the two budget lines together (€41M + €2.5M), as text and as the value.
    expect(await total(page, 'budget')).toBe(43_500_000);
    expect(await page.getByTestId('funding-total-budget').textContent()).toMatch(budgetText);
    const summary = (await apiAs<Summary>(page, 'GET', '/api/v1/funding/summary')).body;
    expect(await total(page, 'remaining')).toBe(summary.totals.remaining);
    expect(await total(page, 'pending')).toBeGreaterThanOrEqual(12345.67);
    // The bars: the lines (both together, then each line) and the years, with the numbers as text.
    const lines = page.getByTestId('funding-lines-chart');
    expect(await lines.locator('li').count()).toBe(3);
    expect(await lines.textContent()).toMatch(budgetText);
    const years = page.getByTestId('funding-years-chart');
    expect(await years.locator('li[data-key="2020"]').textContent()).toMatch(/2020/);
    expect(await years.locator('.kansrijk-funding-bar').first().getAttribute('aria-hidden')).toBe('true');
    // The same as tables.
    await page.getByText(w.tables).click();
    expect(await page.getByTestId('funding-lines-table').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('funding-years-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    // Our application: coalition (a link to its workspace), amount, status, purpose.
    const ours = row(page, mine.purpose);
    expect(await ours.count()).toBe(1);
    expect(await ours.getAttribute('data-status')).toBe('ingediend');
    expect(await ours.getByTestId('funding-status').textContent()).toBe(w.submitted);
    expect(await ours.getByTestId('funding-amount').textContent()).toMatch(amountText);
    expect(await ours.locator('h3 a').getAttribute('href')).toBe(`${w.coalitionPath}${mine.coalitionId}`);
    expect(await ours.locator('h3 a').textContent()).toBe(mine.coalitionName);
    expect(await axeViolations(page)).toEqual([]);
    // The decision form, opened: focus on its first choice, still axe clean.
    await ours.getByRole('button', { name: w.decide }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    expect(await ours.getByRole('button', { name: w.decide }).getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // The filter is in the URL: a permalink with ?status=ingediend lists only submitted applications.
    await page.getByLabel(w.statusFilter, { exact: true }).selectOption('ingediend');
    await page.getByRole('button', { name: w.showApplications }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=ingediend');
    await expect.poll(() => row(page, mine.purpose).count()).toBe(1);
    const statuses = await page.getByTestId('funding-application').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['ingediend']));
    await page.goto(`${session.baseUrl}${w.path}?status=goedgekeurd`);
    await page.getByTestId('funding-totals').waitFor();
    await expect.poll(() => page.getByTestId('funding-application').first().getAttribute('data-status')).toBe('goedgekeurd');
    expect(await row(page, mine.purpose).count()).toBe(0);
    expect(await page.getByLabel(w.statusFilter, { exact: true }).inputValue()).toBe('goedgekeurd');
    await context.close();
  });

  it.each([
    ['nl', 2500, null, /€\s?2\.500/],
    ['en', 4000, '1,500.50', /€1,500\.50/],
  ] as const)('approving through the screen (%s) changes the status and raises the granted total by the amount', async (lang, amount, typed, grantedText) => {
    const w = WORDS[lang];
    const mine = await applyAsCoordinator(amount, 'goedkeuren');
    const granted = typed ? 1500.5 : amount;
    const { page, context } = await programmePage(lang, '?status=ingediend');
    const before = await total(page, 'granted');
    const ours = row(page, mine.purpose);
    await ours.getByRole('button', { name: w.decide }).click();
    const amountField = ours.getByLabel(w.grantedAmount);
    // The default is the amount applied for.
    expect(await amountField.inputValue()).toBe(String(amount));
    if (typed) await amountField.fill(typed);
    await ours.getByRole('button', { name: w.saveApprove }).click();
    // The result is announced (and focused); the list is read again, so the approved one leaves this filtered list.
    const notice = page.getByTestId('funding-notice');
    await expect.poll(() => notice.textContent()).toMatch(w.approvedNotice);
    expect(await notice.textContent()).toMatch(grantedText);
    expect(await notice.getAttribute('role')).toBe('status');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('funding-notice');
    await expect.poll(() => total(page, 'granted')).toBeCloseTo(before + granted, 2);
    await expect.poll(() => row(page, mine.purpose).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // In the full list: approved, with the decision and the amount granted.
    await page.goto(`${session.baseUrl}${w.path}`);
    await page.getByTestId('funding-totals').waitFor();
    await expect.poll(() => row(page, mine.purpose).getAttribute('data-status')).toBe('goedgekeurd');
    expect(await row(page, mine.purpose).getByTestId('funding-status').textContent()).toBe(w.approved);
    expect(await row(page, mine.purpose).getByTestId('funding-granted').textContent()).toMatch(grantedText);
    expect(await row(page, mine.purpose).getByTestId('funding-decision').textContent()).toContain('Pim de Programmeur');
    expect(await row(page, mine.purpose).getByRole('button', { name: w.decide }).count()).toBe(0);
    await context.close();
  });

  it.each(['nl', 'en'] as const)('rejecting (%s) needs a reason: without one the error is at the reason field, with one it is rejected and shown', async (lang) => {
    const w = WORDS[lang];
    const mine = await applyAsCoordinator(3100, 'afwijzen');
    const { page, context } = await programmePage(lang);
    const before = await total(page, 'granted');
    const ours = row(page, mine.purpose);
    await ours.getByRole('button', { name: w.decide }).click();
    await ours.getByLabel(w.reject, { exact: true }).check();
    // Rejecting leaves only the reason: no amount, year or line.
    expect(await ours.getByLabel(w.grantedAmount).count()).toBe(0);
    await ours.getByRole('button', { name: w.saveReject }).click();
    const reason = ours.getByLabel(w.reasonReject);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's own: named by aria-describedby, inside the same form field.
    const describedBy = (await reason.getAttribute('aria-describedby'))!.split(' ');
    const errorId = describedBy.find((id) => id.endsWith('-error'))!;
    const error = page.locator(`[id="${errorId}"]`);
    expect(await error.textContent()).toBe(w.reasonError);
    const reasonId = (await reason.getAttribute('id'))!;
    expect(await error.evaluate((e, id) => e.closest('.utrecht-form-field')?.contains(document.getElementById(id)), reasonId)).toBe(true);
    expect(await ours.getByRole('alert').count()).toBe(1);
    expect(await ours.getAttribute('data-status')).toBe('ingediend');
    expect(await axeViolations(page)).toEqual([]);
    // With a reason it is rejected, and the reason is shown with the decision.
    const why = `Past niet binnen de regeling (${mine.purpose})`;
    await reason.fill(why);
    await ours.getByRole('button', { name: w.saveReject }).click();
    await expect.poll(() => page.getByTestId('funding-notice').textContent()).toMatch(w.rejectedNotice);
    await expect.poll(() => row(page, mine.purpose).getAttribute('data-status')).toBe('afgewezen');
    expect(await row(page, mine.purpose).getByTestId('funding-status').textContent()).toBe(w.rejected);
    expect(await row(page, mine.purpose).getByTestId('funding-reason').textContent()).toBe(why);
    expect(await total(page, 'granted')).toBeCloseTo(before, 2);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(['nl', 'en'] as const)('a coordinator opening the review (%s) is told it is not allowed, and sees no data', async (lang) => {
    const w = WORDS[lang];
    const { page, context } = await session.newPage();
    await signInAs(page, session.baseUrl, ROTTERDAM_COORDINATOR);
    await page.goto(`${session.baseUrl}${w.path}`);
    const forbidden = page.getByTestId('funding-forbidden');
    await expect.poll(() => forbidden.locator('h2').textContent()).toBe(w.forbidden);
    expect(await page.locator('h1').textContent()).toBe(w.title);
    expect(await page.getByTestId('funding-totals').count()).toBe(0);
    expect(await page.getByTestId('funding-application').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(['nl', 'en'] as const)('signed out, the review (%s) asks to sign in, with a link to the sign-in page', async (lang) => {
    const w = WORDS[lang];
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${w.path}`);
    const signedOut = page.getByTestId('funding-signed-out');
    await expect.poll(() => signedOut.locator('h2').textContent()).toBe(w.signedOut);
    expect(await signedOut.getByRole('link', { name: w.signInLink }).getAttribute('href')).toBe(w.signInPath);
    expect(await page.getByTestId('funding-totals').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
