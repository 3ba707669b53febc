// Demo accounts and demo coalitions, created only in demo mode, once, on a database without
// them. Organisation and person names are invented and marked "(demo)"; the gemeenten and the
// menukaart interventions are real. The password of every demo account comes from
// KANSRIJK_DEMO_PASSWORD or is generated here and printed once: there is no password in the
// code. README.md lists the accounts.

import type { Config } from '../platform/config.ts';
import type { Database, Queryable } from '../platform/db.ts';
import { lockSchema } from '../platform/migrations.ts';
import { recordAudit } from '../audit/audit.ts';
import { generatePassword, hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { OrganisationType, Role } from '../auth/policy.ts';
import type { Progress } from '../platform/platform.ts';

export const DEMO_EMAIL_DOMAIN = 'kansrijk.example';

interface DemoOrganisation {
  key: string;
  name: string;
  type: OrganisationType;
  area?: string;
}

const ORGANISATIONS: DemoOrganisation[] = [
  { key: 'programma', name: 'Programmateam Kansrijke Start (demo)', type: 'programmateam' },
  { key: 'rotterdam', name: 'Gemeente Rotterdam', type: 'gemeente', area: 'GM0599' },
  { key: 'tilburg', name: 'Gemeente Tilburg', type: 'gemeente', area: 'GM0855' },
  { key: 'veendam', name: 'Gemeente Veendam', type: 'gemeente', area: 'GM0047' },
  { key: 'utrecht', name: 'Gemeente Utrecht', type: 'gemeente', area: 'GM0344' },
  { key: 'zwolle', name: 'Gemeente Zwolle', type: 'gemeente', area: 'GM0193' },
  { key: 'jgz-rotterdam', name: 'JGZ Rotterdam-Rijnmond (demo)', type: 'jgz', area: 'GM0599' },
  { key: 'vsv-rotterdam', name: 'Verloskundig samenwerkingsverband Rotterdam-Zuid (demo)', type: 'verloskunde', area: 'GM0599' },
  { key: 'jgz-tilburg', name: 'JGZ Hart van Brabant (demo)', type: 'jgz', area: 'GM0855' },
];

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  organisation: string;
  /** What the account shows, for the README. */
  purpose: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: `programma@${DEMO_EMAIL_DOMAIN}`, name: 'Pim de Programmeur (demo)', role: 'programma', organisation: 'programma', purpose: 'national overview, every coalition, funding review, audit trail, accounts' },
  { email: `coordinator.rotterdam@${DEMO_EMAIL_DOMAIN}`, name: 'Roos Rotterdam (demo)', role: 'gemeente', organisation: 'rotterdam', purpose: 'coordinator of the Rotterdam coalition: edits it, applies for funding' },
  { email: `coordinator.tilburg@${DEMO_EMAIL_DOMAIN}`, name: 'Thijs Tilburg (demo)', role: 'gemeente', organisation: 'tilburg', purpose: 'coordinator of the Tilburg coalition; cannot touch Rotterdam' },
  { email: `coordinator.veenkolonien@${DEMO_EMAIL_DOMAIN}`, name: 'Vera Veendam (demo)', role: 'gemeente', organisation: 'veendam', purpose: 'coordinator of the regional coalition Goede Start Veenkoloniën' },
  { email: `partner.rotterdam@${DEMO_EMAIL_DOMAIN}`, name: 'Priya Partner (demo)', role: 'partner', organisation: 'vsv-rotterdam', purpose: 'midwives’ collaboration in Rotterdam: chain agreements, progress updates' },
  { email: `verloskundige.rotterdam@${DEMO_EMAIL_DOMAIN}`, name: 'Vincent Verloskundige (demo)', role: 'professional', organisation: 'vsv-rotterdam', purpose: 'midwife: reads the Rotterdam agreements and plan' },
  { email: `jgz.rotterdam@${DEMO_EMAIL_DOMAIN}`, name: 'Jamila JGZ (demo)', role: 'jgz', organisation: 'jgz-rotterdam', purpose: 'JGZ Rotterdam: chain agreements, progress updates' },
];

