// Who is acting: the signed-in user as the access policy and the audit trail see them.

import type { OrganisationType, Role } from './policy.ts';

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  /** The gemeente (GM code) of a gemeente organisation, else its area or null. */
  organisationArea: string | null;
  /** Coalitions the actor's organisation is a partner in: "own coalition" in the policy. */
  coalitionIds: ReadonlySet<string>;
  /** SHA-256 of the session token: binds CSRF tokens to this session. */
  sessionIdHash: string;
  authMethod: 'password' | 'oidc';
}
