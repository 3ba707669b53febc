// Sign-in throttling, counted in the database so that it holds however many app servers there
// are: failed attempts per account (the e-mail address as typed, whether or not an account
// exists, so the answer tells nothing) and per client address, over a sliding window. Both are
// stored as hashes: the table never holds typed e-mail addresses.

import { createHash } from 'node:crypto';
import type { Config } from '../platform/config.ts';
import type { Queryable } from '../platform/db.ts';

type Limits = Config['loginLimits'];
type Kind = 'account' | 'address';

const keyHash = (kind: Kind, value: string) => createHash('sha256').update(`${kind}:${value}`).digest('base64url');

export interface ThrottleState {
  blocked: boolean;
  /** Seconds until the oldest counted failure leaves the window. */
  retryAfterSeconds: number;
  reason?: Kind;
}

export async function loginThrottle(db: Queryable, email: string, address: string, limits: Limits): Promise<ThrottleState> {
  const rows = await db.query<{ key_kind: Kind; failures: number; oldest: number }>(
    `SELECT key_kind, count(*)::int AS failures,
            extract(epoch FROM (min(at) + make_interval(mins => $3) - now()))::float8 AS oldest
     FROM login_failure
     WHERE ((key_kind = 'account' AND key_hash = $1) OR (key_kind = 'address' AND key_hash = $2))
       AND at > now() - make_interval(mins => $3)
     GROUP BY key_kind`,
    [keyHash('account', email), keyHash('address', address), limits.windowMinutes],
  );
  for (const row of rows) {
    const limit = row.key_kind === 'account' ? limits.accountFailures : limits.addressFailures;
    if (row.failures >= limit) return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(row.oldest)), reason: row.key_kind };
  }
  return { blocked: false, retryAfterSeconds: 0 };
}

export async function recordLoginFailure(db: Queryable, email: string, address: string, limits: Limits): Promise<void> {
  await db.query(`INSERT INTO login_failure (key_kind, key_hash) VALUES ('account', $1), ('address', $2)`, [keyHash('account', email), keyHash('address', address)]);
  // Rows older than the window count for nothing any more.
  await db.query(`DELETE FROM login_failure WHERE at < now() - make_interval(mins => $1)`, [limits.windowMinutes]);
}

/** After a successful sign-in the account's count starts again (the address's does not). */
export async function clearAccountFailures(db: Queryable, email: string): Promise<void> {
  await db.query(`DELETE FROM login_failure WHERE key_kind = 'account' AND key_hash = $1`, [keyHash('account', email)]);
}
