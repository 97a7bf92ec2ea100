import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeService } from '../../src/modules/knowledge/index.ts';

export interface EvalQuery {
  q: string;
  expect: string;
}
export interface EvalResult {
  queries: number;
  top1: number;
  top3: number;
  /** Mean reciprocal rank over the top 10 (0 when the article is not in it). */
  mrr: number;
  misses: { q: string; expect: string; got: string[] }[];
}

export function loadEvalSet(): EvalQuery[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'eval-set.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: EvalQuery[] }).queries;
}

/** Runs every query through the agent-facing search and scores the expected article's rank. */
export async function evaluate(svc: KnowledgeService, set: EvalQuery[]): Promise<EvalResult> {
  let top1 = 0;
  let top3 = 0;
  let rr = 0;
  const misses: EvalResult['misses'] = [];
  for (const { q, expect } of set) {
    const { items } = await svc.search({ q, channel: 'library', limit: 10 });
    const slugs = items.map((i) => i.slug ?? i.id);
    const rank = slugs.indexOf(expect) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    else misses.push({ q, expect, got: slugs.slice(0, 3) });
    if (rank >= 1) rr += 1 / rank;
  }
  const n = set.length;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { queries: n, top1: r(top1 / n), top3: r(top3 / n), mrr: r(rr / n), misses };
}