interface DemoPartner {
  type: string;
  name: string;
  organisation?: string;
  joinedOn?: string;
}

interface DemoCoalition {
  key: string;
  name: string;
  status: 'verkennend' | 'in-oprichting' | 'actief' | 'gestopt';
  statusSince: string;
  lead: string;
  gemeenten: string[];
  description: string;
  partners: DemoPartner[];
  agreements: { subject: string; actionLine: 1 | 2 | 3; parties: number[]; start: string; review: string; status: string }[];
  goals: { nationalGoal: number; description: string; indicator?: string; baseline?: [number, number]; target?: [number, number] }[];
  plan: { intervention?: string; title?: string; reach?: number; funding?: string; status: string }[];
  updates: { date: string; text: string; author: string }[];
  funding: { amount: number; start: string; end: string; purpose: string; plan: number[]; author: string; decision?: { status: 'goedgekeurd' | 'afgewezen'; reason: string; line?: string; year?: number } }[];
}

const COALITIONS: DemoCoalition[] = [
  {
    key: 'rotterdam',
    name: 'Coalitie Kansrijke Start Rotterdam',
    status: 'actief',
    statusSince: '2019-02-01',
    lead: 'rotterdam',
    gemeenten: ['GM0599'],
    description: 'Gemeente, geboortezorg, JGZ en wijkteams werken samen aan een goede start voor kinderen in Rotterdam, met extra aandacht voor Rotterdam-Zuid.',
    partners: [
      { type: 'jgz', name: 'JGZ Rotterdam-Rijnmond (demo)', organisation: 'jgz-rotterdam', joinedOn: '2019-02-01' },
      { type: 'verloskunde', name: 'Verloskundig samenwerkingsverband Rotterdam-Zuid (demo)', organisation: 'vsv-rotterdam', joinedOn: '2019-02-01' },
      { type: 'kraamzorg', name: 'Kraamzorg Rijnmond (demo)', joinedOn: '2019-06-01' },
      { type: 'ziekenhuis', name: 'Ziekenhuis Zuid, afdeling gynaecologie (demo)', joinedOn: '2019-06-01' },
      { type: 'wijkteam', name: 'Wijkteams Rotterdam (demo)', joinedOn: '2020-01-15' },
    ],
    agreements: [
      // parties: indexes into [lead, ...partners]
      { subject: 'Warme overdracht van verloskundige naar wijkteam bij sociale risico’s in de zwangerschap', actionLine: 2, parties: [2, 5], start: '2023-03-01', review: '2025-03-01', status: 'in-uitvoering' },
    ],
    goals: [{ nationalGoal: 2, description: 'Minder tienerzwangerschappen in Rotterdam-Zuid', indicator: 'teenage_mothers', baseline: [2022, 5.1], target: [2027, 4.0] }],
    plan: [
      { intervention: 'nu-niet-zwanger', reach: 150, funding: 'gemeente-eigen', status: 'in-uitvoering' },
      { title: 'Wijkgerichte voorlichting over kinderwens en gezonde zwangerschap', reach: 400, funding: 'gemeente-eigen', status: 'gepland' },
    ],
    updates: [
      { date: '2024-03-15', text: 'Nu Niet Zwanger bereikte in 2023 in Rotterdam-Zuid ruim 120 vrouwen; de werving via het wijkteam loopt goed.', author: 'coordinator.rotterdam' },
      { date: '2024-09-10', text: 'De warme overdracht van verloskundigen naar het wijkteam is geëvalueerd: doorlooptijd van gemiddeld drie weken naar één week.', author: 'partner.rotterdam' },
    ],
    funding: [
      {
        amount: 60000,
        start: '2019-03-01',
        end: '2020-12-31',
        purpose: 'Opbouw van de coalitie en invoering van Nu Niet Zwanger in Rotterdam-Zuid',
        plan: [0],
        author: 'coordinator.rotterdam',
        decision: { status: 'goedgekeurd', reason: 'Past bij actielijn 1 en het lokale plan.', line: 'actieprogramma-2018-2021', year: 2019 },
      },
    ],
  },
  {
    key: 'tilburg',
    name: 'Kansrijke Start Tilburg',
    status: 'actief',
    statusSince: '2018-11-01',
    lead: 'tilburg',
    gemeenten: ['GM0855'],
    description: 'Tilburg, waar Nu Niet Zwanger begon: alle acht partijen uit de geboorteketen aan tafel.',
    partners: [
      { type: 'jgz', name: 'JGZ Hart van Brabant (demo)', organisation: 'jgz-tilburg' },
      { type: 'verloskunde', name: 'Verloskundigen Tilburg e.o. (demo)' },
      { type: 'kraamzorg', name: 'Kraamzorg Midden-Brabant (demo)' },
      { type: 'ziekenhuis', name: 'Ziekenhuis Tilburg, gynaecologie (demo)' },
      { type: 'huisarts', name: 'Huisartsenkring Tilburg (demo)' },
      { type: 'wijkteam', name: 'Sociale wijkteams Tilburg (demo)' },
      { type: 'zorgverzekeraar', name: 'Zorgverzekeraar Zuid (demo)' },
    ],
    agreements: [
      { subject: 'Prenataal huisbezoek door JGZ na verwijzing door de verloskundige, met toestemming van de zwangere', actionLine: 2, parties: [1, 2], start: '2022-07-01', review: '2024-07-01', status: 'in-uitvoering' },
      { subject: 'Kinderwensgesprek bij de huisarts voor vrouwen met een kwetsbare achtergrond', actionLine: 1, parties: [5, 0], start: '2021-01-01', review: '2023-12-31', status: 'geevalueerd' },
    ],
    goals: [{ nationalGoal: 6, description: 'Minder kinderbeschermingsmaatregelen bij kinderen tot 2 jaar', indicator: 'child_protection_0_2', baseline: [2021, 6.2], target: [2026, 5.0] }],
    plan: [{ intervention: 'stevig-ouderschap', reach: 80, funding: 'wpg-jgz', status: 'in-uitvoering' }],
    updates: [{ date: '2024-06-20', text: 'Stevig Ouderschap loopt in alle wijken; de wachttijd is verdwenen.', author: 'coordinator.tilburg' }],
    funding: [{ amount: 45000, start: '2021-01-01', end: '2021-12-31', purpose: 'Uitbreiding Stevig Ouderschap naar alle wijken', plan: [0], author: 'coordinator.tilburg' }],
  },
  {
    key: 'veenkolonien',
    name: 'Goede Start Veenkoloniën',
    status: 'in-oprichting',
    statusSince: '2020-03-01',
    lead: 'veendam',
    gemeenten: ['GM0047', 'GM0765', 'GM1895', 'GM0037', 'GM1952', 'GM1950'],
    description: 'Regionale coalitie van Veenkoloniale gemeenten rond groepszorg in zwangerschap en ouderschap.',
    partners: [
      { type: 'verloskunde', name: 'Verloskundigen Oost-Groningen (demo)' },
      { type: 'jgz', name: 'GGD Groningen, JGZ (demo)' },
      { type: 'zorgverzekeraar', name: 'Zorgverzekeraar Noord (demo)' },
    ],
    agreements: [],
    goals: [{ nationalGoal: 5, description: 'Meer ouders in kwetsbare situaties nemen deel aan groepszorg rond zwangerschap en ouderschap' }],
    plan: [{ intervention: 'centeringzwangerschap', reach: 120, funding: 'zvw', status: 'gepland' }],
    updates: [],
    funding: [{ amount: 80000, start: '2020-06-01', end: '2021-12-31', purpose: 'Regionale invoering van CenteringZwangerschap', plan: [0], author: 'coordinator.veenkolonien' }],
  },
  {
    key: 'utrecht',
    name: 'Utrechtse coalitie Eerste 1000 dagen',
    status: 'in-oprichting',
    statusSince: '2020-09-01',
    lead: 'utrecht',
    gemeenten: ['GM0344'],
    description: 'In oprichting: de gemeente brengt partijen bij elkaar.',
    partners: [],
    agreements: [],
    goals: [],
    plan: [],
    updates: [],
    funding: [],
  },
  {
    key: 'zwolle',
    name: 'Kansrijke Start Zwolle',
    status: 'verkennend',
    statusSince: '2021-02-01',
    lead: 'zwolle',
    gemeenten: ['GM0193'],
    description: 'Verkenning met de geboortezorg.',
    partners: [],
    agreements: [],
    goals: [],
    plan: [],
    updates: [],
    funding: [],
  },
];

