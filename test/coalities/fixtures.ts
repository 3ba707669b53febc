// Shared by the access-matrix, attack and audit tests: the demo actors, signed in, and records
// made directly in the database (fast, and without audit events of their own).

import { createHash } from 'node:crypto';
import type { Database } from '../../src/platform/db.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import type { TestPlatform } from '../support/platform.ts';
import { Client } from '../auth/client.ts';

export const DEMO_PASSWORD = 'test-demo-password-4821';

/** The actors of the tests: every role, and a gemeente of another coalition. */
export const ACTORS = {
  programma: 'programma@kansrijk.example',
  gemeente: 'coordinator.rotterdam@kansrijk.example',
  tilburg: 'coordinator.tilburg@kansrijk.example',
  partner: 'partner.rotterdam@kansrijk.example',
  professional: 'verloskundige.rotterdam@kansrijk.example',
  jgz: 'jgz.rotterdam@kansrijk.example',
} as const;
export type ActorKind = keyof typeof ACTORS;
export const ACTOR_KINDS = Object.keys(ACTORS) as ActorKind[];

export async function signInAll(p: TestPlatform): Promise<Record<ActorKind, Client>> {
  const clients = {} as Record<ActorKind, Client>;
  for (const kind of ACTOR_KINDS) clients[kind] = await new Client(p.app).signIn(ACTORS[kind], DEMO_PASSWORD);
  return clients;
}

export async function idOf(db: Database, sql: string, params: (string | number)[] = []): Promise<string> {
  const [row] = await db.query<{ id: string }>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row.id;
}

export async function demoIds(db: Database) {
  const coalition = (name: string) => idOf(db, 'SELECT id FROM coalition WHERE name = $1', [name]);
  const user = (email: string) => idOf(db, 'SELECT id FROM app_user WHERE email = $1', [email]);
  const rotterdam = await coalition('Coalitie Kansrijke Start Rotterdam');
  const tilburg = await coalition('Kansrijke Start Tilburg');
  return {
    rotterdam,
    tilburg,
    organisation: (name: string) => idOf(db, 'SELECT id FROM organisation WHERE name = $1', [name]),
    user,
    partners: (coalitionId: string) => db.query<{ id: string; partner_type: string; organisation_id: string | null }>('SELECT id, partner_type, organisation_id FROM coalition_partner WHERE coalition_id = $1 ORDER BY partner_type', [coalitionId]),
  };
}

/** Records made straight in the database, for tests that need a fresh one to change or delete. */
export function fixtures(db: Database) {
  let n = 0;
  return {
    partner: (coalitionId: string) => idOf(db, `INSERT INTO coalition_partner (coalition_id, partner_type, name) VALUES ($1, 'overig', $2) RETURNING id`, [coalitionId, `Fixture partner ${++n}`]),
    async agreement(coalitionId: string) {
      const parties = await db.query<{ id: string }>('SELECT id FROM coalition_partner WHERE coalition_id = $1 ORDER BY id LIMIT 2', [coalitionId]);
      const id = await idOf(db, `INSERT INTO chain_agreement (coalition_id, subject, action_line, status) VALUES ($1, $2, 2, 'concept') RETURNING id`, [coalitionId, `Fixture agreement ${++n}`]);
      for (const p of parties) await db.query('INSERT INTO chain_agreement_party (agreement_id, coalition_id, partner_id) VALUES ($1, $2, $3)', [id, coalitionId, p.id]);
      return id;
    },
    goal: (coalitionId: string) => idOf(db, `INSERT INTO local_goal (coalition_id, national_goal, description) VALUES ($1, 3, $2) RETURNING id`, [coalitionId, `Fixture goal ${++n}`]),
    planItem: (coalitionId: string) => idOf(db, `INSERT INTO plan_item (coalition_id, title, status) VALUES ($1, $2, 'idee') RETURNING id`, [coalitionId, `Fixture plan item ${++n}`]),
    async application(coalitionId: string) {
      const submitter = await idOf(db, `SELECT u.id FROM app_user u JOIN coalition c ON c.lead_organisation_id = u.organisation_id WHERE c.id = $1 LIMIT 1`, [coalitionId]);
      return idOf(
        db,
        `INSERT INTO funding_application (coalition_id, amount_cents, period_start, period_end, purpose, status, submitted_by) VALUES ($1, 1000000, '2021-01-01', '2021-12-31', $2, 'ingediend', $3) RETURNING id`,
        [coalitionId, `Fixture application ${++n}`, submitter],
      );
    },
    /** A throwaway account like the given one (same role and organisation), for sign-out and password tests. */
    async userLike(email: string, password: string) {
      const copy = `copy${++n}.${createHash('sha1').update(email + Date.now()).digest('hex').slice(0, 6)}.${email}`;
      await db.query(`INSERT INTO app_user (email, name, role, organisation_id, password_hash) SELECT $1, name, role, organisation_id, $2 FROM app_user WHERE email = $3`, [copy, await hashPassword(password), email]);
      return copy;
    },
  };
}

/** Everything a coalition consists of, as one fingerprint: equal fingerprints, nothing changed. */
export async function coalitionFingerprint(db: Database, coalitionId: string): Promise<string> {
  const parts: unknown[] = [];
  const tables: [string, string][] = [
    ['coalition', 'id'],
    ['coalition_area', 'coalition_id'],
    ['coalition_partner', 'coalition_id'],
    ['chain_agreement', 'coalition_id'],
    ['chain_agreement_party', 'coalition_id'],
    ['local_goal', 'coalition_id'],
    ['plan_item', 'coalition_id'],
    ['progress_update', 'coalition_id'],
    ['funding_application', 'coalition_id'],
    ['funding_application_item', 'coalition_id'],
  ];
  for (const [table, column] of tables) {
    parts.push(table, await db.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t WHERE ${column} = $1 ORDER BY 1`, [coalitionId]));
  }
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
