/**
 * The role switch as real processes: a worker (no HTTP) stays up and runs the recurring jobs until
 * it is signalled, then exits cleanly; an API node serves HTTP and runs no jobs. SQLite suite only
 * (the server process opens the database by path; the PostgreSQL suite's schema-per-test cannot be
 * handed to it), the in-process three-node test covers PostgreSQL.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, SERVER_DIR } from '../../bench/processes.ts';
import { usePostgres } from '../pg.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function startNode(role: 'api' | 'worker', dataDir: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ANXIN_ROLE: role,
      ANXIN_DATA_DIR: dataDir,
      ANXIN_PORT: String(port),
      ANXIN_SEED_DEMO: 'never',
      ANXIN_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exit, output: () => out };
}

const lastRuns = (file: string): (string | null)[] => {
  if (!fs.existsSync(file)) return [];
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const has = db.prepare(`select 1 from sqlite_master where name = 'job_schedules'`).get();
    if (!has) return [];
    return (db.prepare('select last_run_at as at from job_schedules').all() as { at: string | null }[]).map(
      (r) => r.at,
    );
  } finally {
    db.close();
  }
};

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe.skipIf(usePostgres())('node roles as processes', () => {
  it('a worker runs every recurring job without HTTP and stays up until signalled; an API node runs none', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-roles-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, 'anxin.sqlite');

    const apiPort = await freePort();
    const api = startNode('api', dataDir, apiPort);
    const served = await until(
      () =>
        fetch(`http://127.0.0.1:${apiPort}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
    );
    expect(served, api.output()).toBe(true);
    expect(lastRuns(file)).toEqual([]);

    const workerPort = await freePort();
    const worker = startNode('worker', dataDir, workerPort);
    const ran = await until(() => {
      const runs = lastRuns(file);
      return runs.length > 0 && runs.every((at) => at !== null);
    }, 60_000);
    expect(ran, worker.output()).toBe(true);
    expect(worker.child.exitCode).toBeNull();
    await expect(fetch(`http://127.0.0.1:${workerPort}/healthz`)).rejects.toThrow();

    worker.child.kill('SIGTERM');
    api.child.kill('SIGTERM');
    expect(await worker.exit).toBe(0);
    expect(await api.exit).toBe(0);
  }, 90_000);
});
