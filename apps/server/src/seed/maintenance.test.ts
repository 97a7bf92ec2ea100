import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@anxin/contracts';
import { systemActor } from '../platform/auth/actor.ts';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { seedModules } from './derive.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedMaintenance } from './maintenance.ts';

const ANCHOR = new Date('2026-06-20T04:00:00.000Z');
const SIZE: SeedSize = { customers: 300, outlets: 6, technicians: 20, orders: 200, cities: 'demo' };

// The demo maintenance plans over the generated installed base.
describe('maintenance demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('writes two plans whose preview lists demo products coming due', async () => {
    expect(await seedMaintenance({ db: t.db, dialect: t.dialect }, ANCHOR)).toBe(2);
    const { modules } = seedModules({ db: t.db, dialect: t.dialect }, new ManualClock(ANCHOR));
    const { items } = await modules.maintenance.service.list();
    const aircon = items.find((p) => p.categoryCode === 'aircon')!;
    expect(aircon).toMatchObject({ name: '空调年度清洗保养', startsOn: '2026-06-20', effectiveLeadDays: 14 });
    const due = await modules.maintenance.service.duePreview(systemActor(PERMISSIONS), aircon.id, 60);
    expect(due.items.length).toBeGreaterThan(0);
    expect(due.items.every((i) => i.dueOn >= '2026-06-20' && i.dueOn <= '2026-08-19')).toBe(true);
  });
});
