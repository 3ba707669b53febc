// Settings come from the environment only, so every app server of a deployment is configured
// the same way and holds no state of its own.

import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  /** Load the synthetic demo data when the database has no counts yet. */
  demo: boolean;
  /** The address users reach the platform at (https://… in production); links and cookies follow it. */
  publicUrl: string | undefined;
  /** Cookies only over TLS (`Secure`, and the `__Host-` name prefix). Default: on when publicUrl is https. */
  cookieSecure: boolean;
  /** Behind a load balancer or reverse proxy: take the client address and protocol from X-Forwarded-*. */
  trustProxy: boolean;
  /** Password of the demo accounts (demo mode only); without it one is generated and printed once. */
  demoPassword: string | undefined;
  /** Sessions end after this much inactivity, and at the latest after `sessionAbsoluteHours`. */
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Sign-in throttling, counted in the database so that it holds across app servers. */
  loginLimits: { accountFailures: number; addressFailures: number; windowMinutes: number };
  /** Requests per minute per client on the sign-in routes and on every changing route (per app server). */
  rateLimits: { authPerMinute: number; writePerMinute: number };
  /** Optional sign-in through an OpenID Connect provider. */
  oidc: OidcSettings | undefined;
}

export interface OidcSettings {
  /** Our id for the provider, used in URLs and in `organisation.oidc_provider`. */
  id: string;
  /** Shown on the sign-in button. */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: {publicUrl}/api/v1/auth/oidc/{id}/callback by default. */
  redirectUri: string;
  /** Allow a provider over plain http (development and tests only). */
  allowInsecure: boolean;
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${env.PORT}'`);
  const demoSetting = env.KANSRIJK_DEMO;
  if (demoSetting !== undefined && !['0', '1', 'true', 'false'].includes(demoSetting)) {
    throw new Error(`KANSRIJK_DEMO must be 1 or 0, not '${demoSetting}'`);
  }
  const flag = (name: string, fallback: boolean): boolean => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (!['0', '1', 'true', 'false'].includes(value)) throw new Error(`${name} must be 1 or 0, not '${value}'`);
    return value === '1' || value === 'true';
  };
  const positive = (name: string, fallback: number): number => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, not '${value}'`);
    return n;
  };
  const publicUrl = env.KANSRIJK_PUBLIC_URL ? env.KANSRIJK_PUBLIC_URL.replace(/\/+$/, '') : undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(publicUrl)) throw new Error(`KANSRIJK_PUBLIC_URL must be an http(s) address, not '${publicUrl}'`);
  const demoPassword = env.KANSRIJK_DEMO_PASSWORD || undefined;
  if (demoPassword !== undefined && demoPassword.length < 12) throw new Error('KANSRIJK_DEMO_PASSWORD must be at least 12 characters');
  return {
    databaseUrl,
    dataDir: resolve(projectRoot, env.KANSRIJK_DATA_DIR ?? '.kansrijk-data'),
    host: env.HOST ?? '127.0.0.1',
    port,
    // The embedded database is for trying Kansrijk out: demo data by default. A server
    // deployment gets it only when asked for.
    demo: demoSetting === undefined ? !databaseUrl : demoSetting === '1' || demoSetting === 'true',
    publicUrl,
    cookieSecure: flag('KANSRIJK_COOKIE_SECURE', publicUrl?.startsWith('https://') ?? false),
    trustProxy: flag('KANSRIJK_TRUST_PROXY', false),
    demoPassword,
    sessionIdleMinutes: positive('KANSRIJK_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: positive('KANSRIJK_SESSION_MAX_HOURS', 12),
    loginLimits: {
      accountFailures: positive('KANSRIJK_LOGIN_MAX_ACCOUNT_FAILURES', 5),
      addressFailures: positive('KANSRIJK_LOGIN_MAX_ADDRESS_FAILURES', 50),
      windowMinutes: positive('KANSRIJK_LOGIN_WINDOW_MINUTES', 15),
    },
    rateLimits: {
      authPerMinute: positive('KANSRIJK_RATE_LIMIT_AUTH', 30),
      writePerMinute: positive('KANSRIJK_RATE_LIMIT_WRITE', 300),
    },
    oidc: loadOidc(env, publicUrl, flag),
  };
}

function loadOidc(env: NodeJS.ProcessEnv, publicUrl: string | undefined, flag: (name: string, fallback: boolean) => boolean): OidcSettings | undefined {
  const issuer = env.KANSRIJK_OIDC_ISSUER || undefined;
  if (!issuer) return undefined;
  const clientId = env.KANSRIJK_OIDC_CLIENT_ID;
  const clientSecret = env.KANSRIJK_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('KANSRIJK_OIDC_ISSUER needs KANSRIJK_OIDC_CLIENT_ID and KANSRIJK_OIDC_CLIENT_SECRET');
  const id = env.KANSRIJK_OIDC_ID || 'sso';
  if (!/^[a-z0-9-]{1,40}$/.test(id)) throw new Error(`KANSRIJK_OIDC_ID must be lowercase letters, digits and hyphens, not '${id}'`);
  const redirectUri = env.KANSRIJK_OIDC_REDIRECT_URI || (publicUrl ? `${publicUrl}/api/v1/auth/oidc/${id}/callback` : undefined);
  if (!redirectUri) throw new Error('OIDC sign-in needs KANSRIJK_PUBLIC_URL (or KANSRIJK_OIDC_REDIRECT_URI)');
  const allowInsecure = flag('KANSRIJK_OIDC_ALLOW_HTTP', false);
  if (!allowInsecure && !issuer.startsWith('https://')) throw new Error('KANSRIJK_OIDC_ISSUER must be https (KANSRIJK_OIDC_ALLOW_HTTP=1 for a local test provider only)');
  return { id, name: env.KANSRIJK_OIDC_NAME || 'Inloggen via uw organisatie', issuer, clientId, clientSecret, redirectUri, allowInsecure };
}
