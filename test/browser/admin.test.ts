// The audit trail, account management and own-account screens in the browser, in Dutch and
// English, axe on every screen. The demo accounts are shared by every browser test file: they
// are only read with here. Passwords, roles, statuses and "sign out everywhere" are tried on
// accounts this file creates itself (unique e-mail addresses per run).

import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, axeViolations, browserAvailable, signInAs, useBrowser } from './support.ts';

interface CreatedAccount {
  id: string;
  email: string;
  name: string;
}

/** POST /api/v1/auth/login from inside a page (opened on the site if it is blank): the status only, no exception on 401. */
async function loginStatus(page: Page, email: string, password: string): Promise<number> {
  if (!page.url().startsWith('http')) await page.goto(`${inject('baseUrl')}/nl`);
  return page.evaluate(
    async ([email, password]) => {
      const { csrfToken } = await fetch('/api/v1/auth/csrf').then((r) => r.json());
      const response = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ email, password }) });
      return response.status;
    },
    [email, password] as const,
  );
}

/** Text without the space an icon leaves at the start. */
const text = async (locator: ReturnType<Page['locator']>) => (await locator.textContent())?.trim();

const sessionStatus = (page: Page) => page.evaluate(() => fetch('/api/v1/auth/session', { cache: 'no-store' }).then((r) => r.status));

/** The text of the error message a field's aria-describedby points to. */
async function fieldError(page: Page, input: ReturnType<Page['locator']>): Promise<string | null> {
  if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
  const id = (await input.getAttribute('aria-describedby'))?.split(' ').find((i) => i.endsWith('-error'));
  return id ? page.locator(`[id="${id}"]`).textContent() : null;
}

