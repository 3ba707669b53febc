// Sign-in through an organisation's own identity provider (OpenID Connect, authorization-code
// flow with PKCE, state and nonce). The flow's secrets wait in the database (any app server can
// finish what another started), keyed by the hash of a cookie that binds them to this browser,
// and are used once.
//
// Who may sign in this way: an account already linked to the provider's subject, or, the first
// time, an active account with the same e-mail address (verified by the provider) in an
// organisation that is set to use this provider (organisation.oidc_provider). Nobody else:
// accounts are never created from a provider's word alone.

import * as client from 'openid-client';
import type { OidcSettings } from '../platform/config.ts';
import type { Queryable } from '../platform/db.ts';
import { hashToken, newToken } from './sessions.ts';

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  returnTo: string;
}

const FLOW_MINUTES = 10;

/** Only a path on this site: no other host, no protocol-relative //, no backslashes. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s\\]{0,500}$/.test(value) ? value : '/nl';
}

export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  /** The provider's configuration, discovered once (again after a failure). */
  private async config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, this.settings.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** Starts a sign-in: the provider's URL to send the browser to, and the flow cookie's value. */
  async start(db: Queryable, returnTo: string): Promise<{ url: URL; flowToken: string }> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const flowToken = newToken();
    await db.query(
      `INSERT INTO oidc_login_state (id_hash, provider, state, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
      [hashToken(flowToken), this.settings.id, state, nonce, codeVerifier, safeReturnPath(returnTo), FLOW_MINUTES],
    );
    await db.query('DELETE FROM oidc_login_state WHERE expires_at < now()');
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, flowToken };
  }

  /** Finishes a sign-in from the provider's redirect: checks state, nonce and PKCE, exchanges the code. */
  async finish(db: Queryable, flowToken: string | undefined, query: Record<string, unknown>): Promise<OidcIdentity> {
    if (!flowToken) throw new Error('no sign-in in progress in this browser');
    const [flow] = await db.query<{ state: string; nonce: string; code_verifier: string; return_to: string }>(
      `DELETE FROM oidc_login_state WHERE id_hash = $1 AND provider = $2 AND expires_at > now() RETURNING state, nonce, code_verifier, return_to`,
      [hashToken(flowToken), this.settings.id],
    );
    if (!flow) throw new Error('sign-in expired or already used');
    const config = await this.config();
    // The callback URL as registered, with the provider's answer: never built from the Host header.
    const current = new URL(this.settings.redirectUri);
    for (const [key, value] of Object.entries(query)) if (typeof value === 'string') current.searchParams.set(key, value);
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider sent no ID token');
    // Many providers put e-mail only in the UserInfo answer (the ID token then holds just the
    // subject): ask there, for the same subject.
    let email: unknown = claims.email;
    let emailVerified: unknown = claims.email_verified;
    if (email === undefined) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email;
      emailVerified = info.email_verified;
    }
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof email === 'string' ? email.toLowerCase() : undefined,
      emailVerified: emailVerified === true,
      returnTo: flow.return_to,
    };
  }
}

/** The account for a provider identity (linking it on first use, see the top of this file), or undefined. */
export async function accountForIdentity(tx: Queryable, providerId: string, identity: OidcIdentity): Promise<string | undefined> {
  // A linked identity signs in only while the account's organisation still uses this provider:
  // when the programme team unlinks the provider, its sign-ins stop at once.
  const [linked] = await tx.query<{ user_id: string }>(
    `SELECT i.user_id FROM user_identity i JOIN app_user u ON u.id = i.user_id JOIN organisation o ON o.id = u.organisation_id
     WHERE i.issuer = $1 AND i.subject = $2 AND u.status = 'active' AND o.oidc_provider = $3`,
    [identity.issuer, identity.subject, providerId],
  );
  if (linked) return linked.user_id;
  if (!identity.email || !identity.emailVerified) return undefined;
  const [candidate] = await tx.query<{ id: string }>(
    `SELECT u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
     WHERE u.email = $1 AND u.status = 'active' AND o.oidc_provider = $2
       AND NOT EXISTS (SELECT 1 FROM user_identity i WHERE i.user_id = u.id AND i.issuer = $3)`,
    [identity.email, providerId, identity.issuer],
  );
  if (!candidate) return undefined;
  await tx.query('INSERT INTO user_identity (issuer, subject, provider, user_id) VALUES ($1, $2, $3, $4)', [identity.issuer, identity.subject, providerId, candidate.id]);
  return candidate.id;
}
