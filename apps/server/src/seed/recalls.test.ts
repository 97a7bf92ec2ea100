import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { seedModules } from './derive.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedRecalls } from './recalls.ts';

const ANCHOR = new Date('2026-06-20T04:00:00.000Z');
const SIZE: SeedSize = { customers: 300, outlets: 6, technicians: 20, orders: 200, cities: 'demo' };

// The demo recall over the generated installed base: launched, texted, called, two orders made.
describe('recalls demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('writes an active recall with progress and a draft', async () => {
    expect(await seedRecalls({ db: t.db, dialect: t.dialect }, ANCHOR)).toBeTruthy();
    const { modules } = seedModules({ db: t.db, dialect: t.dialect }, new ManualClock(ANCHOR));
    const recalls = await modules.recalls.services.recalls.list();
    expect(recalls.map((r) => r.status).sort()).toEqual(['active', 'draft']);
    const active = recalls.find((r) => r.status === 'active')!;
    expect(active.figures.affected).toBeGreaterThanOrEqual(2);
    expect(active.figures.contacted).toBe(active.figures.affected);
    // The first two called booked: their orders are made.
    expect(active.figures.ordersCreated).toBe(2);
    // Five called (booked, booked, no answer, reached, wrong number), as many as there are.
    const called = ['booked', 'booked', 'no_answer', 'reached', 'wrong_number'].slice(
      0,
      active.figures.affected,
    );
    expect(active.figures.reached).toBe(called.filter((o) => o === 'booked' || o === 'reached').length);
    const items = await modules.recalls.services.recalls.products(active.id, {});
    expect(items.every((p) => p.productionBatch === items[0]!.productionBatch)).toBe(true);
  });
});
