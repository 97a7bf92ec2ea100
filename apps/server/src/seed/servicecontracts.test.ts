import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { seedModules } from './derive.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedServiceContracts } from './servicecontracts.ts';

const ANCHOR = new Date('2026-06-20T04:00:00.000Z');
const SIZE: SeedSize = { customers: 300, outlets: 6, technicians: 20, orders: 200, cities: 'demo' };

// The demo service contracts over the generated orders.
describe('service contract demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('writes ten contracts with visits used, two renewal reminders and one draft', async () => {
    expect(await seedServiceContracts({ db: t.db, dialect: t.dialect }, ANCHOR)).toBe(10);
    const { modules } = seedModules({ db: t.db, dialect: t.dialect }, new ManualClock(ANCHOR));
    const items = await modules.serviceContracts.service.list({ limit: 100 });
    expect(items).toHaveLength(10);
    expect(items.filter((c) => c.status === 'draft')).toHaveLength(1);
    expect(items.filter((c) => c.status === 'active')).toHaveLength(9);
    expect(items.reduce((s, c) => s + c.visitsUsed, 0)).toBeGreaterThan(0);
    expect(await modules.serviceContracts.service.reminders()).toHaveLength(2);
    // Run again: nothing new.
    expect((await modules.serviceContracts.renewals()).reminded).toEqual([]);
  });
});
