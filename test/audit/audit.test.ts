// The audit trail on both engines: the coordinator's story leaves one event per change and per
// protected read, with the right actor, organisation, resource and request; an event is written
// in the same transaction as its change (no change without its event, no event without its
// change); the database refuses to alter or remove events; only the programme team reads and
// exports the trail, and reading it is recorded too. Events carry no payloads.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { splitStatements } from '../../src/platform/migrations.ts';
import { auditCsv, csvField } from '../../src/audit/audit-routes.ts';
import { Client } from '../auth/client.ts';
import { ACTORS, DEMO_PASSWORD, demoIds, idOf } from '../coalities/fixtures.ts';

interface Event {
  id: number;
  request_id: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_organisation_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  coalition_id: string | null;
  outcome: string;
  detail: unknown;
}

describe.each(TEST_ENGINES)('audit trail on $name', (engine) => {
  let p: TestPlatform;
  let roos: Client;
  let R: string;
  let roosId: string;
  let rotterdamOrg: string;
  const eventsOf = async (answer: { headers: Record<string, unknown> }) =>
    p.db.query<Event>('SELECT id, request_id, actor_user_id, actor_role, actor_organisation_id, action, resource_type, resource_id, coalition_id, outcome, detail FROM audit_event WHERE request_id = $1 ORDER BY id', [String(answer.headers['x-request-id'])]);

  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false, accounts: { password: DEMO_PASSWORD } });
    const ids = await demoIds(p.db);
    R = ids.rotterdam;
    roosId = await ids.user(ACTORS.gemeente);
    rotterdamOrg = await ids.organisation('Gemeente Rotterdam');
    roos = new Client(p.app);
  });
  afterAll(async () => p?.close());

  it('records every step of the coordinator’s story with her as actor, on behalf of her gemeente', async () => {
    const login = await roos.login(ACTORS.gemeente, DEMO_PASSWORD);
    expect(login.status).toBe(200);
    expect(await eventsOf(login)).toMatchObject([{ action: 'login', resource_type: 'account', resource_id: roosId, actor_user_id: roosId, outcome: 'success' }]);

    // She opens her coalition and sees which partner types it still lacks.
    const view = await roos.get(`/api/v1/coalitions/${R}`);
    expect(view.body.partnerTypes.missing.map((m: { type: string }) => m.type)).toEqual(['huisarts', 'zorgverzekeraar']);
    const midwives = view.body.partners.find((x: { type: string }) => x.type === 'verloskunde').id;
    const jgz = view.body.partners.find((x: { type: string }) => x.type === 'jgz').id;

    const steps = [
      { answer: view, action: 'read', type: 'coalition', id: R },
      {
        answer: await roos.post(`/api/v1/coalitions/${R}/agreements`, {
          subject: 'Verwijzing naar prenataal huisbezoek door de JGZ, met toestemming van de zwangere',
          actionLine: 2,
          partyIds: [midwives, jgz],
          startDate: '2025-01-01',
          reviewDate: '2026-01-01',
          status: 'vastgesteld',
          documentUrl: 'https://rotterdam.example/ketenafspraak-phb.pdf',
        }),
        action: 'create',
        type: 'chain-agreement',
      },
      { answer: await roos.post(`/api/v1/coalitions/${R}/goals`, { nationalGoal: 4, description: 'Minder kinderen met een valse start', indicatorId: 'big2', baselineValue: 15.2, baselineYear: 2022, targetValue: 13, targetYear: 2026 }), action: 'create', type: 'local-goal' },
      { answer: await roos.post(`/api/v1/coalitions/${R}/plan-items`, { interventionId: 'voorzorg', targetReach: 40, fundingRoute: 'wpg-jgz', status: 'gepland' }), action: 'create', type: 'plan-item' },
      { answer: await roos.post(`/api/v1/coalitions/${R}/updates`, { text: 'Ketenafspraak over het prenatale huisbezoek is getekend door verloskundigen en JGZ.' }), action: 'create', type: 'progress-update' },
    ];
    for (const step of steps) {
      expect(step.answer.status, step.type).toBeLessThan(300);
      const events = await eventsOf(step.answer);
      expect(events, step.type).toHaveLength(1);
      expect(events[0], step.type).toMatchObject({
        actor_user_id: roosId,
        actor_role: 'gemeente',
        actor_organisation_id: rotterdamOrg,
        action: step.action,
        resource_type: step.type,
        resource_id: step.id ?? step.answer.body.id,
        coalition_id: R,
        outcome: 'success',
      });
    }
    const coalition = await roos.get(`/api/v1/coalitions/${R}`);
    expect(coalition.body.goals.find((g: { nationalGoal: number }) => g.nationalGoal === 4)).toMatchObject({ indicator: { id: 'big2' }, targetValue: 13, targetYear: 2026 });
    expect(coalition.body.plan.find((x: { intervention: { id: string } | null }) => x.intervention?.id === 'voorzorg')).toMatchObject({ targetReach: 40, fundingRoute: 'wpg-jgz', intervention: { name: 'VoorZorg' } });
    expect(coalition.body.updates[0].author.name).toBe('Roos Rotterdam (demo)');
  });

  it('keeps payloads out: no free text, names or e-mail addresses in event details', async () => {
    const all = await p.db.query<{ detail: unknown; resource_id: string | null }>('SELECT detail, resource_id FROM audit_event');
    const text = JSON.stringify(all);
    for (const secret of ['prenataal huisbezoek', 'valse start', 'getekend', 'rotterdam.example', ACTORS.gemeente, DEMO_PASSWORD]) expect(text).not.toContain(secret);
  });

  it('writes an event in the same transaction as its change: neither exists without the other', async () => {
    const goals = async () => (await p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM local_goal WHERE coalition_id = $1', [R]))[0]!.n;
    const before = await goals();
    // Make the audit insert fail for this one kind of event: the change must roll back with it.
    await p.db.query(`ALTER TABLE audit_event ADD CONSTRAINT test_refuse_goal CHECK (NOT (resource_type = 'local-goal' AND action = 'create')) NOT VALID`);
    try {
      const failed = await roos.post(`/api/v1/coalitions/${R}/goals`, { nationalGoal: 1, description: 'Zonder audit geen wijziging' });
      expect(failed.status).toBe(500);
      expect(await goals()).toBe(before);
    } finally {
      await p.db.query('ALTER TABLE audit_event DROP CONSTRAINT test_refuse_goal');
    }
    // A change that is refused halfway (409) leaves no success event.
    const party = await idOf(p.db, 'SELECT partner_id AS id FROM chain_agreement_party WHERE coalition_id = $1 LIMIT 1', [R]);
    const refused = await roos.delete(`/api/v1/coalitions/${R}/partners/${party}`);
    expect(refused.status).toBe(409);
    expect(await eventsOf(refused)).toEqual([]);
  });

  it('cannot be altered: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [{ n: count }] = (await p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event')) as [{ n: number }];
    expect(count).toBeGreaterThan(5);
    await expect(p.db.query(`UPDATE audit_event SET action = 'nothing' WHERE id = (SELECT min(id) FROM audit_event)`)).rejects.toThrow(/append-only/);
    await expect(p.db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(p.db.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
    await expect(p.db.transaction((tx) => tx.query(`UPDATE audit_event SET actor_user_id = NULL`))).rejects.toThrow(/append-only/);
    const [{ n: after }] = (await p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event')) as [{ n: number }];
    expect(after).toBe(count);
  });

  it('has no route that changes it', async () => {
    const { body: openapi } = await new Client(p.app).get('/api/v1/openapi.json');
    const auditPaths = Object.entries(openapi.paths as Record<string, Record<string, unknown>>).filter(([path]) => path.startsWith('/api/v1/audit-events'));
    expect(auditPaths.length).toBe(2);
    for (const [, methods] of auditPaths) expect(Object.keys(methods)).toEqual(['get']);
    const c = await new Client(p.app).signIn(ACTORS.programma, DEMO_PASSWORD);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect((await c.request(method, '/api/v1/audit-events', {})).status).toBe(404);
  });

  it('is read and exported by the programme team only, and reading it is recorded', async () => {
    const programma = await new Client(p.app).signIn(ACTORS.programma, DEMO_PASSWORD);
    const list = await programma.get(`/api/v1/audit-events?coalition=${R}&actor=${roosId}&limit=3`);
    expect(list.status).toBe(200);
    expect(list.body.events).toHaveLength(3);
    expect(list.body.events[0]).toMatchObject({ actor: { id: roosId, email: ACTORS.gemeente, role: 'gemeente' }, onBehalfOf: { id: rotterdamOrg, name: 'Gemeente Rotterdam' }, coalitionId: R, outcome: 'success' });
    expect(list.body.nextBefore).toBe(list.body.events[2].id);
    const next = await programma.get(`/api/v1/audit-events?coalition=${R}&actor=${roosId}&limit=3&before=${list.body.nextBefore}`);
    expect(next.body.events[0].id).toBeLessThan(list.body.nextBefore);
    expect(await eventsOf(list)).toMatchObject([{ action: 'read', resource_type: 'audit-event', outcome: 'success' }]);

    const csv = await programma.get(`/api/v1/audit-events/export?coalition=${R}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="kansrijk-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,at,request_id,actor_user_id,actor_email,actor_name,actor_role,actor_organisation_id,actor_organisation,auth_method,action,resource_type,resource_id,coalition_id,outcome,source_address,detail');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => l.includes('chain-agreement') && l.includes(ACTORS.gemeente))).toBe(true);
    expect(await eventsOf(csv)).toMatchObject([{ action: 'export', resource_type: 'audit-event' }]);

    for (const email of [ACTORS.gemeente, ACTORS.partner, ACTORS.jgz]) {
      const other = await new Client(p.app).signIn(email, DEMO_PASSWORD);
      expect((await other.get('/api/v1/audit-events')).status).toBe(403);
      expect((await other.get('/api/v1/audit-events/export')).status).toBe(403);
    }
    const badFilter = await programma.get('/api/v1/audit-events?from=yesterday');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.field).toBe('from');
  });
});

describe('audit export and migrations, pure', () => {
  it('defuses spreadsheet formulas and quotes fields', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+31')).toBe("'+31");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(null)).toBe('');
    expect(auditCsv([]).startsWith('\uFEFFid,at,')).toBe(true);
  });

  it('splits migrations at line-end semicolons, but never inside strings or dollar-quoted bodies', () => {
    const sql = [
      '-- a comment; with a semicolon;',
      "CREATE TABLE a (x text DEFAULT 'a;');",
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$',
      'BEGIN',
      "  RAISE EXCEPTION 'no;';",
      'END;',
      '$$;',
      "INSERT INTO a VALUES ('it''s;'), ('b');",
      'SELECT 1',
    ].join('\n');
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(4);
    expect(statements[0]).toBe("CREATE TABLE a (x text DEFAULT 'a;')");
    expect(statements[1]).toContain("RAISE EXCEPTION 'no;';\nEND;\n$$");
    expect(statements[2]).toBe("INSERT INTO a VALUES ('it''s;'), ('b')");
    expect(statements[3]).toBe('SELECT 1');
  });
});
