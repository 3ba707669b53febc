// Types of the account-management and audit-trail API (/api/v1/users, /organisations,
// /audit-events), mirroring src/auth/accounts.ts (userView, organisationView), src/auth/policy.ts
// (roles, organisation types, which role fits which organisation) and src/audit/audit-routes.ts.

export const ROLES = ['programma', 'gemeente', 'partner', 'professional', 'jgz'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_TYPES = ['gemeente', 'jgz', 'verloskunde', 'ziekenhuis', 'kraamzorg', 'zorgverzekeraar', 'wijkteam', 'huisarts', 'programmateam', 'overig'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Which roles an account in an organisation of a type can have (the API checks it too). */
export const ROLE_ORGANISATION_TYPES: Record<Role, readonly OrganisationType[]> = {
  programma: ['programmateam'],
  gemeente: ['gemeente'],
  partner: ['gemeente', 'jgz', 'verloskunde', 'ziekenhuis', 'kraamzorg', 'zorgverzekeraar', 'wijkteam', 'huisarts', 'overig'],
  professional: ['jgz', 'verloskunde', 'ziekenhuis', 'kraamzorg', 'wijkteam', 'huisarts'],
  jgz: ['jgz'],
};

/** The roles an account of an organisation of this type may have (all roles when the type is not known). */
export function rolesFor(type: string | undefined): Role[] {
  return type ? ROLES.filter((r) => ROLE_ORGANISATION_TYPES[r].includes(type as OrganisationType)) : [...ROLES];
}

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  area: { code: string; name: string | null } | null;
  oidcProvider: string | null;
}

export interface UserAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'disabled';
  organisation: { id: string; name: string; type: OrganisationType };
  signIn: { password: boolean; oidc: boolean };
  createdAt: string;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failure'];

/** The actions the platform records (src/auth/policy.ts ACTIONS plus those of signing in and out). */
export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'withdraw', 'decide', 'export', 'login', 'logout', 'logout-everywhere', 'change-password'] as const;

/** The resource types in the trail (src/auth/policy.ts RESOURCE_TYPES, and the demo data). */
export const AUDIT_RESOURCE_TYPES = [
  'account',
  'user',
  'organisation',
  'coalition',
  'coalition-coverage',
  'coalition-partner',
  'chain-agreement',
  'local-goal',
  'plan-item',
  'progress-update',
  'funding-application',
  'funding-overview',
  'national-overview',
  'audit-event',
  'demo-data',
] as const;

export interface AuditEvent {
  id: number;
  at: string;
  requestId: string | null;
  actor: { id: string; email: string | null; name: string | null; role: string | null } | null;
  onBehalfOf: { id: string; name: string | null } | null;
  authMethod: string | null;
  action: string;
  resource: { type: string; id: string | null };
  coalitionId: string | null;
  outcome: AuditOutcome;
  sourceAddress: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  events: AuditEvent[];
  nextBefore: number | null;
}
