// The coordinator's story of issue 5, end to end in the browser, in Dutch and in English:
// the Rotterdam coordinator signs in, sees which partner types her coalition lacks, records a
// chain agreement between the midwives' collaboration and JGZ about prenatal home visits, sets a
// local goal under national goal 4 with the Big2 indicator and a 2026 target, adds VoorZorg from
// the menukaart to the plan with a target reach and funding route, and posts a progress update
// (by keyboard only). Every change is then found in the audit trail under her name. The
// programme team sees the coalition on the national map and can open its workspace but not
// change its working data; Tilburg's coordinator cannot open or change it. Axe on every screen.
//
// Other browser test files share this server and database, so everything made here carries a
// unique text and is looked up by it.

import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiAs, axeViolations, browserAvailable, signInAs, useBrowser } from './support.ts';

const ROTTERDAM_COORDINATOR = 'coordinator.rotterdam@kansrijk.example';

const WORDS = {
  nl: {
    signIn: '/nl/inloggen',
    overview: '/nl/coalities',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    myCoalitions: 'Mijn coalities',
    missing: 'Ontbrekende partnertypen',
    addAgreement: 'Ketenafspraak toevoegen',
    subject: 'Onderwerp',
    actionLine: 'Actielijn',
    startDate: 'Ingangsdatum (niet verplicht)',
    reviewDate: 'Evaluatiedatum (niet verplicht)',
    status: 'Status',
    agreed: 'Vastgesteld',
    save: 'Opslaan',
    addGoal: 'Lokaal doel toevoegen',
    nationalGoal: 'Landelijk doel',
    goalDescription: 'Wat wilt u bereiken?',
    indicator: 'Indicator uit de atlas (niet verplicht)',
    targetValue: 'Streefwaarde (%) (niet verplicht)',
    targetYear: 'Streefjaar (niet verplicht)',
    target: /Doel: 12,0% in 2026/,
    addPlan: 'Onderdeel aan het plan toevoegen',
    intervention: 'Interventie uit de menukaart',
    reach: 'Beoogd bereik (gezinnen of cliënten per jaar) (niet verplicht)',
    funding: 'Financiering',
    reachShown: '60 per jaar',
    addUpdate: 'Voortgangsbericht plaatsen',
    postUpdate: 'Plaatsen',
    saved: /is opgeslagen/,
    huisarts: 'Huisartsen',
    refused: /geen partner/,
    readOnly: /wijzigen kan uw rol hier niet/,
  },
  en: {
    signIn: '/en/sign-in',
    overview: '/en/coalitions',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    myCoalitions: 'My coalitions',
    missing: 'Missing partner types',
    addAgreement: 'Add a chain agreement',
    subject: 'Subject',
    actionLine: 'Action line',
    startDate: 'Start date (optional)',
    reviewDate: 'Review date (optional)',
    status: 'Status',
    agreed: 'Agreed',
    save: 'Save',
    addGoal: 'Add a local goal',
    nationalGoal: 'National goal',
    goalDescription: 'What do you want to achieve?',
    indicator: 'Atlas indicator (optional)',
    targetValue: 'Target value (%) (optional)',
    targetYear: 'Target year (optional)',
    target: /Target: 12\.0% by 2026/,
    addPlan: 'Add an item to the plan',
    intervention: 'Intervention from the menu',
    reach: 'Target reach (families or clients per year) (optional)',
    funding: 'Funding',
    reachShown: '60 per year',
    addUpdate: 'Post a progress update',
    postUpdate: 'Post',
    saved: /has been saved/,
    huisarts: 'General practitioners',
    refused: /not a partner/,
    readOnly: /your role cannot change it/,
  },
} as const;

async function signInThroughScreen(page: Page, baseUrl: string, lang: 'nl' | 'en', email: string) {
  const w = WORDS[lang];
  await page.goto(`${baseUrl}${w.signIn}`);
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password).fill(inject('demoPassword'));
  await page.locator('form').getByRole('button', { name: w.submit }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(w.overview);
}

