// Demo accounts: one for every role, created once; the password comes from
// KANSRIJK_DEMO_PASSWORD or is generated and shown once — never written in the code.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db.ts';
import { migrate } from '../../src/platform/migrations.ts';
import { seedCatalogue } from '../../src/atlas/atlas-store.ts';
import { DEMO_ACCOUNTS, loadCoalitionDemo } from '../../src/coalities/demo.ts';
import { verifyPassword } from '../../src/auth/passwords.ts';
import { ROLES } from '../../src/auth/policy.ts';

describe('demo accounts', () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('has an account for every role, documented in the README', () => {
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(ROLES));
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const account of DEMO_ACCOUNTS) expect(readme).toContain(account.email);
  });

  it('generates a password at first start, shows it once, and never again', async () => {
    db = await openDatabase({});
    await migrate(db);
    await seedCatalogue(db);
    const messages: string[] = [];
    const first = await loadCoalitionDemo(db, { demoPassword: undefined }, (m) => messages.push(m));
    expect(first.created).toBe(true);
    const password = first.generatedPassword!;
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(messages.filter((m) => m.includes(password))).toHaveLength(1);
    const hashes = await db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE is_demo');
    expect(hashes).toHaveLength(DEMO_ACCOUNTS.length);
    for (const h of hashes) expect(await verifyPassword(h.password_hash, password)).toBe(true);
    const again: string[] = [];
    expect((await loadCoalitionDemo(db, { demoPassword: undefined }, (m) => again.push(m))).created).toBe(false);
    expect(again.join('\n')).not.toContain(password);
    // KANSRIJK_DEMO_PASSWORD set later: the demo accounts take it.
    await loadCoalitionDemo(db, { demoPassword: 'chosen-by-the-admin' });
    const [h] = await db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE is_demo LIMIT 1');
    expect(await verifyPassword(h!.password_hash, 'chosen-by-the-admin')).toBe(true);
    expect(await verifyPassword(h!.password_hash, password)).toBe(false);
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM coalition WHERE is_demo')) as [{ n: number }];
    expect(n).toBe(5);
  });

  it('keeps no password in the code', () => {
    const source = readFileSync(new URL('../../src/coalities/demo.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/password\s*[:=]\s*['"`]/i);
  });
});
