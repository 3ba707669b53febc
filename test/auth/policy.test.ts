// The access policy as a pure function, and the promise that docs/security.md shows the very
// table the code enforces.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorize, mayEver, permissionsOf, policyTableMarkdown, POLICY, ROLES, ROLE_ORGANISATION_TYPES, type Role } from '../../src/auth/policy.ts';
import type { Actor } from '../../src/auth/actor.ts';

const actor = (role: Role, coalitions: string[] = ['c1'], organisationId = 'o1', userId = 'u1'): Actor => ({
  userId,
  email: `${role}@x`,
  name: role,
  role,
  organisationId,
  organisationName: 'Org',
  organisationType: ROLE_ORGANISATION_TYPES[role][0]!,
  organisationArea: null,
  coalitionIds: new Set(coalitions),
  sessionIdHash: 'h',
  authMethod: 'password',
});

describe('access policy', () => {
  it('refuses what it does not name', () => {
    for (const role of ROLES) expect(authorize(actor(role), 'delete', { type: 'audit-event' }).allowed).toBe(false);
    expect(authorize(undefined, 'read', { type: 'coalition', coalitionId: 'c1' }).allowed).toBe(false);
    expect(authorize(undefined, 'read', { type: 'national-overview' }).allowed).toBe(true);
  });

  it('scopes coalition work to the actor’s own coalitions', () => {
    expect(authorize(actor('gemeente'), 'update', { type: 'plan-item', coalitionId: 'c1' }).allowed).toBe(true);
    expect(authorize(actor('gemeente'), 'update', { type: 'plan-item', coalitionId: 'c2' }).allowed).toBe(false);
    expect(authorize(actor('gemeente'), 'update', { type: 'plan-item' }).allowed).toBe(false); // no coalition named: no
    expect(authorize(actor('partner'), 'create', { type: 'chain-agreement', coalitionId: 'c1' }).allowed).toBe(true);
    expect(authorize(actor('partner'), 'delete', { type: 'chain-agreement', coalitionId: 'c1' }).allowed).toBe(false);
    expect(authorize(actor('professional'), 'read', { type: 'coalition', coalitionId: 'c1' }).allowed).toBe(true);
    expect(authorize(actor('professional'), 'read', { type: 'funding-application', coalitionId: 'c1' }).allowed).toBe(false);
    expect(authorize(actor('programma', []), 'read', { type: 'coalition', coalitionId: 'c9' }).allowed).toBe(true);
    expect(authorize(actor('programma', []), 'create', { type: 'plan-item', coalitionId: 'c9' }).allowed).toBe(false);
  });

  it('scopes a new coalition to the own organisation and an account to oneself', () => {
    expect(authorize(actor('gemeente'), 'create', { type: 'coalition', organisationId: 'o1' }).allowed).toBe(true);
    expect(authorize(actor('gemeente'), 'create', { type: 'coalition', organisationId: 'o2' }).allowed).toBe(false);
    expect(authorize(actor('jgz'), 'update', { type: 'account', userId: 'u1' }).allowed).toBe(true);
    expect(authorize(actor('jgz'), 'update', { type: 'account', userId: 'u2' }).allowed).toBe(false);
    expect(mayEver(actor('professional'), 'create', 'plan-item')).toBe(false);
    expect(mayEver(actor('gemeente'), 'create', 'plan-item')).toBe(true);
  });

  it('tells each role what it may do', () => {
    expect(permissionsOf('professional')).toContainEqual({ resource: 'coalition', action: 'read', scope: 'own-coalition' });
    expect(permissionsOf('professional').some((p) => p.action !== 'read' && p.resource !== 'account')).toBe(false);
  });

  it('is the table in docs/security.md', () => {
    const docs = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    expect(docs).toContain(policyTableMarkdown());
    expect(POLICY.length).toBeGreaterThan(20);
  });
});
