// Knowledge search evaluation: `tsx bench/knowledge/run.ts` seeds the demo articles into a fresh
// SQLite database, runs bench/knowledge/eval-set.json and writes bench/knowledge.{md,json} at the root.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../../src/platform/clock/index.ts';
import { seedModules } from '../../src/seed/derive.ts';
import { publishDemoKnowledge } from '../../src/seed/knowledge.ts';
import { createTestDb } from '../../test/harness.ts';
import { evaluate, loadEvalSet } from './evaluate.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

const db = await createTestDb({ dialect: 'sqlite' });
try {
  const { modules } = seedModules(db, new ManualClock(new Date('2026-01-05T02:00:00Z')));
  const started = performance.now();
  await publishDemoKnowledge(modules.knowledge.service);
  const set = loadEvalSet();
  const t0 = performance.now();
  const r = await evaluate(modules.knowledge.service, set);
  const perQueryMs = Math.round(((performance.now() - t0) / set.length) * 10) / 10;
  const out = { date: new Date().toISOString(), ...r, perQueryMs, seedMs: Math.round(t0 - started) };
  mkdirSync(join(REPO_ROOT, 'bench'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench/knowledge.json'), JSON.stringify(out, null, 2) + '\n');
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const md = [
    '# Knowledge search evaluation',
    '',
    `${r.queries} realistic queries (apps/server/bench/knowledge/eval-set.json) against the seeded demo articles,`,
    'jieba search-mode segmentation, synonym expansion and BM25 (scored in TypeScript, same on SQLite and PostgreSQL).',
    '',
    '| measure | value |',
    '| --- | --- |',
    `| top-1 hit rate | ${pct(r.top1)} |`,
    `| top-3 hit rate | ${pct(r.top3)} |`,
    `| MRR (top 10) | ${r.mrr.toFixed(3)} |`,
    `| mean time per query | ${perQueryMs} ms |`,
    '',
    r.misses.length ? '## Outside the top 3' : 'Every expected article is in the top 3.',
    '',
    ...r.misses.map((m) => `- “${m.q}” → expected \`${m.expect}\`, got ${m.got.map((g) => `\`${g}\``).join(', ')}`),
    '',
  ].join('\n');
  writeFileSync(join(REPO_ROOT, 'bench/knowledge.md'), md);
  console.log(md);
} finally {
  await db.drop();
}
