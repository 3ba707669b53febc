// The two user-facing commands end to end, as separate processes on a fresh embedded
// database: `kansrijk serve` (what npm start runs) and `kansrijk import`.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'kansrijk-e2e-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/kansrijk.mjs'), ...args], { env: { ...process.env, KANSRIJK_DATA_DIR: dataDir, DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('kansrijk serve and import (embedded database)', () => {
  it('starts on an empty data folder with the demo data and serves the API', async () => {
    const port = String(3900 + Math.floor(Math.random() * 90));
    const child = spawn(process.execPath, [join(root, 'bin/kansrijk.mjs'), 'serve'], { env: { ...process.env, KANSRIJK_DATA_DIR: dataDir, DATABASE_URL: '', PORT: port } });
    let log = '';
    child.stderr.on('data', (d) => (log += d));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ready line within 90 s:\n${log}`)), 90_000);
        child.stderr.on('data', () => log.includes('ready in') && (clearTimeout(timer), resolve()));
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${log}`)));
      });
      expect(log).toMatch(/demo data loaded/);
      const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
      expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
      const values = await (await fetch(`http://127.0.0.1:${port}/api/v1/indicators/big2/values?level=gemeente`)).json();
      expect(values.values).toHaveLength(342);
      expect(values.synthetic).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('rejects a broken import file with the line and field named and exit code 1', async () => {
    const file = join(dataDir, 'broken.csv');
    writeFileSync(file, 'area_code;period;indicator;numerator;denominator\nGM0599;2023;big2;10;100\nGM0599;2023;preterm;x;100\n');
    const result = await run(['import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("line 3, field 'numerator'");
    expect(result.stderr).toContain('nothing was imported');
  });

  it('imports a good file and says what it imported', async () => {
    const file = join(dataDir, 'good.csv');
    writeFileSync(file, 'area_code,period,indicator,numerator,denominator\nGM0599,2023,big2,1000,7000\n');
    const result = await run(['import', file, '--source', 'Perined (test)']);
    expect(result.stderr).toMatch(/imported 1 counts/);
    expect(result.code).toBe(0);
  });

  it('explains its usage and refuses unknown commands', async () => {
    expect((await run(['--help'])).stdout).toMatch(/Usage: kansrijk <command>/);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    expect((await run(['import'])).code).toBe(2);
  });
});
