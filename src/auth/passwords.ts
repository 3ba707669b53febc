// Passwords: argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane; ~70 ms a hash here),
// a length rule and nothing else (no composition rules, as NIST SP 800-63B advises).

import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length; a cap keeps one request from costing much more than another. */
export const PASSWORD_MAX_LENGTH = 200;

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 hashes with argon2id unless told otherwise (test/auth/passwords.test.ts checks the PHC string).
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a hash (unknown account, or an account that
 * signs in only through OIDC) it still runs one verification against a throwaway hash, so the
 * answer takes as long as for a real account: timing does not tell whether an account exists.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  if (!stored) {
    dummyHash ??= hash(generatePassword(), OPTIONS);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 20 characters without look-alikes (about 115 bits). */
export function generatePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
