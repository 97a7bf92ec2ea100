import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { PERMISSIONS } from '@anxin/contracts';
import { partClaimsOf, replenishment } from '../modules/parts/index.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { seedModules } from './derive.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedParts } from './parts.ts';
import { SIGNATURE_PNG } from './parts-flow.ts';

const ANCHOR = new Date('2026-11-22T06:30:00Z');
const SIZE: SeedSize = { customers: 400, outlets: 12, technicians: 40, orders: 2000, cities: 'demo' };

// The parts history of the demo, replayed through the parts services over generated orders.
describe('parts flow demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
    await seedParts({ db: t.db, dialect: t.dialect }, ANCHOR, { flow: true, seed: 7 });
  }, 300_000);
  afterAll(() => t?.drop());

  it('keeps every level equal to the sum of its movements, never negative', async () => {
    const levels = await t.db.selectFrom('stock_levels').selectAll().execute();
    const sums = await t.db
      .selectFrom('stock_movements')
      .select(['location_id', 'item_id'])
      .select((eb) => eb.fn.sum<number>('on_hand_delta').as('on'))
      .select((eb) => eb.fn.sum<number>('reserved_delta').as('res'))
      .groupBy(['location_id', 'item_id'])
      .execute();
    const sum = new Map(sums.map((s) => [`${s.location_id}|${s.item_id}`, s]));
    for (const l of levels) {
      const s = sum.get(`${l.location_id}|${l.item_id}`);
      expect(Number(s?.on ?? 0)).toBe(l.on_hand);
      expect(Number(s?.res ?? 0)).toBe(l.reserved);
      expect(l.reserved).toBeGreaterThanOrEqual(0);
      expect(l.on_hand).toBeGreaterThanOrEqual(l.reserved);
    }
    // The ledger of each level runs forward in time.
    const moves = await t.db
      .selectFrom('stock_movements')
      .select(['location_id', 'item_id', 'at', 'on_hand_after'])
      .orderBy('at')
      .orderBy('id')
      .execute();
    const last = new Map<string, number>();
    for (const m of moves) last.set(`${m.location_id}|${m.item_id}`, m.on_hand_after);
    for (const l of levels) expect(last.get(`${l.location_id}|${l.item_id}`) ?? 0).toBe(l.on_hand);
  });

  it('consumes parts from vans on past orders, with serials for serialized items', async () => {
    const usages = await t.db
      .selectFrom('part_usages as u')
      .innerJoin('part_items as i', 'i.id', 'u.item_id')
      .innerJoin('stock_locations as l', 'l.id', 'u.location_id')
      .select(['u.status', 'u.new_serial', 'u.old_serial', 'i.serialized', 'l.kind', 'u.consumed_at'])
      .execute();
    const consumed = usages.filter((u) => u.status === 'consumed');
    expect(consumed.length).toBeGreaterThan(10);
    expect(consumed.every((u) => u.kind === 'van')).toBe(true);
    for (const u of consumed.filter((x) => x.serialized)) expect(u.new_serial && u.old_serial).toBeTruthy();
    expect(consumed.every((u) => u.consumed_at! < ANCHOR.toISOString())).toBe(true);
    // Replenishment weighs that use: the vans' wear parts at their minimum show a daily use.
    const { modules } = seedModules(t, new ManualClock(ANCHOR));
    const { items } = await replenishment(modules.parts.ctx, systemActor(PERMISSIONS));
    expect(items.some((i) => i.dailyUse > 0)).toBe(true);
  });

  it('old parts move through return and inspection; claims are exactly the passed returns', async () => {
    const returns = await t.db
      .selectFrom('old_part_returns')
      .select(['id', 'status', 'reject_reason'])
      .execute();
    const statuses = new Set(returns.map((r) => r.status));
    expect(statuses.has('passed')).toBe(true);
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    for (const r of returns.filter((x) => x.status === 'rejected')) expect(r.reject_reason).toBeTruthy();
    const claims = await partClaimsOf(t.db, { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    expect(new Set(claims.map((c) => c.id))).toEqual(
      new Set(returns.filter((r) => r.status === 'passed').map((r) => r.id)),
    );
  });

  it('leaves part requests of orders in progress in several statuses, approved ones signed', async () => {
    const requests = await t.db
      .selectFrom('part_requests as r')
      .innerJoin('work_orders as wo', 'wo.id', 'r.order_id')
      .select(['r.status', 'r.signature', 'r.approval_reason', 'wo.status as orderStatus'])
      .execute();
    expect(new Set(requests.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
    expect(requests.every((r) => r.orderStatus === 'awaiting_parts')).toBe(true);
    for (const r of requests.filter((x) => x.status !== 'pending_approval'))
      expect(r.signature).toBe(SIGNATURE_PNG);
    expect(SIGNATURE_PNG).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });
});