describe.skipIf(!browserAvailable())('audit trail, accounts and own account', () => {
  const session = useBrowser();
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const emailFor = (tag: string) => `${tag}.${run}@admin-test.example`;
  let programme: { page: Page; context: BrowserContext };
  let zwolle: string;

  /** An account of our own (gemeente Zwolle), created as the programme team through the API. */
  async function createAccount(tag: string, password: string): Promise<CreatedAccount> {
    const name = `Test ${tag} ${run}`;
    const created = await apiAs<CreatedAccount>(programme.page, 'POST', '/api/v1/users', { email: emailFor(tag), name, role: 'gemeente', organisationId: zwolle, password });
    expect(created.status).toBe(201);
    return { id: created.body.id, email: emailFor(tag), name };
  }

  beforeAll(async () => {
    programme = await session.newPage();
    await signInAs(programme.page, session.baseUrl, 'programma@kansrijk.example');
    const organisations = await apiAs<{ id: string; name: string }[]>(programme.page, 'GET', '/api/v1/organisations');
    zwolle = organisations.body.find((o) => o.name === 'Gemeente Zwolle')!.id;
  });

  let traced: CreatedAccount;

  it('audit trail (nl): the events of a fresh account, paged; a filter in the URL survives a reload; the CSV export matches it; axe clean', async () => {
    const password = `audit-trail-${run}`;
    traced = await createAccount('audit', password);
    // The fresh account signs in and tries what it may not: 1 login, 1 + 55 refusals.
    const other = await session.newPage();
    await signInAs(other.page, session.baseUrl, traced.email, password);
    expect((await apiAs(other.page, 'GET', '/api/v1/audit-events')).status).toBe(403);
    const statuses = await other.page.evaluate(() => Promise.all(Array.from({ length: 55 }, () => fetch('/api/v1/users').then((r) => r.status))));
    expect(new Set(statuses)).toEqual(new Set([403]));
    await other.context.close();

    const { page } = programme;
    await page.goto(`${session.baseUrl}/nl/audittrail?actor=${traced.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Audittrail');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    const column = (attribute: string) => rows.evaluateAll((trs, a) => trs.map((tr) => tr.getAttribute(a)), attribute);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(50);
    expect(new Set(await column('data-actor'))).toEqual(new Set([traced.id]));
    // Reading the trail is recorded, and the page says so.
    expect(await page.getByTestId('audit-recorded').textContent()).toMatch(/vastgelegd in de audittrail/);
    expect(await page.getByTestId('audit-link-filters').textContent()).toContain(`Persoon: ${traced.name}`);
    // Refusals are marked in words, not by colour alone.
    const refused = page.locator('[data-testid="audit-table"] tbody tr[data-outcome="denied"]').first();
    expect(await refused.textContent()).toContain('Geweigerd');
    expect(await refused.textContent()).toContain(traced.name);
    expect(await refused.textContent()).toContain('Gemeente Zwolle');
    expect(await axeViolations(page)).toEqual([]);

    // Older events: the rest of the 57, newest first, then no more.
    await page.getByRole('button', { name: 'Oudere gebeurtenissen laden' }).click();
    await expect.poll(() => rows.count()).toBe(57);
    expect(await page.getByTestId('audit-count').textContent()).toBe('57 gebeurtenissen getoond. Dit zijn alle gebeurtenissen met deze filters.');
    expect(await page.getByTestId('audit-older').count()).toBe(0);
    // Newest first: ids (the order of recording) only go down, across both pages.
    const ids = (await column('data-id')).map(Number);
    expect(ids.every((id, n) => n === 0 || id < ids[n - 1]!)).toBe(true);
    const actions = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-action')} ${tr.getAttribute('data-resource-type')} ${tr.getAttribute('data-outcome')}`));
    expect(actions.at(-1)).toBe('login account success');
    expect(actions).toContain('read audit-event denied');

    // A filter from the form goes into the URL, next to the actor from the link.
    await page.getByLabel('Uitkomst').selectOption('denied');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('outcome')).toBe('denied');
    expect(new URL(page.url()).searchParams.get('actor')).toBe(traced.id);
    expect(new URL(page.url()).pathname).toBe('/nl/audittrail');
    await expect.poll(() => column('data-outcome')).toEqual(Array(50).fill('denied'));

    // The permalink: after a reload the same filters, in the form and in the table.
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(50);
    expect(new Set(await column('data-outcome'))).toEqual(new Set(['denied']));
    expect(new Set(await column('data-actor'))).toEqual(new Set([traced.id]));
    expect(await page.getByLabel('Uitkomst').inputValue()).toBe('denied');

    // The export link carries the same filters and downloads exactly those events.
    const link = page.getByTestId('audit-export');
    const exportUrl = new URL((await link.getAttribute('href'))!, session.baseUrl);
    expect(exportUrl.pathname).toBe('/api/v1/audit-events/export');
    expect(exportUrl.searchParams.get('actor')).toBe(traced.id);
    expect(exportUrl.searchParams.get('outcome')).toBe('denied');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^kansrijk-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0]!.split(',');
    const records = lines.slice(1).map((line) => line.split(','));
    expect(records).toHaveLength(56);
    for (const record of records) {
      expect(record[header.indexOf('actor_user_id')]).toBe(traced.id);
      expect(record[header.indexOf('outcome')]).toBe('denied');
    }
  });

  it('audit trail (en): the same permalink in English, refusals marked, axe clean', async () => {
    const { page } = programme;
    await page.goto(`${session.baseUrl}/en/audit-trail?actor=${traced.id}&outcome=denied&action=read&resourceType=audit-event`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Audit trail');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    const row = await rows.first().textContent();
    expect(row).toContain('Denied');
    expect(row).toContain('Audit trail');
    expect(row).toContain('Municipality (coordinator)');
    expect(await page.getByTestId('audit-count').textContent()).toBe('1 event shown. These are all events with these filters.');
    expect(await page.getByTestId('audit-recorded').textContent()).toMatch(/itself recorded/);
    expect(await page.getByLabel('Action').inputValue()).toBe('read');
    expect(await page.getByLabel('Type of data').inputValue()).toBe('audit-event');
    // The period: whole days in the reader's time zone, "up to and including" the last one.
    const [today, yesterday] = await page.evaluate(() => {
      const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const now = new Date();
      return [day(now), day(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))];
    });
    await page.goto(`${session.baseUrl}/en/audit-trail?actor=${traced.id}&action=login&from=${today}&to=${today}`);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByLabel('From (date)').inputValue()).toBe(today);
    expect(await page.getByLabel('Up to and including (date)').inputValue()).toBe(today);
    await page.goto(`${session.baseUrl}/en/audit-trail?actor=${traced.id}&to=${yesterday}`);
    await expect.poll(() => page.getByTestId('audit-count').textContent(), { timeout: 15_000 }).toBe('There are no events with these filters.');
    expect(await page.getByTestId('audit-table').count()).toBe(0);

    // Clearing the filters replaces the URL.
    await page.getByRole('link', { name: 'Clear all filters' }).click();
    await expect.poll(() => page.url()).toBe(`${session.baseUrl}/en/audit-trail`);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a coordinator is not allowed on the audit trail and accounts pages, and sees their own account (en)', async () => {
    const { page, context } = await session.newPage();
    await signInAs(page, session.baseUrl, 'coordinator.tilburg@kansrijk.example');
    await page.goto(`${session.baseUrl}/nl/audittrail`);
    await expect.poll(() => page.getByTestId('not-allowed').textContent()).toBe('Alleen het programmateam kan de audittrail inzien. Uw account heeft daar geen toegang toe.');
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    expect(await page.getByTestId('audit-export').count()).toBe(0);
    expect(await page.getByTestId('user-nav').getByRole('link', { name: 'Audittrail' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${session.baseUrl}/en/accounts`);
    await expect.poll(() => page.getByTestId('not-allowed').textContent()).toBe('Only the programme team manages accounts. Your account has no access to this.');
    expect(await page.getByTestId('create-account').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${session.baseUrl}/en/my-account`);
    await expect.poll(() => page.getByTestId('my-email').textContent()).toBe('coordinator.tilburg@kansrijk.example');
    expect(await page.locator('h1').textContent()).toBe('My account');
    expect(await page.getByTestId('my-name').textContent()).toBe('Thijs Tilburg (demo)');
    expect(await page.getByTestId('my-role').textContent()).toBe('Municipality (coordinator)');
    expect(await page.getByTestId('my-organisation').textContent()).toContain('Gemeente Tilburg');
    expect(await page.getByTestId('my-method').textContent()).toBe('E-mail address and password');
    const coalitions = page.getByTestId('my-coalitions').locator('a');
    await expect.poll(() => coalitions.count()).toBeGreaterThan(0);
    expect(await coalitions.first().getAttribute('href')).toMatch(/^\/en\/coalitions\/[0-9a-f-]{36}$/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('accounts (nl): create through the form with errors at the field, filter, change role, set a password, disable after confirming; axe clean', async () => {
    const { page } = programme;
    await page.goto(`${session.baseUrl}/nl/accounts`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Accounts');
    const table = page.getByTestId('accounts-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await table.locator('tbody tr[data-email="programma@kansrijk.example"] [data-testid="account-role"]').textContent()).toBe('Programmateam');
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByTestId('create-account');
    const email = form.getByLabel('E-mailadres');
    const created = { email: emailFor('form'), name: `Formulier ${run}`, password: `form-initial-${run}` };
    await email.fill('not-an-email');
    await form.getByLabel('Naam').fill(created.name);
    await form.getByLabel('Organisatie').selectOption(zwolle);
    // A gemeente organisation: only the roles that fit it.
    const roleOptions = await form.getByLabel('Rol', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(roleOptions.sort()).toEqual(['gemeente', 'partner']);
    await form.getByLabel('Rol', { exact: true }).selectOption('gemeente');
    await form.getByLabel('Beginwachtwoord (niet verplicht)').fill(created.password);
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => fieldError(page, email)).toBe('Dit is geen geldig e-mailadres.');
    expect(await form.getByRole('alert').textContent()).toMatch(/E-mailadres/);
    expect(await axeViolations(page)).toEqual([]);

    // An address in use: the API's 409, at the field.
    await email.fill('programma@kansrijk.example');
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => fieldError(page, email)).toBe('Er is al een account met dit e-mailadres.');

    await email.fill(created.email);
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => text(form.getByRole('status'))).toBe(`Het account van ${created.name} (${created.email}) is aangemaakt.`);
    expect(await fieldError(page, email)).toBeNull();
    expect(await email.inputValue()).toBe('');
    const row = table.locator(`tbody tr[data-email="${created.email}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('account-role').textContent()).toBe('Gemeente (coördinator)');
    expect(await row.textContent()).toContain('Gemeente Zwolle');

    // Nothing chosen in a list: the form's own words at that field.
    await email.fill(emailFor('unchosen'));
    await form.getByLabel('Naam').fill('Niet gekozen');
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => fieldError(page, form.getByLabel('Rol', { exact: true }))).toBe('Kies een rol.');
    await email.fill('');
    await form.getByLabel('Naam').fill('');

    // The new account signs in elsewhere.
    const other = await session.newPage();
    expect(await loginStatus(other.page, created.email, created.password)).toBe(200);

    // Filters in the URL.
    await page.goto(`${session.baseUrl}/nl/accounts?organisation=${zwolle}&role=gemeente`);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const roles = await table.locator('[data-testid="account-role"]').allTextContents();
    expect(new Set(roles)).toEqual(new Set(['Gemeente (coördinator)']));
    expect(await page.getByTestId('accounts-filters').getByLabel('Organisatie').inputValue()).toBe(zwolle);
    expect(await page.getByTestId('accounts-filters').getByLabel('Rol').inputValue()).toBe('gemeente');

    // Change the role: its sessions end.
    await row.getByRole('button', { name: /^Beheren/ }).click();
    const manage = page.getByTestId('manage-account');
    await expect.poll(() => manage.locator('h3').textContent()).toBe(`Account van ${created.name}`);
    await manage.getByTestId('manage-role').getByLabel('Rol').selectOption('partner');
    await manage.getByRole('button', { name: 'Rol opslaan' }).click();
    await expect.poll(() => text(manage.getByTestId('manage-role').getByRole('status'))).toBe('De rol is nu: Partnerorganisatie.');
    expect(await sessionStatus(other.page)).toBe(401);

    // Set a new password: the new one signs in.
    const newPassword = `form-reset-${run}`;
    await manage.getByTestId('manage-password').getByLabel('Nieuw wachtwoord').fill(newPassword);
    await manage.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect.poll(() => text(manage.getByTestId('manage-password').getByRole('status'))).toBe('Het nieuwe wachtwoord is ingesteld.');
    expect(await loginStatus(other.page, created.email, newPassword)).toBe(200);
    expect(await axeViolations(page)).toEqual([]);

    // Disable, after the confirmation step: it can no longer sign in.
    await manage.getByRole('button', { name: 'Account blokkeren' }).click();
    const confirm = manage.getByTestId('confirm-status');
    await expect.poll(() => confirm.textContent()).toContain(`Weet u zeker dat u het account van ${created.name} wilt blokkeren?`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await sessionStatus(other.page)).toBe(200);
    await confirm.getByRole('button', { name: 'Ja, blokkeren' }).click();
    await expect.poll(() => text(manage.getByTestId('manage-status').getByRole('status'))).toBe('Het account is geblokkeerd.');
    await expect.poll(() => row.getAttribute('data-status')).toBe('disabled');
    expect(await row.getByTestId('account-status').textContent()).toContain('Geblokkeerd');
    expect(await sessionStatus(other.page)).toBe(401);
    expect(await loginStatus(other.page, created.email, newPassword)).toBe(401);
    await other.context.close();
  });

  it('accounts (en): labels in English, axe clean', async () => {
    const { page } = programme;
    await page.goto(`${session.baseUrl}/en/accounts?role=programma`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Accounts');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const table = page.getByTestId('accounts-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(new Set(await table.locator('[data-testid="account-role"]').allTextContents())).toEqual(new Set(['Programme team']));
    expect(await page.getByRole('heading', { name: 'Create a new account' }).count()).toBe(1);
    expect(await page.getByTestId('create-account').textContent()).toContain('Without a password the account can only sign in through its own organisation’s identity provider');
    // Own account: no role or status changes here.
    await table.locator('tbody tr[data-email="programma@kansrijk.example"]').getByRole('button', { name: /^Manage/ }).click();
    await expect.poll(() => page.getByTestId('manage-account').textContent()).toContain('This is your own account.');
    expect(await page.getByTestId('manage-status').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('organisations (nl): register through the form with the API errors at the code field, the new one in the table and the API, rename it, filter by type in the URL; axe clean', async () => {
    const { page } = programme;
    await page.goto(`${session.baseUrl}/nl/accounts`);
    const section = page.getByTestId('organisations');
    await expect.poll(() => section.locator('h2').textContent()).toBe('Organisaties');
    const table = page.getByTestId('organisations-table');
    const rows = table.locator('tbody tr[data-testid="organisation-row"]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(5);
    const rotterdam = rows.filter({ has: page.locator('th', { hasText: /^Gemeente Rotterdam$/ }) });
    expect(await rotterdam.getByTestId('organisation-type').textContent()).toBe('Gemeente');
    expect(await rotterdam.getByTestId('organisation-area').textContent()).toBe('RotterdamGM0599');
    // The number of accounts, from the (unfiltered) accounts list.
    expect(await rotterdam.getByTestId('organisation-accounts').textContent()).toMatch(/^\d+ accounts? van Gemeente Rotterdam$/);
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByTestId('create-organisation');
    const name = form.getByLabel('Naam van de organisatie');
    const code = form.getByLabel('Gemeentecode');
    const register = form.getByRole('button', { name: 'Organisatie registreren' });
    // A gemeente without its code: the API's 400, at the code field, and named in the alert.
    const veenendaal = `Gemeente Veenendaal ${run}`;
    await name.fill(veenendaal);
    await form.getByLabel('Soort organisatie').selectOption('gemeente');
    await register.click();
    await expect.poll(() => fieldError(page, code)).toBe('Een gemeente heeft een gemeentecode nodig: GM gevolgd door vier cijfers, zoals GM0599.');
    expect(await form.getByRole('alert').textContent()).toContain('Gemeentecode');
    expect(await axeViolations(page)).toEqual([]);
    // Not a code at all.
    await code.fill('Veenendaal');
    await register.click();
    await expect.poll(() => fieldError(page, code)).toBe('Dit is geen geldige code. Gebruik GM gevolgd door vier cijfers, zoals GM0599.');
    // A gemeente that already has an organisation: the API's 409, at the code field, naming it.
    await code.fill('gm0599');
    await register.click();
    await expect.poll(() => fieldError(page, code)).toBe('Gemeente GM0599 heeft al een organisatie: Gemeente Rotterdam.');
    // A free gemeente (lower case is fine): registered, with the gemeente's name from its code.
    await code.fill('gm0345');
    await register.click();
    await expect.poll(() => text(form.getByRole('status'))).toBe(`${veenendaal} is geregistreerd. U kunt nu accounts voor deze organisatie aanmaken.`);
    expect(await fieldError(page, code)).toBeNull();
    const veenendaalRow = rows.filter({ has: page.locator('th', { hasText: veenendaal }) });
    await expect.poll(() => veenendaalRow.count()).toBe(1);
    expect(await veenendaalRow.getByTestId('organisation-area').textContent()).toBe('VeenendaalGM0345');

    // A JGZ organisation with an identity provider (a wrong id first).
    const jgz = `JGZ Formulier ${run}`;
    await name.fill(jgz);
    await form.getByLabel('Soort organisatie').selectOption('jgz');
    expect(await code.getAttribute('required')).toBeNull();
    const provider = form.getByLabel('Identiteitsprovider (id, niet verplicht)');
    await provider.fill('Niet Geldig');
    await register.click();
    await expect.poll(() => fieldError(page, provider)).toBe('Gebruik alleen kleine letters, cijfers en streepjes (hoogstens 40 tekens).');
    await provider.fill('jgz-test-sso');
    await register.click();
    await expect.poll(() => text(form.getByRole('status'))).toBe(`${jgz} is geregistreerd. U kunt nu accounts voor deze organisatie aanmaken.`);
    expect(await name.inputValue()).toBe('');
    const row = rows.filter({ has: page.locator('th', { hasText: jgz }) });
    await expect.poll(() => row.count()).toBe(1);
    const id = (await row.getAttribute('data-id'))!;
    expect(await row.getByTestId('organisation-type').textContent()).toBe('Jeugdgezondheidszorg (JGZ)');
    expect(await row.getByTestId('organisation-area').textContent()).toBe('—');
    expect(await row.getByTestId('organisation-oidc').textContent()).toContain('jgz-test-sso');
    expect(await row.getByTestId('organisation-accounts').textContent()).toBe(`geen accounts van ${jgz}`);
    const listed = await apiAs<{ id: string; name: string; type: string; area: unknown; oidcProvider: string | null }[]>(page, 'GET', '/api/v1/organisations?type=jgz');
    expect(listed.body.find((o) => o.id === id)).toEqual({ id, name: jgz, type: 'jgz', area: null, oidcProvider: 'jgz-test-sso' });
    // Accounts can be created for it right away: it is in the account form's list.
    expect(await page.getByTestId('create-account').getByLabel('Organisatie').locator(`option[value="${id}"]`).count()).toBe(1);

    // Change it: a new name and a gemeente it works in.
    await row.getByRole('button', { name: /^Beheren/ }).click();
    const manage = page.getByTestId('manage-organisation');
    await expect.poll(() => manage.locator('h4').textContent()).toBe(`${jgz} wijzigen`);
    expect(await manage.textContent()).toContain('Soort organisatie: Jeugdgezondheidszorg (JGZ). Het soort kan niet worden gewijzigd.');
    const renamed = `JGZ Hernoemd ${run}`;
    await manage.getByLabel('Naam van de organisatie').fill(renamed);
    await manage.getByLabel('Gemeentecode').fill('GM0353');
    await manage.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => text(manage.getByRole('status'))).toBe('De wijzigingen zijn opgeslagen.');
    const changedRow = table.locator(`tbody tr[data-id="${id}"]`);
    await expect.poll(() => changedRow.getByTestId('organisation-name').textContent()).toBe(renamed);
    expect(await changedRow.getByTestId('organisation-area').textContent()).toBe('IJsselsteinGM0353');
    const after = await apiAs<{ id: string; name: string; area: { code: string; name: string } | null }[]>(page, 'GET', '/api/v1/organisations?type=jgz');
    expect(after.body.find((o) => o.id === id)).toMatchObject({ name: renamed, area: { code: 'GM0353', name: 'IJsselstein' } });
    // Saving again changes nothing, and says so.
    await manage.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => text(manage.getByRole('status'))).toBe('Er is niets gewijzigd.');
    expect(await axeViolations(page)).toEqual([]);
    await changedRow.getByRole('button', { name: /^Sluiten/ }).click();

    // The type filter goes into the URL and survives a reload.
    const filters = page.getByTestId('organisations-filters');
    await filters.getByLabel('Soort organisatie').selectOption('jgz');
    await filters.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('organisationType')).toBe('jgz');
    await expect.poll(() => rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-type')))])).toEqual(['jgz']);
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type'))))).toEqual(new Set(['jgz']));
    expect(await changedRow.count()).toBe(1);
    expect(await filters.getByLabel('Soort organisatie').inputValue()).toBe('jgz');
    expect(await table.locator('caption').textContent()).toMatch(/^Organisaties van het soort Jeugdgezondheidszorg \(JGZ\) \(\d+\)$/);
    expect(await axeViolations(page)).toEqual([]);

    // Its accounts: the accounts list filtered on it, the type filter kept.
    await changedRow.getByTestId('organisation-accounts').getByRole('link').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('organisation')).toBe(id);
    expect(new URL(page.url()).searchParams.get('organisationType')).toBe('jgz');
    await expect.poll(() => page.getByText('Er zijn geen accounts met deze filters.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('accounts-list-heading');
    // The accounts list is filtered now: the counts are not known, the link still is.
    expect(await changedRow.getByTestId('organisation-accounts').textContent()).toBe(`accounts tonen van ${renamed}`);

    // Clearing the type filter keeps the accounts filter.
    await filters.getByRole('link', { name: 'Filter wissen' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('organisationType')).toBeNull();
    expect(new URL(page.url()).searchParams.get('organisation')).toBe(id);
    await expect.poll(() => rows.evaluateAll((trs) => new Set(trs.map((tr) => tr.getAttribute('data-type'))).size)).toBeGreaterThan(1);
  });

  it('organisations (en): labels and messages in English, filtered by type from the URL; axe clean', async () => {
    const { page } = programme;
    await page.goto(`${session.baseUrl}/en/accounts?organisationType=gemeente`);
    const section = page.getByTestId('organisations');
    await expect.poll(() => section.locator('h2').textContent()).toBe('Organisations');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const table = page.getByTestId('organisations-table');
    const rows = table.locator('tbody tr[data-testid="organisation-row"]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(4);
    expect(new Set(await rows.getByTestId('organisation-type').allTextContents())).toEqual(new Set(['Municipality']));
    expect(await table.locator('caption').textContent()).toMatch(/^Organisations of the type Municipality \(\d+\)$/);
    expect(await page.getByTestId('organisations-filters').getByLabel('Type of organisation').inputValue()).toBe('gemeente');

    const form = page.getByTestId('create-organisation');
    expect(await form.textContent()).toContain('Accounts of this organisation can then sign in through that identity provider');
    await form.getByLabel('Name of the organisation').fill(`Rotterdam again ${run}`);
    await form.getByLabel('Type of organisation').selectOption('gemeente');
    const code = form.getByLabel('Municipality code');
    expect(await form.textContent()).toContain('GM followed by four digits, such as GM0599 for Rotterdam');
    await code.fill('GM0599');
    await form.getByRole('button', { name: 'Register organisation' }).click();
    await expect.poll(() => fieldError(page, code)).toBe('Municipality GM0599 already has an organisation: Gemeente Rotterdam.');
    expect(await form.getByRole('alert').textContent()).toContain('Municipality code');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('my account (nl): wrong current password at its field, the repeat checked in the browser, the new password signs in and the old does not; sign out everywhere ends another session', async () => {
    const first = `mine-first-${run}`;
    const second = `mine-second-${run}`;
    const me = await createAccount('mine', first);
    const here = await session.newPage();
    const elsewhere = await session.newPage();
    await signInAs(here.page, session.baseUrl, me.email, first);
    await signInAs(elsewhere.page, session.baseUrl, me.email, first);
    const refused: string[] = [];
    here.page.on('response', (r) => {
      if (r.status() === 403) refused.push(r.url());
    });
    let passwordRequests = 0;
    here.page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/auth/password') passwordRequests++;
    });

    const { page } = here;
    await page.goto(`${session.baseUrl}/nl/mijn-account`);
    await expect.poll(() => page.getByTestId('my-email').textContent()).toBe(me.email);
    expect(await page.locator('h1').textContent()).toBe('Mijn account');
    expect(await page.getByTestId('my-name').textContent()).toBe(me.name);
    expect(await page.getByTestId('my-role').textContent()).toBe('Gemeente (coördinator)');
    expect(await page.getByTestId('my-organisation').textContent()).toContain('Gemeente Zwolle');
    expect(await page.getByTestId('my-method').textContent()).toBe('E-mailadres en wachtwoord');
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByTestId('change-password');
    const current = form.getByLabel('Huidig wachtwoord');
    const repeat = form.getByLabel('Herhaal het nieuwe wachtwoord');
    const submit = form.getByRole('button', { name: 'Wachtwoord wijzigen' });
    // The repeat differs: said at that field, nothing sent.
    await current.fill(first);
    await form.getByLabel('Nieuw wachtwoord', { exact: true }).fill(second);
    await repeat.fill(`${second}x`);
    await submit.click();
    await expect.poll(() => fieldError(page, repeat)).toBe('Dit is niet hetzelfde als het nieuwe wachtwoord.');
    expect(passwordRequests).toBe(0);

    // A wrong current password: the API's 400, at that field.
    await current.fill('not-my-password-at-all');
    await repeat.fill(second);
    await submit.click();
    await expect.poll(() => fieldError(page, current)).toBe('Dit wachtwoord klopt niet.');
    expect(await fieldError(page, repeat)).toBeNull();
    expect(passwordRequests).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await current.fill(first);
    await submit.click();
    await expect.poll(() => text(form.getByRole('status'))).toBe('Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.');
    expect(await current.inputValue()).toBe('');
    expect(await sessionStatus(page)).toBe(200);
    // Other sessions ended; the old password no longer signs in, the new one does.
    expect(await sessionStatus(elsewhere.page)).toBe(401);
    expect(await loginStatus(elsewhere.page, me.email, first)).toBe(401);
    expect(await loginStatus(elsewhere.page, me.email, second)).toBe(200);
    expect(await sessionStatus(elsewhere.page)).toBe(200);

    // Sign out everywhere, from this page with the renewed session's CSRF token.
    await page.getByTestId('everywhere').click();
    const confirm = page.getByTestId('confirm-everywhere');
    await expect.poll(() => confirm.textContent()).toContain('Weet u het zeker?');
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Ja, overal uitloggen' }).click();
    await expect.poll(() => text(page.getByTestId('signed-out-everywhere'))).toBe('U bent overal uitgelogd.');
    expect(await sessionStatus(elsewhere.page)).toBe(401);
    expect(await sessionStatus(page)).toBe(401);
    expect(await page.getByTestId('user-nav').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Naar de inlogpagina' }).getAttribute('href')).toBe('/nl/inloggen');
    // The token followed the renewed session: no request was refused on the way.
    expect(refused).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await here.context.close();
    await elsewhere.context.close();
  });

  it.each([
    ['en', '/en/my-account', 'My account', 'Sign in to see your account.', 'Go to the sign-in page', '/en/sign-in'],
    ['nl', '/nl/audittrail', 'Audittrail', 'U bent niet (meer) ingelogd.', 'Naar de inlogpagina', '/nl/inloggen'],
  ])('signed out (%s %s): a message with the way to the sign-in page, axe clean', async (lang, path, title, text, linkText, signInPath) => {
    const { page, context } = await session.newPage();
    await page.goto(`${session.baseUrl}${path}`);
    await expect.poll(() => page.getByTestId('signed-out').textContent()).toContain(text);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.getByTestId('signed-out').getByRole('link', { name: linkText }).getAttribute('href')).toBe(signInPath);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
