#!/usr/bin/env node
// `npm test`: install if needed, then every suite: types, lint, unit and integration tests on
// SQLite and PostgreSQL, the web build and the browser journeys in Chromium. Under CI=true a
// missing PostgreSQL or Chromium fails the run instead of skipping.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { ensureInstalled, root, run, runPool } from './lib.mjs';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv.slice(2);
const pgUrl = process.env.ANXIN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.ANXIN_CHROMIUM ?? '/usr/bin/chromium';
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-test-'));
const results = [];

function canConnect(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432), timeout: 3000 });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

function vitest(name, workspace, args = [], env = {}) {
  const out = path.join(reports, `${name}.json`);
  const code = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...args],
    {
      cwd: path.join(root, workspace),
      env: { TZ: 'UTC', ...env },
    },
  );
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed = j.numPassedTests ?? 0;
    failed = (j.numFailedTests ?? 0) + (code !== 0 && !j.numFailedTests ? 1 : 0);
    failures.push(...failuresOf(name, j));
  } else if (code !== 0) failed = 1;
  results.push({ name, code, passed, failed });
}

/**
 * The failed tests of a vitest JSON report with the first lines of their error: printed again under
 * the summary, because a CI log is often read from its tail only.
 */
function failuresOf(suite, report) {
  const out = [];
  for (const file of report.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed')
        out.push({
          suite,
          file: path.relative(root, file.name),
          title: t.fullName ?? t.title,
          message: (t.failureMessages ?? []).join('\n').split('\n').slice(0, 6).join('\n'),
        });
  return out;
}
const failures = [];

function step(name, cmd, args, opts) {
  const code = run(cmd, args, opts);
  results.push({ name, code, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

function skipped(name, why) {
  if (CI) {
    console.error(`✖ ${name}: ${why} (required under CI)`);
    results.push({ name, code: 1, passed: 0, failed: 1 });
  } else {
    console.warn(`\n⚠ ${name} SKIPPED: ${why}. Under CI=true this fails the run.\n`);
    results.push({ name, code: 0, passed: 0, failed: 0, skipped: true });
  }
}

const want = (s) => only.length === 0 || only.includes(s);

ensureInstalled();
// The static checks are single-threaded: two at a time use both cores.
const checks = [];
if (want('lint')) checks.push({ name: 'eslint', cmd: 'npx', args: ['eslint', '.'] });
if (want('types'))
  for (const p of ['apps/server', 'apps/web', 'e2e', 'packages/contracts'])
    checks.push({ name: `typecheck ${p}`, cmd: 'npx', args: ['tsc', '-p', `${p}/tsconfig.json`] });
if (want('format'))
  checks.push({ name: 'prettier', cmd: 'npx', args: ['prettier', '--check', '.', '--log-level', 'warn'] });
for (const r of await runPool(checks))
  results.push({ name: r.name, code: r.code, passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1 });
if (want('contracts')) vitest('contracts', 'packages/contracts', ['--passWithNoTests']);
if (want('sqlite')) vitest('server (SQLite)', 'apps/server');
if (want('postgres')) {
  if (await canConnect(pgUrl))
    vitest('server (PostgreSQL)', 'apps/server', [], { ANXIN_TEST_DB: 'postgres', ANXIN_TEST_PG_URL: pgUrl });
  else skipped('server (PostgreSQL)', `no PostgreSQL at ${pgUrl}`);
}
if (want('web')) {
  vitest('web', 'apps/web');
  step('web build', 'npm', ['run', 'build', '-w', 'apps/web']);
}
if (want('e2e')) {
  if (fs.existsSync(chromium)) vitest('browser journeys (Chromium)', 'e2e', [], { ANXIN_CHROMIUM: chromium });
  else skipped('browser journeys (Chromium)', `no browser at ${chromium} (apt-get install -y chromium)`);
}

const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
const skippedCount = results.filter((r) => r.skipped).length;
console.log('\n== Anxin test summary ==');
for (const r of results)
  console.log(
    `${r.code === 0 ? (r.skipped ? '⚠ skip' : '✔ ok  ') : '✖ FAIL'}  ${r.name}${r.passed || r.failed ? `  (${r.passed} passed, ${r.failed} failed)` : ''}`,
  );
console.log(`${passed} passed, ${failed} failed${skippedCount ? `, ${skippedCount} skipped` : ''}`);
if (failures.length) {
  console.log('\n== Failed tests ==');
  for (const f of failures.slice(0, 20))
    console.log(`✖ [${f.suite}] ${f.file} › ${f.title}\n${f.message.replace(/^/gm, '    ')}`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
