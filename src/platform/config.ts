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
  return {
    databaseUrl,
    dataDir: resolve(projectRoot, env.KANSRIJK_DATA_DIR ?? '.kansrijk-data'),
    host: env.HOST ?? '127.0.0.1',
    port,
    // The embedded database is for trying Kansrijk out: demo data by default. A server
    // deployment gets it only when asked for.
    demo: demoSetting === undefined ? !databaseUrl : demoSetting === '1' || demoSetting === 'true',
  };
}
