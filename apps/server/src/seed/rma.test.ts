import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { seedDemo, type SeedSize } from './index.ts';
import { seedRma } from './rma.ts';

const ANCHOR = new Date('2026-11-22T06:30:00Z');
const SIZE: SeedSize = { customers: 200, outlets: 6, technicians: 20, orders: 600, cities: 'demo' };

// The demo RMA cases, through the RMA service over generated orders (whatever engine is wired).
describe('RMA demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('opens five cases at different steps, each with its events and an RM number', async () => {
    expect(await seedRma({ db: t.db, dialect: t.dialect }, ANCHOR)).toBe(5);
    const cases = await t.db.selectFrom('rma_cases').select(['id', 'number', 'status', 'kind']).execute();
    // The refund asked a day ago waits for an approver unless the wired engine allows it outright.
    const statuses = cases.map((c) => c.status).sort();
    expect(statuses.filter((s) => s !== 'override_pending' && s !== 'eligible')).toEqual([
      'closed',
      'closed',
      'in_logistics',
      'inspecting',
    ]);
    for (const c of cases) expect(c.number).toMatch(/^RM\d{8}-\d{4}$/);
    const events = await t.db
      .selectFrom('events')
      .select('stream_id')
      .where('stream_type', '=', 'rma_case')
      .execute();
    expect(new Set(events.map((e) => e.stream_id)).size).toBe(5);
    const lines = await t.db.selectFrom('rma_chargebacks').selectAll().execute();
    expect(lines).toEqual([expect.objectContaining({ party: 'outlet', amount_fen: 3_000 })]);
  });
});
