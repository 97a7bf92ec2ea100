import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../test/factories/catalog.ts';
import { makeCustomer, makeProduct } from '../../test/factories/customers.ts';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { seedCards } from './cards.ts';
import { DEMO_CUSTOMER } from './demo-users.ts';

// The cards seed on its own, over a handful of products: cards through the service, one transfer.
describe('warranty cards demo seed', () => {
  let t: TestDb;
  let demoProducts: string[];
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    const { modelId, categoryCode } = await makeCatalog(t, 'WM');
    const at = '2026-10-01T00:00:00.000Z';
    const demo = await makeCustomer(t, { name: '陈晓明', phone: DEMO_CUSTOMER.phone, at });
    demoProducts = [
      await makeProduct(t, { customerId: demo, modelId, categoryCode, serial: 'DEMO-1', at }),
      await makeProduct(t, { customerId: demo, modelId, categoryCode, serial: 'DEMO-2', at }),
    ];
    for (let i = 0; i < 4; i++) {
      const c = await makeCustomer(t, { name: `客户${i}`, phone: `1370000000${i}`, at });
      await makeProduct(t, { customerId: c, modelId, categoryCode, serial: `SEED-${i}`, at });
    }
  });
  afterAll(() => t?.drop());

  it('activates the demo customer’s first product and the others, transfers one, and re-runs without duplicates', async () => {
    const anchor = new Date('2026-11-22T06:30:00Z');
    expect(await seedCards({ db: t.db, dialect: t.dialect }, anchor)).toEqual({
      cards: 5,
      transfers: 1,
      receipts: 0,
    });
    const cards = await t.db.selectFrom('warranty_cards').select(['product_id', 'channel']).execute();
    expect(cards).toHaveLength(5);
    expect(cards.find((c) => c.product_id === demoProducts[0])?.channel).toBe('portal');
    expect(cards.some((c) => c.product_id === demoProducts[1])).toBe(false);
    expect(await t.db.selectFrom('warranty_card_transfers').selectAll().execute()).toHaveLength(1);
    // A second run changes nothing.
    expect(await seedCards({ db: t.db, dialect: t.dialect }, anchor)).toMatchObject({ cards: 0 });
  });
});
