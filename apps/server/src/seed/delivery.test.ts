import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { seedDelivery } from './delivery.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedSales } from './sales.ts';

const ANCHOR = new Date('2026-11-23T06:30:00Z'); // Monday 14:30 Beijing
const SIZE: SeedSize = { customers: 60, outlets: 4, technicians: 8, orders: 60, cities: 'demo' };

// The demo deliveries, through the delivery services, on the demo sales contracts.
describe('delivery demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
    await seedSales({ db: t.db, dialect: t.dialect }, ANCHOR);
  }, 300_000);
  afterAll(() => t?.drop());

  it('forms 张伟’s crew, books the stock-checked contracts and closes one with its callback', async () => {
    expect(await seedDelivery({ db: t.db, dialect: t.dialect }, ANCHOR)).toBeGreaterThanOrEqual(2);
    const rows = await t.db
      .selectFrom('delivery_bookings')
      .select(['status', 'crew_id', 'route_seq'])
      .execute();
    expect(rows.map((r) => r.status)).toContain('closed');
    expect(rows.every((r) => r.crew_id)).toBe(true);
    expect(rows.filter((r) => r.status === 'booked').every((r) => r.route_seq !== null)).toBe(true);
  });
});
