// Organisations and user accounts: storage and presenters. Who may manage them is the policy's
// business (src/auth/policy.ts); the rules here are about consistency: a role fits its
// organisation's type, a gemeente organisation belongs to a gemeente, an e-mail address is one
// account.

import type { Queryable } from '../platform/db.ts';
import { HttpError, badRequest } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { ROLE_ORGANISATION_TYPES, permissionsOf, type OrganisationType, type Role } from './policy.ts';

export const conflict = (message: string, field?: string) => new HttpError(409, 'conflict', message, field);

export interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  area_code: string | null;
  area_name: string | null;
  oidc_provider: string | null;
}

const ORGANISATION_SELECT = `SELECT o.id, o.name, o.type, o.area_code, a.name AS area_name, o.oidc_provider FROM organisation o LEFT JOIN area a ON a.code = o.area_code`;

export async function listOrganisations(db: Queryable, type?: string): Promise<OrganisationRow[]> {
  return type
    ? db.query<OrganisationRow>(`${ORGANISATION_SELECT} WHERE o.type = $1 ORDER BY o.name, o.id`, [type])
    : db.query<OrganisationRow>(`${ORGANISATION_SELECT} ORDER BY o.name, o.id`);
}

export async function findOrganisation(db: Queryable, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.query<OrganisationRow>(`${ORGANISATION_SELECT} WHERE o.id = $1`, [id]);
  return row;
}

export function organisationView(o: OrganisationRow) {
  return { id: o.id, name: o.name, type: o.type, area: o.area_code ? { code: o.area_code, name: o.area_name } : null, oidcProvider: o.oidc_provider };
}

/** Checks an organisation's area: a gemeente organisation needs a gemeente (and only one organisation per gemeente). */
export async function checkOrganisationArea(db: Queryable, type: OrganisationType, areaCode: string | null | undefined, exceptId?: string): Promise<void> {
  if (type === 'gemeente' && !areaCode) throw badRequest("field 'areaCode': a gemeente organisation needs its gemeente code (GM…)", 'areaCode');
  if (!areaCode) return;
  const [area] = await db.query<{ level: string }>('SELECT level FROM area WHERE code = $1', [areaCode]);
  if (!area) throw badRequest(`field 'areaCode': unknown area '${areaCode}'`, 'areaCode');
  if (type === 'gemeente') {
    if (area.level !== 'gemeente') throw badRequest(`field 'areaCode': '${areaCode}' is not a gemeente`, 'areaCode');
    const [other] = await db.query<{ id: string }>(`SELECT id FROM organisation WHERE type = 'gemeente' AND area_code = $1 AND id <> $2::uuid`, [areaCode, exceptId ?? '00000000-0000-0000-0000-000000000000']);
    if (other) throw conflict(`gemeente ${areaCode} already has an organisation`, 'areaCode');
  }
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'disabled';
  organisation_id: string;
  organisation_name: string;
  organisation_type: OrganisationType;
  has_password: boolean;
  oidc_links: number;
  created_at: Date;
}

const USER_SELECT = `SELECT u.id, u.email, u.name, u.role, u.status, u.organisation_id, o.name AS organisation_name, o.type AS organisation_type,
  u.password_hash IS NOT NULL AS has_password, (SELECT count(*)::int FROM user_identity i WHERE i.user_id = u.id) AS oidc_links, u.created_at
  FROM app_user u JOIN organisation o ON o.id = u.organisation_id`;

export async function listUsers(db: Queryable, filter: { organisation?: string | undefined; role?: string | undefined }): Promise<UserRow[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.organisation) where.push(`u.organisation_id = $${params.push(filter.organisation)}`);
  if (filter.role) where.push(`u.role = $${params.push(filter.role)}`);
  return db.query<UserRow>(`${USER_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.name, u.name, u.id`, params);
}

export async function findUser(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [id]);
  return row;
}

export function userView(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    organisation: { id: u.organisation_id, name: u.organisation_name, type: u.organisation_type },
    signIn: { password: u.has_password, oidc: u.oidc_links > 0 },
    createdAt: new Date(u.created_at).toISOString(),
  };
}

export function checkRoleFits(role: Role, type: OrganisationType): void {
  if (!ROLE_ORGANISATION_TYPES[role].includes(type)) {
    throw badRequest(`field 'role': role '${role}' does not fit an organisation of type '${type}' (allowed: ${ROLE_ORGANISATION_TYPES[role].join(', ')})`, 'role');
  }
}

/** What the web app learns about the signed-in user: who, for which organisation, and what they may do. */
export function sessionView(actor: Actor) {
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.role },
    organisation: { id: actor.organisationId, name: actor.organisationName, type: actor.organisationType, area: actor.organisationArea },
    coalitions: [...actor.coalitionIds].sort(),
    authMethod: actor.authMethod,
    permissions: permissionsOf(actor.role),
  };
}
