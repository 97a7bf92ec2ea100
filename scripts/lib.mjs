// Shared helpers for the two entry commands (npm start, npm test): plain Node, no dependencies,
// because they run before `npm install` has happened on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  // `env` adds to the inherited environment (PATH must survive), it never replaces it.
  const { env, ...rest } = opts;
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...rest, env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/**
 * Runs `tasks` ({ name, cmd, args }) `concurrency` at a time, each with its output captured and
 * printed whole when it ends, so that single-threaded tools (tsc, eslint, prettier) share the
 * cores and the log stays readable. Resolves to [{ name, code, seconds }] in the tasks' order.
 */
export async function runPool(tasks, concurrency = 2) {
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await runCaptured(tasks[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

function runCaptured({ name, cmd, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    const done = (code) => {
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      console.log(`\n› ${name} (${seconds} s)`);
      process.stdout.write(Buffer.concat(out));
      resolve({ name, code, seconds });
    };
    child.once('error', () => done(1));
    child.once('close', (code) => done(code ?? 1));
  });
}

export function mustRun(cmd, args, opts = {}) {
  const code = run(cmd, args, opts);
  if (code !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  const lock = path.join(root, 'package-lock.json');
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const sqlite = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(marker) && mtime(marker) >= mtime(lock) && fs.existsSync(sqlite)) return;
  console.log('› Installing dependencies (first run builds better-sqlite3 from source, about a minute)…');
  mustRun(
    'npm',
    fs.existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'],
  );
  if (!fs.existsSync(sqlite)) mustRun('npm', ['rebuild', 'better-sqlite3']);
}

function newestIn(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestIn(p) : mtime(p));
  }
  return newest;
}

/** Builds the web app when dist is missing or older than its sources. */
export function ensureWebBuilt() {
  const web = path.join(root, 'apps', 'web');
  const index = path.join(web, 'dist', 'index.html');
  const sources = Math.max(
    newestIn(path.join(web, 'src')),
    mtime(path.join(web, 'index.html')),
    newestIn(path.join(root, 'packages', 'contracts', 'src')),
  );
  if (fs.existsSync(index) && mtime(index) >= sources) return;
  console.log('› Building the web app…');
  mustRun('npm', ['run', 'build', '-w', 'apps/web']);
}
