import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { seedCampaigns } from './campaigns.ts';
import { seedModules } from './derive.ts';
import { seedDemo, type SeedSize } from './index.ts';

const ANCHOR = new Date('2026-06-20T04:00:00.000Z');
const SIZE: SeedSize = { customers: 300, outlets: 6, technicians: 20, orders: 200, cities: 'demo' };

// The demo campaign over the generated customers: built, active, the agent's first calls recorded.
describe('campaigns demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('writes an active campaign with calls, a reach and an opt-out', async () => {
    const id = await seedCampaigns({ db: t.db, dialect: t.dialect }, ANCHOR);
    const { modules } = seedModules({ db: t.db, dialect: t.dialect }, new ManualClock(ANCHOR));
    const f = await modules.campaigns.service.figures(id);
    expect(f.targets).toBeGreaterThan(0);
    expect(f.attempted).toBeGreaterThan(0);
    expect(f.reached).toBeGreaterThan(0);
  });
});
