import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock/index.ts';
import { seedModules } from '../../src/seed/derive.ts';
import { publishDemoKnowledge } from '../../src/seed/knowledge.ts';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { evaluate, loadEvalSet } from './evaluate.ts';

/** Floors under the measured figures (bench/knowledge.md): a change that hurts search fails here. */
const TOP3_FLOOR = 0.9;
const MRR_FLOOR = 0.85;

describe('knowledge search evaluation set', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.drop());

  it(`keeps the top-3 hit rate ≥ ${TOP3_FLOOR} and MRR ≥ ${MRR_FLOOR} on the seeded articles`, async () => {
    const { modules } = seedModules(db, new ManualClock(new Date('2026-01-05T02:00:00Z')));
    await publishDemoKnowledge(modules.knowledge.service);
    const set = loadEvalSet();
    expect(set.length).toBeGreaterThanOrEqual(40);
    const r = await evaluate(modules.knowledge.service, set);
    expect(r.top3, JSON.stringify(r.misses, null, 1)).toBeGreaterThanOrEqual(TOP3_FLOOR);
    expect(r.mrr).toBeGreaterThanOrEqual(MRR_FLOOR);
  }, 120_000);
});
