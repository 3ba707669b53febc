// The access policy, as data: one table of rules "role may do action to resource type within
// scope". Every route asks `authorize(actor, action, resource)`; nothing else grants access.
// Anything not in the table is refused. docs/security.md shows the same table (a test keeps the
// two equal), and test/auth/access-matrix.test.ts checks every endpoint against every role.

import type { Actor } from './actor.ts';

export const ROLES = ['programma', 'gemeente', 'partner', 'professional', 'jgz'] as const;
export type Role = (typeof ROLES)[number];

/** Organisation types: the eight partner types of a coalition, the programme team, and others. */
export const ORGANISATION_TYPES = ['gemeente', 'jgz', 'verloskunde', 'ziekenhuis', 'kraamzorg', 'zorgverzekeraar', 'wijkteam', 'huisarts', 'programmateam', 'overig'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Which roles an account in an organisation of a type can have. */
export const ROLE_ORGANISATION_TYPES: Record<Role, readonly OrganisationType[]> = {
  programma: ['programmateam'],
  gemeente: ['gemeente'],
  partner: ['gemeente', 'jgz', 'verloskunde', 'ziekenhuis', 'kraamzorg', 'zorgverzekeraar', 'wijkteam', 'huisarts', 'overig'],
  professional: ['jgz', 'verloskunde', 'ziekenhuis', 'kraamzorg', 'wijkteam', 'huisarts'],
  jgz: ['jgz'],
};

export const RESOURCE_TYPES = [
  'national-overview',
  'account',
  'organisation',
  'user',
  'coalition',
  'coalition-coverage',
  'coalition-partner',
  'chain-agreement',
  'local-goal',
  'plan-item',
  'progress-update',
  'funding-application',
  'funding-overview',
  'audit-event',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete', 'withdraw', 'decide', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * - `public`: anyone, signed in or not.
 * - `any`: every resource of the type.
 * - `own-organisation`: resources of the actor's organisation (e.g. a coalition it leads).
 * - `own-coalition`: resources of a coalition the actor's organisation is a partner in.
 * - `self`: the actor's own account.
 */
export const SCOPES = ['public', 'any', 'own-organisation', 'own-coalition', 'self'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Rule {
  role: Role | 'public';
  resource: ResourceType;
  actions: readonly Action[];
  scope: Scope;
}

const WORKING_DATA = ['coalition-partner', 'chain-agreement', 'local-goal', 'plan-item'] as const;
const CUD = ['create', 'update', 'delete'] as const;

/** The policy. Read it as a table; keep it short and obvious. */
export const POLICY: readonly Rule[] = [
  // Public: the national overview (status per gemeente, counts, coverage) and the vocabulary.
  { role: 'public', resource: 'national-overview', actions: ['read'], scope: 'public' },

  // Everybody signed in: their own account, and the list of organisations (names of public bodies and care providers).
  ...ROLES.map((role) => ({ role, resource: 'account' as const, actions: ['read', 'update'] as const, scope: 'self' as const })),
  ...ROLES.map((role) => ({ role, resource: 'organisation' as const, actions: ['read'] as const, scope: 'any' as const })),

  // Programme team: registers coalitions and accounts, monitors every coalition, decides on
  // funding, reads the audit trail. It does not write a coalition's own working data.
  { role: 'programma', resource: 'organisation', actions: ['create', 'update'], scope: 'any' },
  { role: 'programma', resource: 'user', actions: ['read', 'create', 'update'], scope: 'any' },
  { role: 'programma', resource: 'coalition', actions: ['create', 'read', 'update'], scope: 'any' },
  { role: 'programma', resource: 'coalition-coverage', actions: ['update'], scope: 'any' },
  { role: 'programma', resource: 'funding-application', actions: ['read', 'decide'], scope: 'any' },
  { role: 'programma', resource: 'funding-overview', actions: ['read'], scope: 'any' },
  { role: 'programma', resource: 'audit-event', actions: ['read', 'export'], scope: 'any' },

  // Gemeente (policy officer, coalition coordinator): runs its own coalition.
  { role: 'gemeente', resource: 'coalition', actions: ['create'], scope: 'own-organisation' },
  { role: 'gemeente', resource: 'coalition', actions: ['read', 'update'], scope: 'own-coalition' },
  // A gemeente puts only itself in a coalition: a regional coalition grows as each neighbour,
  // once linked as a partner, adds its own gemeente. Nobody claims another gemeente unasked.
  { role: 'gemeente', resource: 'coalition-coverage', actions: ['update'], scope: 'own-organisation' },
  ...WORKING_DATA.map((resource) => ({ role: 'gemeente' as const, resource, actions: CUD, scope: 'own-coalition' as const })),
  { role: 'gemeente', resource: 'progress-update', actions: ['create'], scope: 'own-coalition' },
  { role: 'gemeente', resource: 'funding-application', actions: ['create', 'read', 'withdraw'], scope: 'own-coalition' },

  // Partner organisations and JGZ: read their coalition, make chain agreements, report progress.
  ...(['partner', 'jgz'] as const).flatMap((role) => [
    { role, resource: 'coalition' as const, actions: ['read'] as const, scope: 'own-coalition' as const },
    { role, resource: 'chain-agreement' as const, actions: ['create', 'update'] as const, scope: 'own-coalition' as const },
    { role, resource: 'progress-update' as const, actions: ['create'] as const, scope: 'own-coalition' as const },
    { role, resource: 'funding-application' as const, actions: ['read'] as const, scope: 'own-coalition' as const },
  ]),

  // Professionals: read the agreements and plan of their coalition.
  { role: 'professional', resource: 'coalition', actions: ['read'], scope: 'own-coalition' },
];

/** What a check is about: the type and what places it in a scope. */
export interface Resource {
  type: ResourceType;
  id?: string;
  /** The coalition the resource belongs to (for a coalition: its own id). */
  coalitionId?: string;
  /** The organisation that owns it (for a new coalition: its lead organisation). */
  organisationId?: string;
  /** The account it is (for `account`). */
  userId?: string;
}

export interface Decision {
  allowed: boolean;
  /** The rule that allowed it. */
  rule?: Rule;
}

function inScope(scope: Scope, actor: Actor | undefined, resource: Resource): boolean {
  switch (scope) {
    case 'public':
      return true;
    case 'any':
      return actor !== undefined;
    case 'own-organisation':
      return actor !== undefined && resource.organisationId !== undefined && resource.organisationId === actor.organisationId;
    case 'own-coalition':
      return actor !== undefined && resource.coalitionId !== undefined && actor.coalitionIds.has(resource.coalitionId);
    case 'self':
      return actor !== undefined && resource.userId !== undefined && resource.userId === actor.userId;
  }
}

function rulesFor(actor: Actor | undefined, action: Action, type: ResourceType): Rule[] {
  return POLICY.filter((r) => (r.role === 'public' || r.role === actor?.role) && r.resource === type && r.actions.includes(action));
}

/** May the actor (undefined: not signed in) do this to this resource? */
export function authorize(actor: Actor | undefined, action: Action, resource: Resource): Decision {
  for (const rule of rulesFor(actor, action, resource.type)) {
    if (inScope(rule.scope, actor, resource)) return { allowed: true, rule };
  }
  return { allowed: false };
}

/** The cheap first check, before anything is loaded: could this actor do this to any resource of the type? */
export function mayEver(actor: Actor | undefined, action: Action, type: ResourceType): boolean {
  return rulesFor(actor, action, type).length > 0;
}

/** The rules of one role (and the public ones), for the session answer: screens show only what may be done. */
export function permissionsOf(role: Role): { resource: ResourceType; action: Action; scope: Scope }[] {
  return POLICY.filter((r) => r.role === role || r.role === 'public').flatMap((r) => r.actions.map((action) => ({ resource: r.resource, action, scope: r.scope })));
}

/** The policy as a Markdown table (resource × role), as docs/security.md shows it. */
export function policyTableMarkdown(): string {
  const columns = ['public', ...ROLES] as const;
  const lines = [`| resource | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`];
  for (const resource of RESOURCE_TYPES) {
    const cells = columns.map((role) => {
      const rules = POLICY.filter((r) => r.role === role && r.resource === resource);
      return rules.map((r) => `${r.actions.join(', ')} (${r.scope})`).join('; ') || '—';
    });
    lines.push(`| ${resource} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
