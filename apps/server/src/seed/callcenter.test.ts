import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { seedDemoUsers } from './demo-users.ts';
import { DEMO_CALL_DAYS, demoCalls, seedCallCenter } from './callcenter.ts';
import { SeedRng } from './rng.ts';

const ANCHOR = new Date('2026-11-22T06:30:00Z');

describe('call-centre demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemoUsers(t.db, ANCHOR);
  }, 120_000);
  afterAll(() => t?.drop());

  it('draws the same calls from the same seed, none after the anchor', () => {
    const a = demoCalls(new SeedRng(7), ANCHOR, ['u1']);
    expect(demoCalls(new SeedRng(7), ANCHOR, ['u1'])).toEqual(a);
    expect(a.length).toBeGreaterThan(2000);
    expect(a.every((c) => Date.parse(c.offeredAt) <= ANCHOR.getTime())).toBe(true);
    expect(new Set(a.map((c) => c.externalId)).size).toBe(a.length);
    expect(new Set(a.map((c) => c.offeredAt.slice(0, 10))).size).toBeGreaterThanOrEqual(DEMO_CALL_DAYS);
  });

  it('stores them through the service once (a second run adds nothing)', async () => {
    const h = { db: t.db, dialect: t.dialect };
    const n = await seedCallCenter(h, ANCHOR, { seed: 7 });
    expect(n).toBeGreaterThan(2000);
    expect(await seedCallCenter(h, ANCHOR, { seed: 7 })).toBe(0);
    const agents = await t.db
      .selectFrom('call_records')
      .select('agent_user_id')
      .where('agent_user_id', 'is not', null)
      .groupBy('agent_user_id')
      .execute();
    expect(agents).toHaveLength(1);
  });
});