async function insertOne(tx: Queryable, sql: string, params: (string | number | null | string[])[]): Promise<string> {
  const [row] = await tx.query<{ id: string }>(sql, params);
  return row!.id;
}

/**
 * Creates the demo organisations, accounts and coalitions on a database without them; on later
 * starts only re-sets the demo password when KANSRIJK_DEMO_PASSWORD changed. Returns the
 * password when it generated one (the caller prints it, once).
 */
export async function loadCoalitionDemo(db: Database, config: Pick<Config, 'demoPassword'>, progress: Progress = () => {}): Promise<{ created: boolean; generatedPassword?: string }> {
  const [existing] = await db.query<{ id: string; password_hash: string | null }>(`SELECT id, password_hash FROM app_user WHERE is_demo ORDER BY email LIMIT 1`);
  if (existing) {
    if (config.demoPassword && !(await verifyPassword(existing.password_hash, config.demoPassword))) {
      const hash = await hashPassword(config.demoPassword);
      await db.query('UPDATE app_user SET password_hash = $1, password_changed_at = now() WHERE is_demo', [hash]);
      await db.query('DELETE FROM auth_session WHERE user_id IN (SELECT id FROM app_user WHERE is_demo)');
      progress('demo accounts: password set from KANSRIJK_DEMO_PASSWORD');
    }
    return { created: false };
  }
  const password = config.demoPassword ?? generatePassword();
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(password)));
  const created = await db.transaction(async (tx) => {
    await lockSchema(tx);
    const [again] = await tx.query('SELECT 1 FROM app_user WHERE is_demo LIMIT 1');
    if (again) return false; // another app server did it meanwhile
    const org = new Map<string, string>();
    for (const o of ORGANISATIONS) {
      org.set(o.key, await insertOne(tx, 'INSERT INTO organisation (name, type, area_code, is_demo) VALUES ($1, $2, $3, true) RETURNING id', [o.name, o.type, o.area ?? null]));
    }
    const user = new Map<string, string>();
    for (const [k, a] of DEMO_ACCOUNTS.entries()) {
      const id = await insertOne(tx, 'INSERT INTO app_user (email, name, role, organisation_id, password_hash, is_demo, password_changed_at) VALUES ($1, $2, $3, $4, $5, true, now()) RETURNING id', [
        a.email,
        a.name,
        a.role,
        org.get(a.organisation)!,
        hashes[k]!,
      ]);
      user.set(a.email.split('@')[0]!, id);
    }
    for (const c of COALITIONS) {
      const leadOrg = ORGANISATIONS.find((o) => o.key === c.lead)!;
      const coalitionId = await insertOne(tx, 'INSERT INTO coalition (name, status, status_since, description, lead_organisation_id, is_demo) VALUES ($1, $2, $3, $4, $5, true) RETURNING id', [
        c.name,
        c.status,
        c.statusSince,
        c.description,
        org.get(c.lead)!,
      ]);
      await tx.query('INSERT INTO coalition_area (coalition_id, area_code) SELECT $1, unnest($2::text[])', [coalitionId, c.gemeenten]);
      const partnerIds: string[] = [];
      for (const p of [{ type: leadOrg.type, name: leadOrg.name, organisation: c.lead, joinedOn: c.statusSince }, ...c.partners]) {
        partnerIds.push(
          await insertOne(tx, 'INSERT INTO coalition_partner (coalition_id, partner_type, name, organisation_id, joined_on) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
            coalitionId,
            p.type,
            p.name,
            p.organisation ? org.get(p.organisation)! : null,
            p.joinedOn ?? null,
          ]),
        );
      }
      for (const a of c.agreements) {
        const agreementId = await insertOne(tx, 'INSERT INTO chain_agreement (coalition_id, subject, action_line, start_date, review_date, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [
          coalitionId,
          a.subject,
          a.actionLine,
          a.start,
          a.review,
          a.status,
        ]);
        await tx.query('INSERT INTO chain_agreement_party (agreement_id, coalition_id, partner_id) SELECT $1, $2, unnest($3::uuid[])', [agreementId, coalitionId, a.parties.map((i) => partnerIds[i]!)]);
      }
      const goalIds: string[] = [];
      for (const g of c.goals) {
        goalIds.push(
          await insertOne(tx, 'INSERT INTO local_goal (coalition_id, national_goal, description, indicator_id, baseline_year, baseline_value, target_year, target_value) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id', [
            coalitionId,
            g.nationalGoal,
            g.description,
            g.indicator ?? null,
            g.baseline?.[0] ?? null,
            g.baseline?.[1] ?? null,
            g.target?.[0] ?? null,
            g.target?.[1] ?? null,
          ]),
        );
      }
      const planIds: string[] = [];
      for (const p of c.plan) {
        planIds.push(
          await insertOne(tx, 'INSERT INTO plan_item (coalition_id, intervention_id, title, target_reach, funding_route, status, local_goal_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id', [
            coalitionId,
            p.intervention ?? null,
            p.title ?? null,
            p.reach ?? null,
            p.funding ?? null,
            p.status,
            goalIds[0] ?? null,
          ]),
        );
      }
      for (const u of c.updates) {
        await tx.query('INSERT INTO progress_update (coalition_id, update_date, body, author_user_id) VALUES ($1, $2, $3, $4)', [coalitionId, u.date, u.text, user.get(u.author)!]);
      }
      for (const f of c.funding) {
        const d = f.decision;
        const applicationId = await insertOne(
          tx,
          `INSERT INTO funding_application (coalition_id, amount_cents, period_start, period_end, purpose, status, submitted_by, submitted_at, decided_by, decided_at, decision_reason, granted_amount_cents, budget_line_id, budget_year)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $3::date - 30, $8, CASE WHEN $8::uuid IS NULL THEN NULL ELSE $3::date - 5 END, $9, $10, $11, $12) RETURNING id`,
          [
            coalitionId,
            f.amount * 100,
            f.start,
            f.end,
            f.purpose,
            d?.status ?? 'ingediend',
            user.get(f.author)!,
            d ? user.get('programma')! : null,
            d?.reason ?? null,
            d?.status === 'goedgekeurd' ? f.amount * 100 : null,
            d?.line ?? null,
            d?.year ?? null,
          ],
        );
        await tx.query('INSERT INTO funding_application_item (application_id, coalition_id, plan_item_id) SELECT $1, $2, unnest($3::uuid[])', [applicationId, coalitionId, f.plan.map((i) => planIds[i]!)]);
      }
    }
    await recordAudit(tx, { requestId: 'startup', actor: undefined, address: undefined }, { action: 'create', resourceType: 'demo-data', detail: { organisations: ORGANISATIONS.length, accounts: DEMO_ACCOUNTS.length, coalitions: COALITIONS.length } });
    return true;
  });
  if (!created) return { created: false };
  progress(`demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
  if (!config.demoPassword) {
    progress(`demo password (shown once; set KANSRIJK_DEMO_PASSWORD to choose your own): ${password}`);
    return { created: true, generatedPassword: password };
  }
  progress('demo password: the one in KANSRIJK_DEMO_PASSWORD');
  return { created: true };
}
