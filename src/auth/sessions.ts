// Server-side sessions in the database, so that any app server behind a load balancer can
// serve any request. The cookie carries 256 random bits; the database keeps only their SHA-256.
// A session ends after `sessionIdleMinutes` without requests and at the latest after
// `sessionAbsoluteHours`; signing in always starts a new session (no fixation), signing out
// deletes it, "sign out everywhere" deletes all of the user's sessions.

import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../platform/config.ts';
import type { Queryable } from '../platform/db.ts';
import type { Actor } from './actor.ts';
import type { OrganisationType, Role } from './policy.ts';

export function sessionCookieName(config: Pick<Config, 'cookieSecure'>): string {
  // __Host-: the browser accepts it only with Secure, Path=/ and no Domain, so a sibling
  // subdomain cannot plant or overwrite it.
  return config.cookieSecure ? '__Host-kansrijk_session' : 'kansrijk_session';
}

export function csrfCookieName(config: Pick<Config, 'cookieSecure'>): string {
  return config.cookieSecure ? '__Host-kansrijk_csrf' : 'kansrijk_csrf';
}

export function sessionCookieOptions(config: Pick<Config, 'cookieSecure'>) {
  // Lax, not Strict: a link from an e-mail, or the return from the organisation's identity
  // provider, arrives signed in. Changing requests need the CSRF token besides.
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure };
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export type SessionSettings = Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

/** Starts a session; returns the token for the cookie. */
export async function createSession(tx: Queryable, userId: string, method: 'password' | 'oidc', settings: SessionSettings): Promise<{ token: string; idHash: string }> {
  const token = newToken();
  const idHash = hashToken(token);
  await tx.query(
    `INSERT INTO auth_session (id_hash, user_id, method, idle_expires_at, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4), now() + make_interval(hours => $5))`,
    [idHash, userId, method, settings.sessionIdleMinutes, settings.sessionAbsoluteHours],
  );
  // Housekeeping on the way: sessions that ended no longer need their row.
  await tx.query('DELETE FROM auth_session WHERE expires_at < now() OR idle_expires_at < now()');
  return { token, idHash };
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('DELETE FROM auth_session WHERE id_hash = $1', [idHash]);
}

/** Ends every session of a user (or every other one). Returns how many ended. */
export async function deleteUserSessions(db: Queryable, userId: string, exceptIdHash?: string): Promise<number> {
  const rows = await db.query<{ id_hash: string }>('DELETE FROM auth_session WHERE user_id = $1 AND id_hash <> $2 RETURNING id_hash', [userId, exceptIdHash ?? '']);
  return rows.length;
}

interface SessionRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string;
  organisation_name: string;
  organisation_type: OrganisationType;
  organisation_area: string | null;
  method: 'password' | 'oidc';
  coalition_ids: string[] | null;
  stale: boolean;
}

/**
 * The actor of a session token, or undefined when the session is unknown, ended or its account
 * disabled. Moves the idle deadline on (at most once a minute, to keep reads from writing).
 */
export async function actorOfSession(db: Queryable, token: string, settings: SessionSettings): Promise<Actor | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const idHash = hashToken(token);
  const [row] = await db.query<SessionRow>(
    `SELECT s.user_id, u.email, u.name, u.role, u.organisation_id, o.name AS organisation_name, o.type AS organisation_type,
            o.area_code AS organisation_area, s.method,
            ARRAY(SELECT DISTINCT p.coalition_id::text FROM coalition_partner p WHERE p.organisation_id = u.organisation_id) AS coalition_ids,
            s.last_seen_at < now() - interval '1 minute' AS stale
     FROM auth_session s JOIN app_user u ON u.id = s.user_id JOIN organisation o ON o.id = u.organisation_id
     WHERE s.id_hash = $1 AND s.expires_at > now() AND s.idle_expires_at > now() AND u.status = 'active'`,
    [idHash],
  );
  if (!row) return undefined;
  if (row.stale) {
    await db.query(
      `UPDATE auth_session SET last_seen_at = now(), idle_expires_at = LEAST(expires_at, now() + make_interval(mins => $2)) WHERE id_hash = $1`,
      [idHash, settings.sessionIdleMinutes],
    );
  }
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationType: row.organisation_type,
    organisationArea: row.organisation_area,
    coalitionIds: new Set(row.coalition_ids ?? []),
    sessionIdHash: idHash,
    authMethod: row.method,
  };
}

/** A secret shared by all app servers, created at first use (e.g. the CSRF binding key). */
export async function serverSecret(db: Queryable, name: string): Promise<string> {
  await db.query('INSERT INTO server_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32).toString('base64url')]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_secret WHERE name = $1', [name]);
  if (!row) throw new Error(`server secret ${name} missing`);
  return row.value;
}
