// The coalition workspace through the API on both engines: validation with field names,
// partners and membership, the plan and the menukaart, coalitions and coverage, the national
// overview, and funding from application to decision to the totals against the budget.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { Client } from '../auth/client.ts';
import { ACTORS, DEMO_PASSWORD, demoIds, idOf, signInAll, type ActorKind } from './fixtures.ts';

describe.each(TEST_ENGINES)('coalition workspace on $name', (engine) => {
  let p: TestPlatform;
  let c: Record<ActorKind, Client>;
  let R: string;
  let T: string;

  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, accounts: { password: DEMO_PASSWORD }, config: { rateLimits: { authPerMinute: 100_000, writePerMinute: 100_000 } } });
    c = await signInAll(p);
    const ids = await demoIds(p.db);
    R = ids.rotterdam;
    T = ids.tilburg;
  });
  afterAll(async () => p?.close());

  it('answers bad input with 400 and the field name, every field listed', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', `/api/v1/coalitions/${R}/plan-items`, { interventionId: 'bestaat-niet' }, 'interventionId'],
      ['POST', `/api/v1/coalitions/${R}/plan-items`, { description: 'zonder titel of interventie' }, 'title'],
      ['POST', `/api/v1/coalitions/${R}/plan-items`, { title: 'x', fundingRoute: 'lottery' }, 'fundingRoute'],
      ['POST', `/api/v1/coalitions/${R}/plan-items`, { title: 'x', targetReach: -1 }, 'targetReach'],
      ['POST', `/api/v1/coalitions/${R}/goals`, { nationalGoal: 7, description: 'x' }, 'nationalGoal'],
      ['POST', `/api/v1/coalitions/${R}/goals`, { nationalGoal: 4, description: 'x', indicatorId: 'nope' }, 'indicatorId'],
      ['POST', `/api/v1/coalitions/${R}/goals`, { nationalGoal: 4, description: 'x', indicatorId: 'big2', targetValue: 12 }, 'targetYear'],
      ['POST', `/api/v1/coalitions/${R}/agreements`, { subject: 'x', actionLine: 2, partyIds: ['00000000-0000-4000-8000-000000000001'], status: 'concept' }, 'partyIds'],
      ['POST', `/api/v1/coalitions/${R}/agreements`, { subject: 'x', actionLine: 4, partyIds: [], status: 'concept' }, 'actionLine'],
      ['POST', `/api/v1/coalitions/${R}/updates`, { text: '' }, 'text'],
      ['POST', `/api/v1/coalitions/${R}/updates`, { text: 'x', date: '2999-01-01' }, 'date'],
      ['POST', `/api/v1/coalitions/${R}/funding-applications`, { amount: 10.001, periodStart: '2021-01-01', periodEnd: '2021-12-31', purpose: 'x' }, 'amount'],
      ['POST', `/api/v1/coalitions/${R}/funding-applications`, { amount: 10, periodStart: '2021-01-01', periodEnd: '2020-12-31', purpose: 'x' }, 'periodEnd'],
      ['PATCH', `/api/v1/coalitions/${R}`, { status: 'opgeheven' }, 'status'],
      ['PATCH', `/api/v1/coalitions/${R}`, { gemeenten: ['GM9999'] }, 'gemeenten'],
      ['PATCH', `/api/v1/coalitions/${R}`, { gemeenten: ['GM0855'] }, 'gemeenten'], // must keep the lead gemeente
      ['PATCH', '/api/v1/coalitions/not-an-id', { name: 'x' }, 'coalitionId'],
      ['PATCH', `/api/v1/coalitions/${R}`, { name: 'x', leadOrganisationId: '00000000-0000-4000-8000-000000000001' }, 'leadOrganisationId'], // not a field here
      ['POST', '/api/v1/coalitions', { name: 'x', gemeenten: ['GM0855'] }, 'gemeenten'], // not its own gemeente
    ];
    for (const [method, url, body, field] of cases) {
      const answer = await c.gemeente.request(method, url, body);
      expect(answer.status, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body.error.field, `${url} ${JSON.stringify(body)}`).toBe(field);
      expect(answer.body.error.message).toContain(field);
    }
    const many = await c.gemeente.post(`/api/v1/coalitions/${R}/agreements`, { subject: '', actionLine: 9, partyIds: 'x', status: 'nope', documentUrl: 'javascript:alert(1)' });
    expect([...new Set(many.body.error.issues.map((i: { field: string }) => i.field))].sort()).toEqual(['actionLine', 'documentUrl', 'partyIds', 'status', 'subject']);
  });

  it('answers 404 for unknown ids inside one’s own coalition, with the field', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const coalition = await c.gemeente.get(`/api/v1/coalitions/${unknown}`);
    expect(coalition.status).toBe(404);
    expect(coalition.body.error.field).toBe('coalitionId');
    const goal = await c.gemeente.patch(`/api/v1/coalitions/${R}/goals/${unknown}`, { description: 'x' });
    expect(goal.status).toBe(404);
    expect(goal.body.error.field).toBe('goalId');
  });

  it('links a partner organisation, whose users then become members; fills a missing partner type', async () => {
    const org = await c.programma.post('/api/v1/organisations', { name: 'Huisartsen Rotterdam-Zuid (test)', type: 'huisarts', areaCode: 'GM0599' });
    expect(org.status).toBe(201);
    const user = await c.programma.post('/api/v1/users', { email: 'huisarts@kansrijk.example', name: 'Hanna Huisarts', role: 'professional', organisationId: org.body.id, password: 'a-long-password-1' });
    expect(user.status).toBe(201);
    const hanna = await new Client(p.app).signIn('huisarts@kansrijk.example', 'a-long-password-1');
    expect((await hanna.get(`/api/v1/coalitions/${R}`)).status).toBe(403);
    const partner = await c.gemeente.post(`/api/v1/coalitions/${R}/partners`, { organisationId: org.body.id, joinedOn: '2025-02-01' });
    expect(partner.status).toBe(201);
    expect(partner.body).toMatchObject({ type: 'huisarts', name: 'Huisartsen Rotterdam-Zuid (test)', organisation: { id: org.body.id } });
    expect((await c.gemeente.post(`/api/v1/coalitions/${R}/partners`, { organisationId: org.body.id })).status).toBe(409);
    expect((await c.gemeente.post(`/api/v1/coalitions/${R}/partners`, { organisationId: org.body.id, type: 'jgz' })).body.error.field).toBe('type');
    const view = await hanna.get(`/api/v1/coalitions/${R}`);
    expect(view.status).toBe(200);
    expect(view.body.partnerTypes.missing.map((m: { type: string }) => m.type)).toEqual(['zorgverzekeraar']);
    // The role fits the organisation: a JGZ role in a GP practice is refused.
    expect((await c.programma.post('/api/v1/users', { email: 'x@kansrijk.example', name: 'X', role: 'jgz', organisationId: org.body.id })).body.error.field).toBe('role');
    // The lead organisation stays: neither removed nor unlinked.
    const lead = view.body.partners.find((x: { organisation: { name: string } | null }) => x.organisation?.name === 'Gemeente Rotterdam').id;
    expect((await c.gemeente.delete(`/api/v1/coalitions/${R}/partners/${lead}`)).status).toBe(409);
    expect((await c.gemeente.patch(`/api/v1/coalitions/${R}/partners/${lead}`, { organisationId: null })).status).toBe(409);
    // Removing the GP partner ends the membership.
    expect((await c.gemeente.delete(`/api/v1/coalitions/${R}/partners/${partner.body.id}`)).status).toBe(204);
    const again = await new Client(p.app).signIn('huisarts@kansrijk.example', 'a-long-password-1');
    expect((await again.get(`/api/v1/coalitions/${R}`)).status).toBe(403);
  });

  it('keeps free-text plan items and offers the menukaart intervention they name', async () => {
    const item = await c.gemeente.post(`/api/v1/coalitions/${R}/plan-items`, { title: 'Stevig ouderschap', targetReach: 30 });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({ intervention: null, title: 'Stevig ouderschap', suggestedInterventionId: 'stevig-ouderschap', status: 'gepland' });
    const linked = await c.gemeente.patch(`/api/v1/coalitions/${R}/plan-items/${item.body.id}`, { interventionId: 'stevig-ouderschap', fundingRoute: 'wpg-jgz' });
    expect(linked.body).toMatchObject({ intervention: { id: 'stevig-ouderschap', name: 'Stevig Ouderschap' }, suggestedInterventionId: null, fundingRoute: 'wpg-jgz', fundingRouteLabel: { nl: 'Wpg: JGZ-budget van de gemeente' } });
    // The menukaart route the plan relies on is the one the screens use.
    expect((await c.gemeente.get('/api/v1/interventions/stevig-ouderschap')).status).toBe(200);
  });

  it('lets a gemeente register its coalition, one per gemeente, and re-checks when a stopped one restarts', async () => {
    await p.db.query(`INSERT INTO organisation (name, type, area_code) VALUES ('Gemeente Groningen', 'gemeente', 'GM0014')`);
    await p.db.query(`INSERT INTO app_user (email, name, role, organisation_id) SELECT 'groningen@kansrijk.example', 'G', 'gemeente', id FROM organisation WHERE area_code = 'GM0014'`);
    const [{ id: groningenOrg }] = (await p.db.query<{ id: string }>(`SELECT id FROM organisation WHERE area_code = 'GM0014' AND type = 'gemeente'`)) as [{ id: string }];
    // The programme team registers it for Gemeente Groningen, with a neighbour that Veenkoloniën already covers.
    const taken = await c.programma.post('/api/v1/coalitions', { name: 'Groningen', status: 'actief', gemeenten: ['GM0014', 'GM0047'], leadOrganisationId: groningenOrg });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('GM0047');
    const created = await c.programma.post('/api/v1/coalitions', { name: 'Groningen', status: 'actief', gemeenten: ['GM0014'], leadOrganisationId: groningenOrg });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'actief', leadOrganisation: { name: 'Gemeente Groningen' }, partners: [{ type: 'gemeente', organisation: { id: groningenOrg } }] });
    expect(created.body.partnerTypes.missing).toHaveLength(7);
    // Stopped, the gemeente is free again; a second coalition takes it; the first cannot restart.
    expect((await c.programma.patch(`/api/v1/coalitions/${created.body.id}`, { status: 'gestopt' })).body.statusSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const second = await c.programma.post('/api/v1/coalitions', { name: 'Groningen 2', status: 'verkennend', gemeenten: ['GM0014'], leadOrganisationId: groningenOrg });
    expect(second.status).toBe(201);
    expect((await c.programma.patch(`/api/v1/coalitions/${created.body.id}`, { status: 'actief' })).status).toBe(409);
  });

  it('lets a regional coalition grow only as each gemeente adds itself', async () => {
    await p.db.query(`INSERT INTO organisation (name, type, area_code) VALUES ('Gemeente Schiedam', 'gemeente', 'GM0606')`);
    const schiedamOrg = await idOf(p.db, `SELECT id FROM organisation WHERE area_code = 'GM0606' AND type = 'gemeente'`);
    await p.db.query(`INSERT INTO app_user (email, name, role, organisation_id, password_hash) SELECT 'schiedam@kansrijk.example', 'S', 'gemeente', $1, password_hash FROM app_user WHERE email = $2`, [schiedamOrg, ACTORS.gemeente]);
    // Rotterdam cannot put Schiedam in its coalition, not even after linking Schiedam as a partner.
    const claim = await c.gemeente.patch(`/api/v1/coalitions/${R}`, { gemeenten: ['GM0599', 'GM0606'] });
    expect(claim.status).toBe(403);
    expect(claim.body.error.field).toBe('gemeenten');
    expect((await c.gemeente.post(`/api/v1/coalitions/${R}/partners`, { organisationId: schiedamOrg })).status).toBe(201);
    expect((await c.gemeente.patch(`/api/v1/coalitions/${R}`, { gemeenten: ['GM0599', 'GM0606'] })).status).toBe(403);
    // Schiedam, now a member, adds itself.
    const schiedam = await new Client(p.app).signIn('schiedam@kansrijk.example', DEMO_PASSWORD);
    const joined = await schiedam.patch(`/api/v1/coalitions/${R}`, { gemeenten: ['GM0599', 'GM0606'] });
    expect(joined.status).toBe(200);
    expect(joined.body.gemeenten.map((g: { code: string }) => g.code).sort()).toEqual(['GM0599', 'GM0606']);
    // Leaving again is the coalition's business.
    expect((await c.gemeente.patch(`/api/v1/coalitions/${R}`, { gemeenten: ['GM0599'] })).status).toBe(200);
  });

  it('shows the national overview: status per gemeente, counts, and coverage from the inhabitants', async () => {
    const anonymous = new Client(p.app);
    const overview = await anonymous.get('/api/v1/coalitions/overview');
    expect(overview.status).toBe(200);
    const byCode = new Map(overview.body.gemeenten.map((g: { code: string }) => [g.code, g]));
    expect(byCode.get('GM0599')).toMatchObject({ status: 'actief', coalition: { id: R } });
    expect(byCode.get('GM0855')).toMatchObject({ status: 'actief', coalition: { id: T } });
    expect(byCode.get('GM0765')).toMatchObject({ status: 'in-oprichting' }); // Pekela, in the regional coalition
    expect(byCode.get('GM0014')).toMatchObject({ status: 'verkennend' }); // Groningen 2, not the stopped one
    expect(byCode.get('GM0363')).toMatchObject({ status: null, coalition: null }); // Amsterdam: none
    expect(overview.body.gemeenten).toHaveLength(342);
    const [{ total, covered }] = (await p.db.query<{ total: number; covered: number }>(
      `SELECT sum(inhabitants)::float8 AS total,
              sum(inhabitants) FILTER (WHERE code IN (SELECT ca.area_code FROM coalition_area ca JOIN coalition c ON c.id = ca.coalition_id WHERE c.status IN ('actief', 'in-oprichting')))::float8 AS covered
       FROM area WHERE level = 'gemeente'`,
    )) as [{ total: number; covered: number }];
    const formed = overview.body.coverage.find((x: { id: string }) => x.id === 'opgericht');
    expect(formed.inhabitants).toEqual({ covered, total, share: covered / total });
    expect(formed.gemeenten.total).toBe(342);
    expect(overview.body.coalitions.byStatus.gestopt).toBeGreaterThanOrEqual(1);
    expect(overview.body.partnerTypes.find((x: { type: string }) => x.type === 'huisarts').coalitions).toBe(1); // Tilburg
    expect(overview.body.coalitions.withAllEightPartnerTypes).toBe(1);
    // The public list gives no working data.
    const list = await anonymous.get('/api/v1/coalitions');
    const rotterdam = list.body.find((x: { id: string }) => x.id === R);
    expect(Object.keys(rotterdam).sort()).toEqual(['gemeenten', 'id', 'name', 'status', 'statusLabel', 'statusSince']);
    const vocabulary = await anonymous.get('/api/v1/coalitions/vocabulary');
    expect(vocabulary.body.nationalGoals).toHaveLength(6);
    expect(vocabulary.body.partnerTypes.map((x: { id: string }) => x.id)).toEqual(['gemeente', 'jgz', 'verloskunde', 'kraamzorg', 'ziekenhuis', 'huisarts', 'wijkteam', 'zorgverzekeraar']);
  });

  it('runs the impuls: apply, review, approve on a budget line or reject with a reason, totals per year', async () => {
    const plan = await idOf(p.db, `SELECT id FROM plan_item WHERE coalition_id = $1 AND intervention_id = 'nu-niet-zwanger'`, [R]);
    const applied = await c.gemeente.post(`/api/v1/coalitions/${R}/funding-applications`, { amount: 25000.5, periodStart: '2020-09-01', periodEnd: '2021-08-31', purpose: 'Nu Niet Zwanger in Feijenoord', planItemIds: [plan] });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ amount: 25000.5, status: 'ingediend', planItemIds: [plan], submittedBy: 'Roos Rotterdam (demo)', decision: null });
    const id = applied.body.id;
    // A plan item named by an application stays.
    expect((await c.gemeente.delete(`/api/v1/coalitions/${R}/plan-items/${plan}`)).status).toBe(409);
    // The partners see it; the programme team reviews all.
    expect((await c.partner.get(`/api/v1/coalitions/${R}/funding-applications/${id}`)).body.amount).toBe(25000.5);
    const pending = await c.programma.get('/api/v1/funding-applications?status=ingediend');
    expect(pending.body.map((a: { id: string }) => a.id)).toContain(id);
    expect((await c.programma.get('/api/v1/funding-applications?year=2020')).body.every((a: { periodStart: string }) => a.periodStart.startsWith('2020'))).toBe(true);
    // Rejection needs a reason; approval may be lower than asked, never higher; over budget is refused.
    expect((await c.programma.post(`/api/v1/coalitions/${R}/funding-applications/${id}/decision`, { decision: 'afgewezen' })).body.error.field).toBe('reason');
    expect((await c.programma.post(`/api/v1/coalitions/${R}/funding-applications/${id}/decision`, { decision: 'goedgekeurd', grantedAmount: 30000 })).body.error.field).toBe('grantedAmount');
    expect((await c.programma.post(`/api/v1/coalitions/${R}/funding-applications/${id}/decision`, { decision: 'goedgekeurd', budgetLineId: 'extra-coalities-2020', budgetYear: 2019 })).body.error.field).toBe('budgetYear');
    const before = (await c.programma.get('/api/v1/funding/summary')).body;
    const approved = await c.programma.post(`/api/v1/coalitions/${R}/funding-applications/${id}/decision`, { decision: 'goedgekeurd', grantedAmount: 20000, reason: 'Deels: de rest past in de reguliere middelen' });
    expect(approved.status).toBe(200);
    expect(approved.body.decision).toMatchObject({ by: 'Pim de Programmeur (demo)', grantedAmount: 20000, budgetLineId: 'actieprogramma-2018-2021', budgetYear: 2020 });
    expect((await c.programma.post(`/api/v1/coalitions/${R}/funding-applications/${id}/decision`, { decision: 'afgewezen', reason: 'x' })).status).toBe(409);
    expect((await c.gemeente.post(`/api/v1/coalitions/${R}/funding-applications/${id}/withdraw`)).status).toBe(409);
    const after = (await c.programma.get('/api/v1/funding/summary')).body;
    expect(after.totals.granted).toBe(before.totals.granted + 20000);
    expect(after.totals.budget).toBe(43_500_000);
    const year2020 = after.years.find((y: { year: number }) => y.year === 2020);
    expect(year2020.granted).toBe(before.years.find((y: { year: number }) => y.year === 2020).granted + 20000);
    expect(year2020.budgetOfLinesCoveringYear).toBe(43_500_000);
    expect(after.budgetLines.find((l: { id: string }) => l.id === 'actieprogramma-2018-2021')).toMatchObject({ amount: 41_000_000, remaining: 41_000_000 - after.budgetLines[0].granted });
    // More than a line has left is refused.
    const big = await c.gemeente.post(`/api/v1/coalitions/${R}/funding-applications`, { amount: 3_000_000, periodStart: '2020-01-01', periodEnd: '2020-12-31', purpose: 'Te veel' });
    expect((await c.programma.post(`/api/v1/coalitions/${R}/funding-applications/${big.body.id}/decision`, { decision: 'goedgekeurd', budgetLineId: 'extra-coalities-2020' })).status).toBe(409);
    // A coalition may withdraw what is undecided.
    const withdrawn = await c.gemeente.post(`/api/v1/coalitions/${R}/funding-applications/${big.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('ingetrokken');
  });
});
