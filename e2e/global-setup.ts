import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory prepared once (migrated, demo seeded); each journey server gets a copy. */
    dataTemplate: string;
  }
}

/**
 * Seeds the demo once for the whole run instead of once per journey file: `cli/prepare.ts` does
 * exactly what a server start does before it serves (migrate, roles, demo data), and `startApp`
 * copies the result into each server's fresh data directory. Each server then starts as a
 * restarted node would, with its own jobs and outbox.
 */
export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-e2e-template-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/prepare.ts'], {
    cwd: root,
    env: { ...process.env, ANXIN_DATA_DIR: dir, ANXIN_LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('preparing the journeys’ data directory failed');
  project.provide('dataTemplate', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
