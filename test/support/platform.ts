// A platform on a test database: migrated, catalogue loaded, optionally with the demo data.

import type { FastifyInstance } from 'fastify';
import { AtlasService, seedCatalogue } from '../../src/atlas/atlas-store.ts';
import { buildServer } from '../../src/http/server.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { loadCoalitionDemo } from '../../src/coalities/demo.ts';
import { loadMenukaartContent } from '../../src/menukaart/content-loader.ts';
import { migrate } from '../../src/platform/migrations.ts';
import { loadDemoDataIfEmpty, type Platform } from '../../src/platform/platform.ts';
import type { TestEngine } from './databases.ts';

export interface TestPlatform extends Platform {
  app: FastifyInstance;
  get<T = any>(url: string): Promise<{ status: number; body: T }>;
}

export interface TestPlatformOptions {
  /** Load the synthetic atlas figures. */
  demo: boolean;
  /** Create the demo organisations, accounts (with this password) and coalitions. */
  accounts?: { password: string };
  /** Settings to override (security settings, limits, OIDC). */
  config?: Partial<Config>;
}

export async function startTestPlatform(engine: TestEngine, options: TestPlatformOptions): Promise<TestPlatform> {
  const db = await engine.open();
  await migrate(db);
  await seedCatalogue(db);
  await loadMenukaartContent(db);
  if (options.demo) await loadDemoDataIfEmpty(db, () => {});
  if (options.accounts) await loadCoalitionDemo(db, { demoPassword: options.accounts.password });
  // No staleness in tests: every request sees the latest counts.
  const atlas = new AtlasService(db, 0);
  const platform: Platform = { config: { ...loadConfig({}), demo: options.demo, ...options.config }, db, atlas, close: () => db.close() };
  const app = await buildServer(platform);
  return {
    ...platform,
    app,
    async get(url) {
      const response = await app.inject({ method: 'GET', url });
      const json = String(response.headers['content-type'] ?? '').includes('json');
      return { status: response.statusCode, body: (json ? response.json() : response.body) as never };
    },
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