describe.skipIf(!browserAvailable())('the coordinator’s story', () => {
  const session = useBrowser();

  it.each(['nl', 'en'] as const)('Rotterdam coordinator runs her coalition (%s), and every change is on record', async (lang) => {
    const w = WORDS[lang];
    const unique = `${lang}-${Date.now()}`;
    const { page, context } = await session.newPage();
    await signInThroughScreen(page, session.baseUrl, lang, ROTTERDAM_COORDINATOR);

    // My coalitions: Rotterdam, with the partner types it lacks.
    const mine = page.getByTestId('my-coalitions');
    await expect.poll(() => mine.locator('h2').textContent()).toBe(w.myCoalitions);
    const card = mine.getByTestId('my-coalition').filter({ hasText: 'Rotterdam' });
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toContain(w.huisarts);
    expect(await axeViolations(page)).toEqual([]);
    await card.locator('h3 a').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Coalitie Kansrijke Start Rotterdam');
    const coalitionId = new URL(page.url()).pathname.split('/').pop()!;
    const before = (await apiAs<{ partnerTypes: { missing: { type: string }[] } }>(page, 'GET', `/api/v1/coalitions/${coalitionId}`)).body;

    // Missing partner types, exactly those the API names.
    const missing = page.getByTestId('missing-partner-types');
    expect(await missing.locator('h3').textContent()).toBe(w.missing);
    expect(await missing.locator('li').count()).toBe(before.partnerTypes.missing.length);
    expect(before.partnerTypes.missing.map((m) => m.type)).toContain('huisarts');
    expect(await missing.textContent()).toContain(w.huisarts);
    expect(await axeViolations(page)).toEqual([]);

    // A chain agreement between the midwives' collaboration and JGZ about prenatal home visits.
    const subject = `Prenatale huisbezoeken door JGZ na signaal verloskundige ${unique}`;
    await page.getByRole('button', { name: w.addAgreement }).click();
    const agreementForm = page.getByRole('group', { name: w.addAgreement });
    await agreementForm.getByLabel(w.subject, { exact: true }).fill(subject);
    await agreementForm.getByLabel(/Verloskundig samenwerkingsverband Rotterdam-Zuid/).check();
    await agreementForm.getByLabel(/JGZ Rotterdam-Rijnmond/).check();
    await agreementForm.getByLabel(w.actionLine).selectOption('2');
    await agreementForm.getByLabel(w.startDate).fill('2026-01-01');
    await agreementForm.getByLabel(w.reviewDate).fill('2026-12-31');
    await agreementForm.getByLabel(w.status, { exact: true }).selectOption({ label: w.agreed });
    expect(await axeViolations(page)).toEqual([]);
    await agreementForm.getByRole('button', { name: w.save }).click();
    const agreement = page.getByTestId('agreement').filter({ hasText: subject });
    await expect.poll(() => agreement.count()).toBe(1);
    expect(await agreementForm.count()).toBe(0);
    expect(await agreement.textContent()).toContain('JGZ Rotterdam-Rijnmond');
    expect(await page.getByTestId('ws-announcer').textContent()).toMatch(w.saved);

    // A local goal under national goal 4 with the Big2 indicator and a target for 2026.
    const goalText = `Minder Big2-uitkomsten in Rotterdam-Zuid ${unique}`;
    await page.getByRole('button', { name: w.addGoal }).click();
    const goalForm = page.getByRole('group', { name: w.addGoal });
    await goalForm.getByLabel(w.nationalGoal).selectOption('4');
    await goalForm.getByLabel(w.goalDescription).fill(goalText);
    await goalForm.getByLabel(w.indicator).selectOption('big2');
    await goalForm.getByLabel(w.targetValue).fill(lang === 'nl' ? '12,0' : '12.0');
    await goalForm.getByLabel(w.targetYear).fill('2026');
    await goalForm.getByRole('button', { name: w.save }).click();
    const goal = page.locator('[data-national-goal="4"]').getByTestId('local-goal').filter({ hasText: goalText });
    await expect.poll(() => goal.count()).toBe(1);
    expect(await goalForm.count()).toBe(0);
    expect(await goal.getByTestId('goal-target').textContent()).toMatch(w.target);

    // VoorZorg from the menukaart in the plan, with target reach and funding route.
    const voorzorgRows = page.getByTestId('plan-item').filter({ hasText: 'VoorZorg' }).filter({ hasText: w.reachShown });
    const voorzorgBefore = await voorzorgRows.count();
    await page.getByRole('button', { name: w.addPlan }).click();
    const planForm = page.getByRole('group', { name: w.addPlan });
    await planForm.getByLabel(w.intervention).selectOption('voorzorg');
    await planForm.getByLabel(w.reach).fill('60');
    await planForm.getByLabel(w.funding).selectOption('wpg-jgz');
    await planForm.getByRole('button', { name: w.save }).click();
    await expect.poll(() => voorzorgRows.count()).toBe(voorzorgBefore + 1);
    expect(await planForm.count()).toBe(0);

    // A progress update, by keyboard only: focus the button, Enter (focus moves into the text),
    // type, Tab past the date (today by default) to the submit button, Enter.
    const updateText = `VoorZorg gestart met twee verpleegkundigen ${unique}`;
    await page.getByRole('button', { name: w.addUpdate }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.closest('section')?.id}`)).toBe('TEXTAREA:updates');
    await page.keyboard.type(updateText);
    for (let n = 0; n < 8 && (await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type)) !== 'submit'; n++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(w.postUpdate);
    await page.keyboard.press('Enter');
    const update = page.getByTestId('progress-update').first();
    await expect.poll(() => update.textContent()).toContain(updateText);
    expect(await update.textContent()).toContain('Roos Rotterdam');
    expect(await axeViolations(page)).toEqual([]);

    // Everything the server holds now matches what she did.
    const after = (await apiAs<{ agreements: { id: string; subject: string; actionLine: number; partyIds: string[]; status: string }[]; goals: { id: string; description: string; nationalGoal: number; indicator: { id: string } | null; targetValue: number; targetYear: number }[]; plan: { id: string; intervention: { id: string } | null; targetReach: number; fundingRoute: string }[]; updates: { id: string; text: string }[]; partners: { id: string; type: string }[] }>(page, 'GET', `/api/v1/coalitions/${coalitionId}`)).body;
    const savedAgreement = after.agreements.find((a) => a.subject === subject)!;
    expect(savedAgreement).toMatchObject({ actionLine: 2, status: 'vastgesteld' });
    expect(savedAgreement.partyIds.map((id) => after.partners.find((p) => p.id === id)!.type).sort()).toEqual(['jgz', 'verloskunde']);
    const savedGoal = after.goals.find((g) => g.description === goalText)!;
    expect(savedGoal).toMatchObject({ nationalGoal: 4, indicator: { id: 'big2' }, targetValue: 12, targetYear: 2026 });
    const savedPlan = after.plan.filter((p) => p.intervention?.id === 'voorzorg' && p.targetReach === 60 && p.fundingRoute === 'wpg-jgz');
    expect(savedPlan.length).toBeGreaterThan(0);
    const savedUpdate = after.updates.find((u) => u.text === updateText)!;
    expect(savedUpdate).toBeDefined();
    await context.close();

    // On record: the programme team finds each change in the audit trail under her name.
    const { page: team, context: teamContext } = await session.newPage();
    await signInAs(team, session.baseUrl, 'programma@kansrijk.example');
    const trail = (await apiAs<{ events: { action: string; resource: { type: string; id: string | null }; actor: { email: string } | null; outcome: string }[] }>(team, 'GET', `/api/v1/audit-events?coalition=${coalitionId}&limit=200`)).body.events;
    const changed = (type: string, id: string) => trail.find((e) => e.action === 'create' && e.resource.type === type && e.resource.id === id);
    for (const [type, id] of [['chain-agreement', savedAgreement.id], ['local-goal', savedGoal.id], ['progress-update', savedUpdate.id]] as const) {
      expect(changed(type, id), `${type} in the audit trail`).toMatchObject({ actor: { email: ROTTERDAM_COORDINATOR }, outcome: 'success' });
    }
    expect(savedPlan.some((p) => changed('plan-item', p.id)?.actor?.email === ROTTERDAM_COORDINATOR)).toBe(true);
    // Her reads of the workspace are on record too.
    expect(trail.some((e) => e.action === 'read' && e.resource.type === 'coalition' && e.actor?.email === ROTTERDAM_COORDINATOR)).toBe(true);
    await teamContext.close();
  });

  it.each(['nl', 'en'] as const)('the programme team sees the coalitions on the map and opens Rotterdam read-only for its working data (%s)', async (lang) => {
    const w = WORDS[lang];
    const { page, context } = await session.newPage();
    await signInThroughScreen(page, session.baseUrl, lang, 'programma@kansrijk.example');
    const map = page.getByTestId('coalition-map');
    await expect.poll(() => map.locator('path').count(), { timeout: 15_000 }).toBeGreaterThan(300);
    const row = page.getByTestId('coalition-table').locator('tbody tr', { has: page.locator('th:text-is("Rotterdam")') });
    expect(await row.getAttribute('data-status')).toBe('actief');
    // All coalitions are the programme team's to open.
    const cards = page.getByTestId('my-coalition');
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(5);
    await cards.filter({ hasText: 'Rotterdam' }).locator('h3 a').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Coalitie Kansrijke Start Rotterdam');
    // It monitors, it does not write a coalition's working data: no add buttons there.
    expect(await page.getByRole('button', { name: w.addAgreement }).count()).toBe(0);
    expect(await page.getByRole('button', { name: w.addPlan }).count()).toBe(0);
    expect(await page.getByTestId('missing-partner-types').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // The signed-in bar offers the review of funding applications.
    const nav = page.getByTestId('user-nav');
    expect(await nav.locator('a').allTextContents()).toContain(lang === 'nl' ? 'Impuls' : 'Funding');
    await context.close();
  });

  it.each(['nl', 'en'] as const)('Tilburg’s coordinator cannot open or change Rotterdam’s coalition (%s)', async (lang) => {
    const w = WORDS[lang];
    const { page: rotterdam, context: rotterdamContext } = await session.newPage();
    await signInAs(rotterdam, session.baseUrl, ROTTERDAM_COORDINATOR);
    const [rotterdamCoalition] = (await apiAs<{ id: string; name: string }[]>(rotterdam, 'GET', '/api/v1/coalitions/mine')).body.filter((c) => c.name.includes('Rotterdam'));
    const id = rotterdamCoalition!.id;
    const snapshot = async () => {
      const body = (await apiAs<Record<string, unknown>>(rotterdam, 'GET', `/api/v1/coalitions/${id}`)).body;
      delete body.permissions;
      return JSON.stringify(body);
    };
    const beforeAttack = await snapshot();

    const { page, context } = await session.newPage();
    await signInThroughScreen(page, session.baseUrl, lang, 'coordinator.tilburg@kansrijk.example');
    expect(await page.getByTestId('my-coalition').filter({ hasText: 'Rotterdam' }).count()).toBe(0);
    await page.goto(`${session.baseUrl}/${lang}/${lang === 'nl' ? 'coalities' : 'coalitions'}/${id}`);
    const refused = page.getByTestId('coalition-refused');
    await expect.poll(() => refused.textContent()).toMatch(w.refused);
    expect(await page.getByRole('button', { name: w.addAgreement }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // And straight at the API, with a valid CSRF token of her own session: refused.
    expect((await apiAs(page, 'POST', `/api/v1/coalitions/${id}/updates`, { text: 'Tilburg schrijft mee' })).status).toBe(403);
    expect((await apiAs(page, 'PATCH', `/api/v1/coalitions/${id}`, { status: 'gestopt' })).status).toBe(403);
    expect(await snapshot()).toBe(beforeAttack);
    await context.close();
    await rotterdamContext.close();
  });

  it('a professional reads the Rotterdam agreements and plan without forms, also on a phone', async () => {
    const { page, context } = await session.newPage({ width: 390, height: 844 });
    await signInThroughScreen(page, session.baseUrl, 'nl', 'verloskundige.rotterdam@kansrijk.example');
    await page.getByTestId('my-coalition').filter({ hasText: 'Rotterdam' }).locator('h3 a').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Coalitie Kansrijke Start Rotterdam');
    expect(await page.getByText(WORDS.nl.readOnly).count()).toBe(1);
    expect(await page.locator('.kansrijk-ws-add').count()).toBe(0);
    expect(await page.getByTestId('agreement').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('funding-section').count()).toBe(0);
    // Nothing wider than the phone but the tables, which scroll in their own focusable region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe.skipIf(!browserAvailable())('a coalition is registered and grows into a region', () => {
  const session = useBrowser();
  const password = 'een-lang-testwachtwoord-42';

  /** As the programme team: a gemeente organisation and its coordinator's account. */
  async function coordinatorFor(code: string, name: string, stamp: string) {
    const { page, context } = await session.newPage();
    await signInAs(page, session.baseUrl, 'programma@kansrijk.example');
    const organisation = await apiAs<{ id: string }>(page, 'POST', '/api/v1/organisations', { name: `Gemeente ${name} (test)`, type: 'gemeente', areaCode: code });
    expect(organisation.status).toBe(201);
    const email = `coordinator.${name.toLowerCase()}.${stamp}@test.example`;
    expect((await apiAs(page, 'POST', '/api/v1/users', { email, name: `Coördinator ${name}`, role: 'gemeente', organisationId: organisation.body.id, password })).status).toBe(201);
    await context.close();
    return { email, organisationId: organisation.body.id };
  }

  it('a gemeente registers its coalition, links a neighbour, and the neighbour adds its own gemeente', async () => {
    const stamp = String(Date.now());
    const amersfoort = await coordinatorFor('GM0307', 'Amersfoort', stamp);
    const leusden = await coordinatorFor('GM0327', 'Leusden', stamp);

    // Amersfoort registers a coalition from "my coalitions".
    const { page, context } = await session.newPage();
    await signInAs(page, session.baseUrl, amersfoort.email, password);
    await page.goto(`${session.baseUrl}/nl/coalities`);
    await page.getByRole('button', { name: 'Coalitie registreren' }).click();
    const form = page.getByRole('group', { name: 'Coalitie registreren' });
    expect(await axeViolations(page)).toEqual([]);
    // Without a name the API's field message shows at the name.
    await form.getByRole('button', { name: 'Coalitie registreren' }).click();
    await expect.poll(() => form.locator('[aria-invalid="true"]').getAttribute('name')).toBe('name');
    await form.getByLabel('Naam').fill('Kansrijke Start Regio Amersfoort');
    await form.getByRole('button', { name: 'Coalitie registreren' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kansrijke Start Regio Amersfoort');
    // A new coalition lacks seven of the eight partner types (the gemeente itself is in).
    await expect.poll(() => page.getByTestId('missing-partner-types').locator('li').count()).toBe(7);

    // It links Leusden's gemeente organisation as a partner.
    await page.getByRole('button', { name: 'Partner toevoegen' }).click();
    const partnerForm = page.getByRole('group', { name: 'Partner toevoegen' });
    await partnerForm.getByLabel('Partnertype').selectOption('gemeente');
    await partnerForm.getByLabel('Geregistreerde organisatie').selectOption(leusden.organisationId);
    await partnerForm.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByTestId('partners-table').textContent()).toContain('Gemeente Leusden (test)');
    const coalitionId = new URL(page.url()).pathname.split('/').pop()!;
    // Amersfoort cannot claim Leusden for the coalition itself.
    const claim = await apiAs(page, 'PATCH', `/api/v1/coalitions/${coalitionId}`, { gemeenten: ['GM0307', 'GM0327'] });
    expect(claim.status).toBe(403);
    await context.close();

    // Leusden's coordinator, now a member, adds Leusden from the workspace.
    const { page: neighbour, context: neighbourContext } = await session.newPage();
    await signInAs(neighbour, session.baseUrl, leusden.email, password);
    await neighbour.goto(`${session.baseUrl}/nl/coalities/${coalitionId}`);
    const add = neighbour.getByTestId('add-my-gemeente');
    await expect.poll(() => add.count()).toBe(1);
    expect(await axeViolations(neighbour)).toEqual([]);
    await add.getByRole('button').click();
    await expect.poll(() => neighbour.getByTestId('coalition-facts').textContent()).toContain('Leusden');
    expect(await add.count()).toBe(0);
    const detail = (await apiAs<{ gemeenten: { code: string }[] }>(neighbour, 'GET', `/api/v1/coalitions/${coalitionId}`)).body;
    expect(detail.gemeenten.map((g) => g.code).sort()).toEqual(['GM0307', 'GM0327']);
    await neighbourContext.close();
  });
});
