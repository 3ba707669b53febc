// What the coalition plan covers of the analysis: the pure classification on a small hand-made
// example, and the route on both engines with the demo coalitions — filled only for partners
// of the gemeente's coalition and the programme team, audited with the actor, empty with the
// reason for everyone else, and never a personalised answer in a cache.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCoverage, planCoverageNote, type PlanItemInput } from '../../src/analysetool/plan-coverage.ts';
import { FUNDING_LABELS } from '../../src/menukaart/vocabulary.ts';
import { Client } from '../auth/client.ts';
import { ACTORS, DEMO_PASSWORD, demoIds, signInAll, type ActorKind } from '../coalities/fixtures.ts';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

describe('planCoverage (pure)', () => {
  const recommendations = [
    { rank: 2, intervention: { id: 'b', name: 'B' } },
    { rank: 1, intervention: { id: 'a', name: 'A' } },
    { rank: 3, intervention: { id: 'c', name: 'C' } },
    { rank: 4, intervention: { id: 'd', name: 'D' } },
  ];
  const item = (id: string, fields: Partial<PlanItemInput>): PlanItemInput => ({
    id,
    interventionId: null,
    suggestedInterventionId: null,
    title: null,
    status: 'gepland',
    targetReach: null,
    fundingRoute: null,
    ...fields,
  });
  const plan = [
    item('p1', { interventionId: 'b', targetReach: 100, fundingRoute: 'gemeente-eigen' }),
    item('p2', { interventionId: 'a', status: 'gestopt' }),
    item('p3', { title: 'Voorlichting in de wijk', status: 'idee' }),
    item('p4', { title: 'Cee', suggestedInterventionId: 'c', status: 'idee' }),
    item('p5', { interventionId: 'x', status: 'in-uitvoering', fundingRoute: 'zvw' }),
    item('p6', { interventionId: 'x' }),
    item('p7', { interventionId: 'b', status: 'in-uitvoering' }),
    item('p8', { interventionId: 'withdrawn' }),
  ];
  const names: Record<string, string> = { x: 'X' };
  const rows = planCoverage(recommendations, plan, (id) => names[id] ?? null);

  it('puts recommended interventions with a live plan item in the plan, in rank order, with every item', () => {
    const planned = rows.filter((r) => r.coverage === 'planned');
    expect(planned.map((r) => [r.rank, r.intervention?.id])).toEqual([
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(planned[0]!.planItems.map((p) => p.id)).toEqual(['p1', 'p7']);
    expect(planned[0]!.planItems[0]).toEqual({
      id: 'p1',
      title: null,
      matchedBy: 'intervention',
      status: 'gepland',
      statusLabel: { nl: 'Gepland', en: 'Planned' },
      targetReach: 100,
      fundingRoute: 'gemeente-eigen',
      fundingRouteLabel: FUNDING_LABELS['gemeente-eigen'],
    });
    // A free-text item counts through the intervention its title names.
    expect(planned[1]!.planItems).toMatchObject([{ id: 'p4', title: 'Cee', matchedBy: 'title', status: 'idee' }]);
  });

  it('keeps recommendations without a live plan item as not yet planned, a stopped item shown with it', () => {
    const notPlanned = rows.filter((r) => r.coverage === 'not-planned');
    expect(notPlanned.map((r) => [r.rank, r.intervention?.id])).toEqual([
      [1, 'a'],
      [4, 'd'],
    ]);
    expect(notPlanned[0]!.planItems).toMatchObject([{ id: 'p2', status: 'gestopt' }]);
    expect(notPlanned[1]!.planItems).toEqual([]);
  });

  it('lists plan items not recommended in plan order, grouped per intervention, free text on its own', () => {
    const other = rows.filter((r) => r.coverage === 'not-recommended');
    expect(other.map((r) => [r.intervention, r.planItems.map((p) => p.id)])).toEqual([
      [null, ['p3']],
      [{ id: 'x', name: 'X' }, ['p5', 'p6']],
      [{ id: 'withdrawn', name: null }, ['p8']],
    ]);
    expect(other.every((r) => r.rank === null)).toBe(true);
    expect(other[0]!.planItems[0]).toMatchObject({ title: 'Voorlichting in de wijk', matchedBy: null, status: 'idee', statusLabel: { nl: 'Idee', en: 'Idea' } });
    expect(other[1]!.planItems[0]!.fundingRouteLabel).toEqual(FUNDING_LABELS.zvw);
  });

  it('has every recommendation exactly once and every plan item exactly once, planned first', () => {
    expect(rows.map((r) => r.coverage)).toEqual(['planned', 'planned', 'not-planned', 'not-planned', 'not-recommended', 'not-recommended', 'not-recommended']);
    expect(rows.filter((r) => r.rank !== null).map((r) => r.intervention!.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(rows.flatMap((r) => r.planItems.map((p) => p.id)).sort()).toEqual(plan.map((p) => p.id).sort());
  });

  it('is empty without recommendations and plan, and only lists the plan without recommendations', () => {
    expect(planCoverage([], [], () => null)).toEqual([]);
    expect(planCoverage([], [plan[0]!], () => 'B').map((r) => r.coverage)).toEqual(['not-recommended']);
    expect(planCoverage(recommendations.slice(0, 1), [], () => null)).toEqual([{ coverage: 'not-planned', rank: 2, intervention: { id: 'b', name: 'B' }, planItems: [] }]);
  });

  it('says in Dutch and English what the list shows, or why it is empty', () => {
    const coalition = { id: 'c1', name: 'Coalitie Testdorp', status: 'actief' as const, statusLabel: { nl: 'Actief', en: 'Active' } };
    const shown = planCoverageNote('shown', 'Testdorp', coalition, rows);
    expect(shown).toMatchObject({ reason: 'shown', coalition });
    expect(shown.nl).toContain('Van de 4 aanbevolen interventies staan er 2 in het plan van de coalitie; 2 nog niet.');
    expect(shown.nl).toContain('4 onderdelen van het plan staan niet bij de aanbevelingen.');
    expect(shown.en).toContain("Of the 4 recommended interventions, 2 are in the coalition's plan; 2 are not yet.");
    expect(shown.en).toContain('4 plan items are not among the recommendations.');
    const one = planCoverageNote('shown', 'Testdorp', coalition, planCoverage(recommendations.slice(0, 1), plan.slice(0, 1), () => null));
    expect(one.nl).toContain('De aanbevolen interventie staat al in het plan van de coalitie. Alle onderdelen van het plan staan bij de aanbevelingen.');
    expect(one.en).toContain("The recommended intervention is already in the coalition's plan. Every plan item is among the recommendations.");
    const out = planCoverageNote('signed-out', 'Testdorp', coalition);
    expect(out.nl).toMatch(/^Testdorp hoort bij Coalitie Testdorp \(actief\)\..*log in/);
    expect(out.en).toMatch(/^Testdorp is part of Coalitie Testdorp \(active\)\..*sign in/);
    const other = planCoverageNote('not-a-member', 'Testdorp', coalition);
    expect(other.nl).toContain('Uw organisatie is geen partner in deze coalitie');
    expect(other.en).toContain('Your organisation is not a partner in this coalition');
    const none = planCoverageNote('no-coalition', 'Testdorp', null);
    expect(none).toMatchObject({ reason: 'no-coalition', coalition: null });
    expect(none.nl).toContain('Testdorp hoort niet bij een coalitie');
    expect(none.en).toContain('Testdorp is not part of a coalition');
  });
});

const ROTTERDAM = 'GM0599';
const TILBURG = 'GM0855';
const URL = `/api/v1/areas/${ROTTERDAM}/analysis`;

/** The analysis without the part that depends on who asks. */
const publicPart = (body: Record<string, unknown>) => {
  const { coveredByPlan: _, coveredByPlanNote: __, ...rest } = body;
  return rest;
};

describe.each(TEST_ENGINES)('coveredByPlan through the API on $name', (engine) => {
  let p: TestPlatform;
  let c: Record<ActorKind, Client>;
  let anonymous: Client;
  let R: string;
  let userId: (kind: ActorKind) => Promise<string>;

  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: true, accounts: { password: DEMO_PASSWORD }, config: { rateLimits: { authPerMinute: 100_000, writePerMinute: 100_000 } } });
    c = await signInAll(p);
    anonymous = new Client(p.app);
    const ids = await demoIds(p.db);
    R = ids.rotterdam;
    userId = (kind) => ids.user(ACTORS[kind]);
  });
  afterAll(async () => p?.close());

  const auditOf = (answer: { headers: Record<string, unknown> }) =>
    p.db.query<{ actor_user_id: string | null; action: string; resource_type: string; resource_id: string | null; coalition_id: string | null; outcome: string; detail: Record<string, unknown> }>(
      'SELECT actor_user_id, action, resource_type, resource_id, coalition_id, outcome, detail FROM audit_event WHERE request_id = $1',
      [String(answer.headers['x-request-id'])],
    );

  it('shows a coordinator of the coalition which recommendations are in the plan, and audits that read', async () => {
    const answer = await c.gemeente.get(URL);
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body.coveredByPlanNote).toMatchObject({ reason: 'shown', coalition: { id: R, name: 'Coalitie Kansrijke Start Rotterdam', status: 'actief' } });
    const rows = body.coveredByPlan as any[];
    // Every recommendation exactly once, planned ones first, each group in rank order.
    const recommended = rows.filter((r) => r.coverage !== 'not-recommended');
    expect(recommended.map((r) => r.intervention.id).sort()).toEqual(body.recommendations.map((r: any) => r.intervention.id).sort());
    for (const kind of ['planned', 'not-planned']) {
      const ranks = rows.filter((r) => r.coverage === kind).map((r) => r.rank);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    }
    // The demo plan: Nu Niet Zwanger (recommended for Rotterdam) under way, 150 a year, own money.
    expect(body.recommendations.map((r: any) => r.intervention.id)).toContain('nu-niet-zwanger');
    const nnz = rows.find((r) => r.intervention?.id === 'nu-niet-zwanger');
    expect(nnz).toMatchObject({
      coverage: 'planned',
      rank: body.recommendations.find((r: any) => r.intervention.id === 'nu-niet-zwanger').rank,
      planItems: [{ matchedBy: 'intervention', status: 'in-uitvoering', statusLabel: { nl: 'In uitvoering' }, targetReach: 150, fundingRoute: 'gemeente-eigen' }],
    });
    expect(rows.find((r) => r.intervention?.id === 'voorzorg')).toMatchObject({ coverage: 'not-planned', planItems: [] });
    // The free-text item is in the plan but not among the recommendations.
    expect(rows.filter((r) => r.coverage === 'not-recommended')).toMatchObject([
      { intervention: null, rank: null, planItems: [{ title: 'Wijkgerichte voorlichting over kinderwens en gezonde zwangerschap', status: 'gepland', targetReach: 400 }] },
    ]);
    expect(body.coveredByPlanNote.nl).toMatch(/interventies staat er 1 in het plan van de coalitie/);
    expect(body.coveredByPlanNote.en).toMatch(/1 is in the coalition's plan/);

    // Personal: never stored, no ETag to revalidate against, caches keyed on the cookie.
    expect(answer.headers['cache-control']).toBe('private, no-store');
    expect(answer.headers.etag).toBeUndefined();
    expect(String(answer.headers.vary)).toMatch(/cookie/i);

    // The protected read is in the audit trail, with the actor and the coalition.
    const events = await auditOf(answer);
    expect(events).toEqual([
      expect.objectContaining({ actor_user_id: await userId('gemeente'), action: 'read', resource_type: 'coalition', resource_id: R, coalition_id: R, outcome: 'success' }),
    ]);
    expect(events[0]!.detail).toMatchObject({ view: 'analysis', area: ROTTERDAM, planItems: 2 });

    // The public part is the same analysis everybody gets.
    expect(publicPart(body)).toEqual(publicPart((await anonymous.get(URL)).body));
  });

  it('shows the plan to every member role of the coalition and to the programme team, each read audited as its actor', async () => {
    const reference = (await c.gemeente.get(URL)).body.coveredByPlan;
    for (const kind of ['programma', 'partner', 'professional', 'jgz'] as const) {
      const answer = await c[kind].get(URL);
      expect(answer.body.coveredByPlanNote.reason, kind).toBe('shown');
      expect(answer.body.coveredByPlan, kind).toEqual(reference);
      expect(answer.headers['cache-control'], kind).toBe('private, no-store');
      const events = await auditOf(answer);
      expect(events.map((e) => [e.actor_user_id, e.action, e.resource_type, e.resource_id]), kind).toEqual([[await userId(kind), 'read', 'coalition', R]]);
    }
  });

  it('gives a coordinator of another coalition the public analysis only: no plan, the reason, nothing audited', async () => {
    const answer = await c.tilburg.get(URL);
    expect(answer.status).toBe(200);
    expect(answer.body.coveredByPlan).toEqual([]);
    expect(answer.body.coveredByPlanNote).toMatchObject({ reason: 'not-a-member', coalition: { id: R, name: 'Coalitie Kansrijke Start Rotterdam' } });
    expect(answer.body.coveredByPlanNote.nl).toContain('Uw organisatie is geen partner in deze coalitie');
    expect(answer.body.coveredByPlanNote.en).toContain('Your organisation is not a partner in this coalition');
    const raw = JSON.stringify(answer.body);
    const plan = await p.db.query<{ id: string }>('SELECT id FROM plan_item WHERE coalition_id = $1', [R]);
    for (const leak of ['Wijkgerichte voorlichting', 'targetReach', 'planItems', 'in-uitvoering', ...plan.map((x) => x.id)]) expect(raw).not.toContain(leak);
    expect(answer.headers['cache-control']).toBe('private, no-store');
    expect(await auditOf(answer)).toEqual([]);
    expect(publicPart(answer.body)).toEqual(publicPart((await anonymous.get(URL)).body));
    // Its own gemeente's analysis shows its own plan.
    const own = await c.tilburg.get(`/api/v1/areas/${TILBURG}/analysis`);
    expect(own.body.coveredByPlanNote).toMatchObject({ reason: 'shown', coalition: { name: 'Kansrijke Start Tilburg' } });
    expect(own.body.coveredByPlan.find((r: any) => r.intervention?.id === 'stevig-ouderschap')).toMatchObject({ coverage: 'planned', planItems: [{ targetReach: 80, fundingRoute: 'wpg-jgz' }] });
  });

  it('gives the signed-out public analysis, cacheable with an ETag, with the reason and without plan data', async () => {
    const answer = await anonymous.get(URL);
    expect(answer.status).toBe(200);
    expect(answer.body.coveredByPlan).toEqual([]);
    expect(answer.body.coveredByPlanNote).toMatchObject({ reason: 'signed-out', coalition: { id: R, name: 'Coalitie Kansrijke Start Rotterdam', status: 'actief' } });
    expect(answer.body.coveredByPlanNote.nl).toMatch(/log in/);
    expect(answer.body.coveredByPlanNote.en).toMatch(/sign in/);
    const raw = JSON.stringify(answer.body);
    for (const leak of ['Wijkgerichte voorlichting', 'targetReach', 'planItems']) expect(raw).not.toContain(leak);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(String(answer.headers.vary)).toMatch(/cookie/i);
    const etag = String(answer.headers.etag);
    expect(etag).toMatch(/^"v\d+-/);
    expect(await auditOf(answer)).toEqual([]);
    const again = await anonymous.request('GET', URL, undefined, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // A member revalidating the public copy gets the personal answer, not a 304 for it.
    const member = await c.gemeente.request('GET', URL, undefined, { headers: { 'if-none-match': etag } });
    expect(member.status).toBe(200);
    expect(member.body.coveredByPlanNote.reason).toBe('shown');
    expect(member.headers.etag).toBeUndefined();
  });

  it('says when the gemeente has no coalition, also to the programme team, and reads nothing', async () => {
    const amsterdam = await c.programma.get('/api/v1/areas/GM0363/analysis');
    expect(amsterdam.status).toBe(200);
    expect(amsterdam.body.coveredByPlan).toEqual([]);
    expect(amsterdam.body.coveredByPlanNote).toMatchObject({ reason: 'no-coalition', coalition: null });
    expect(amsterdam.body.coveredByPlanNote.nl).toContain('Amsterdam hoort niet bij een coalitie');
    expect(await auditOf(amsterdam)).toEqual([]);
    expect((await anonymous.get('/api/v1/areas/GM0363/analysis')).body.coveredByPlanNote.reason).toBe('no-coalition');
  });

  it('follows changes to the plan at once for members, and the public answer stays the same', async () => {
    const before = await anonymous.get(URL);
    const added = await c.gemeente.post(`/api/v1/coalitions/${R}/plan-items`, { interventionId: 'voorzorg', targetReach: 25, fundingRoute: 'jeugdwet', status: 'idee' });
    expect(added.status).toBe(201);
    try {
      const rows = (await c.gemeente.get(URL)).body.coveredByPlan as any[];
      expect(rows.find((r) => r.intervention?.id === 'voorzorg')).toMatchObject({ coverage: 'planned', planItems: [{ id: added.body.id, status: 'idee', targetReach: 25, fundingRoute: 'jeugdwet' }] });
      const after = await anonymous.get(URL);
      expect(after.headers.etag).toBe(before.headers.etag);
      expect(JSON.stringify(after.body)).not.toContain(added.body.id);
      expect((await c.tilburg.get(URL)).body.coveredByPlan).toEqual([]);
    } finally {
      expect((await c.gemeente.delete(`/api/v1/coalitions/${R}/plan-items/${added.body.id}`)).status).toBe(204);
    }
  });

  it('counts a coalition that has stopped as none', async () => {
    await p.db.query(`UPDATE coalition SET status = 'gestopt' WHERE id = $1`, [R]);
    try {
      const member = await c.gemeente.get(URL);
      expect(member.body.coveredByPlan).toEqual([]);
      expect(member.body.coveredByPlanNote).toMatchObject({ reason: 'no-coalition', coalition: null });
      expect(await auditOf(member)).toEqual([]);
      const out = await anonymous.get(URL);
      expect(out.body.coveredByPlanNote.reason).toBe('no-coalition');
    } finally {
      await p.db.query(`UPDATE coalition SET status = 'actief' WHERE id = $1`, [R]);
    }
    expect((await anonymous.get(URL)).body.coveredByPlanNote.reason).toBe('signed-out');
  });
});
