// The web app (web/, built by Vite into web/dist) served by the same server as the API:
// hashed assets with a long cache life, and index.html for every page under /nl and /en.

import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const webRoot = fileURLToPath(new URL('../../web/', import.meta.url));
export const webDist = join(webRoot, 'dist');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Is web/dist missing or older than the web sources? */
export function webBuildIsStale(): boolean {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newestSource(join(webRoot, 'src')) > built || statSync(join(webRoot, 'index.html')).mtimeMs > built;
}

/**
 * Builds the web app with Vite (a few seconds); used on start when the build is stale.
 * It builds into a fresh folder and then adds the new hashed assets beside the old ones and
 * swaps index.html in one rename: a server still running with the previous index.html keeps
 * finding its assets, and no server ever sees a half-written build.
 */
export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  const staging = `${webDist}.build-${process.pid}-${Date.now()}`;
  // Vite follows NODE_ENV: started from a test runner (NODE_ENV=test) it would build React's
  // development bundle, twice the size. The served app is always the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(webRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    mkdirSync(join(webDist, 'assets'), { recursive: true });
    cpSync(join(staging, 'assets'), join(webDist, 'assets'), { recursive: true });
    const nextIndex = join(webDist, `index.html.${process.pid}`);
    copyFileSync(join(staging, 'index.html'), nextIndex);
    renameSync(nextIndex, join(webDist, 'index.html'));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(staging, { recursive: true, force: true });
  }
}

export async function registerWeb(app: FastifyInstance): Promise<void> {
  const index = join(webDist, 'index.html');
  const available = existsSync(index);
  if (available) {
    await app.register(fastifyStatic, {
      root: join(webDist, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  const page = available ? readFileSync(index) : undefined;
  const sendPage = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    if (!page) return reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build:web` (npm start does this itself).');
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(page);
  };
  app.get('/', async (_request, reply) => reply.redirect('/nl', 302));
  for (const lang of ['nl', 'en']) {
    app.get(`/${lang}`, sendPage);
    app.get(`/${lang}/*`, sendPage);
  }
}
