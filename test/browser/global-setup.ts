// Starts one Kansrijk server for all browser tests: the real `kansrijk serve` (which builds
// the web app when stale) on a fresh embedded database in a temp folder.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './support.ts';

let server: ChildProcess | undefined;
let dataDir: string | undefined;

export default async function setup(project: TestProject) {
  if (!chromiumPath()) return;
  const root = new URL('../../', import.meta.url).pathname;
  dataDir = mkdtempSync(join(tmpdir(), 'kansrijk-browser-'));
  // A known password for the demo accounts, so tests can sign in (demo mode only).
  const demoPassword = 'browser-test-demo-password';
  const port = 4100 + Math.floor(Math.random() * 800);
  server = spawn(process.execPath, [join(root, 'bin/kansrijk.mjs'), 'serve'], {
    // All browser test files sign in from 127.0.0.1 at once, far above one person's pace: the
    // per-address limits are raised here (the limiter itself is tested in test/auth/).
    env: {
      ...process.env,
      KANSRIJK_DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      KANSRIJK_DEMO_PASSWORD: demoPassword,
      KANSRIJK_RATE_LIMIT_AUTH: '1000',
      KANSRIJK_RATE_LIMIT_WRITE: '5000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 120 s:\n${log}`)), 120_000);
    server!.stderr!.on('data', (d) => {
      log += d;
      if (log.includes('ready in')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('demoPassword', demoPassword);
  return async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}
