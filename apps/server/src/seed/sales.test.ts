import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedSales } from './sales.ts';

const ANCHOR = new Date('2026-11-23T06:30:00Z'); // Monday 14:30 Beijing
const SIZE: SeedSize = { customers: 60, outlets: 4, technicians: 8, orders: 60, cities: 'demo' };

// The demo sales contracts, stock and samples, through the sales services.
describe('sales demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('enters six contracts of the demo store, checks four (one waiting on the factory) and shows a sample', async () => {
    expect(await seedSales({ db: t.db, dialect: t.dialect }, ANCHOR)).toBe(6);
    const contracts = await t.db
      .selectFrom('sales_contracts')
      .select(['status', 'store_outlet_id'])
      .execute();
    expect(contracts.map((c) => c.status).sort()).toEqual([
      'entered',
      'entered',
      'stock_checked',
      'stock_checked',
      'stock_checked',
      'stock_checked',
    ]);
    expect(contracts.every((c) => c.store_outlet_id)).toBe(true);
    const factory = await t.db
      .selectFrom('sales_contract_lines')
      .select('model')
      .where('state', '=', 'factory_order')
      .execute();
    expect(factory.map((l) => l.model)).toEqual(['YG-4D24']);
    const samples = await t.db.selectFrom('sales_samples').select('status').orderBy('serial_no').execute();
    expect(samples.map((s) => s.status)).toEqual(['on_display', 'pending_display']);
  });
});
