import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../test/factories/catalog.ts';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { seedParts } from './parts.ts';

// The parts seed on its own: a catalogue without the demo models still seeds (models are matched by code).
describe('parts demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await makeCatalog(t, 'WM');
  });
  afterAll(() => t?.drop());

  it('seeds the catalogue, HQ stock and an approved stocktake with every level equal to its movements', async () => {
    const n = await seedParts({ db: t.db, dialect: t.dialect }, new Date('2026-11-22T06:30:00Z'));
    expect(n).toBeGreaterThanOrEqual(30);
    const st = await t.db.selectFrom('stocktakes').select(['status', 'variance_fen']).execute();
    expect(st).toEqual([{ status: 'approved', variance_fen: -3600 }]);
    const levels = await t.db.selectFrom('stock_levels').selectAll().execute();
    const sums = await t.db
      .selectFrom('stock_movements')
      .select(['location_id', 'item_id'])
      .select((eb) => eb.fn.sum<number>('on_hand_delta').as('on'))
      .groupBy(['location_id', 'item_id'])
      .execute();
    const sum = new Map(sums.map((s) => [`${s.location_id}|${s.item_id}`, Number(s.on)]));
    for (const l of levels) expect(sum.get(`${l.location_id}|${l.item_id}`) ?? 0).toBe(l.on_hand);
    expect(levels.filter((l) => l.reorder_point > 0).length).toBeGreaterThan(10);
  });
});
