#!/usr/bin/env node
/**
 * First-load size of the phone apps, measured from the Vite manifest after `vite build`.
 *
 * A landing's first load is the entry chunk (index.html) plus the route chunk that renders the
 * landing page, each followed through its *static* imports (dynamic imports load later, on
 * demand), with every CSS file they pull in. Sizes are gzip level 9 of the built files, as a CDN
 * or the server's compression would send them. The figures go to bundle-report.md; the run fails
 * when the technician's first load is over its budget, so a build that makes the phone slow again
 * does not pass CI.
 *
 * Usage: node scripts/bundle-report.mjs [dist dir, default apps/web/dist]
 * Budget: ANXIN_BUNDLE_BUDGET_KB, else "budgetKb" in bundle-budget.json (default 250).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(webDir, 'dist'));
const config = JSON.parse(fs.readFileSync(path.join(webDir, 'bundle-budget.json'), 'utf8'));
const budgetKb = Number(process.env.ANXIN_BUNDLE_BUDGET_KB ?? config.budgetKb ?? 250);

const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));

/** Every file (JS and CSS) a set of manifest keys loads before running, static imports only. */
function closure(keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the Vite manifest: ${key}`);
    files.add(chunk.file);
    (chunk.css ?? []).forEach((c) => files.add(c));
    (chunk.imports ?? []).forEach(visit);
  };
  keys.forEach(visit);
  return [...files];
}

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

function measure(landing) {
  const files = closure(['index.html', ...landing.routeChunks]).map((file) => ({
    file,
    raw: fs.statSync(path.join(dist, file)).size,
    gzip: gzipSize(file),
  }));
  files.sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((s, f) => s + f.gzip, 0);
  const raw = files.reduce((s, f) => s + f.raw, 0);
  return { ...landing, files, total, raw };
}

const results = config.landings.map(measure);

const lines = [
  '# First-load bundle report',
  '',
  'Written by `apps/web/scripts/bundle-report.mjs` after `vite build` (do not edit by hand).',
  `JS and CSS fetched to render each landing page, static imports followed, gzip -9. Budget for the technician: ${budgetKb} KB.`,
  '',
  '| landing | path | files | raw KB | gzip KB |',
  '| ------- | ---- | ----: | -----: | ------: |',
  ...results.map((r) => `| ${r.name} | \`${r.path}\` | ${r.files.length} | ${kb(r.raw)} | ${kb(r.total)} |`),
];
for (const r of results) {
  lines.push('', `## ${r.name} (\`${r.path}\`)`, '', '| file | gzip KB |', '| ---- | ------: |');
  r.files.forEach((f) => lines.push(`| ${f.file} | ${kb(f.gzip)} |`));
}
fs.writeFileSync(path.join(webDir, 'bundle-report.md'), `${lines.join('\n')}\n`);

for (const r of results)
  console.log(`first load ${r.name} ${r.path}: ${kb(r.total)} KB gzip (${r.files.length} files)`);
const over = results.filter((r) => r.budgeted && kb(r.total) > budgetKb);
if (over.length) {
  over.forEach((r) => console.error(`over budget: ${r.name} ${kb(r.total)} KB > ${budgetKb} KB`));
  process.exit(1);
}
