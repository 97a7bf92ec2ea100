import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { ensureRoles } from '../modules/identity/index.ts';
import { communityFigures } from '../modules/community/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { seedCommunity } from './community.ts';
import { seedModules } from './derive.ts';
import { seedDemo, type SeedSize } from './index.ts';

const ANCHOR = new Date('2026-06-20T04:00:00.000Z');
const SIZE: SeedSize = { customers: 300, outlets: 6, technicians: 20, orders: 200, cities: 'demo' };

// The demo community over the generated customers: referrals, a seminar held and a product day open.
describe('community demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ensureRoles(t.db);
    await seedDemo(t.db, t.dialect, { anchor: ANCHOR, seed: 7, size: SIZE, derive: false });
  }, 300_000);
  afterAll(() => t?.drop());

  it('writes referrals in every state and two events with invitations, registrations and attendance', async () => {
    const ids = await seedCommunity({ db: t.db, dialect: t.dialect }, ANCHOR);
    expect(ids).toBeTruthy();
    const { modules } = seedModules({ db: t.db, dialect: t.dialect }, new ManualClock(ANCHOR));
    const refs = await modules.community.referrals.list();
    expect(refs.map((r) => r.status).sort()).toEqual([
      'contacted',
      'converted',
      'converted',
      'draft',
      'draft',
      'lost',
    ]);
    const held = await modules.community.events.get(ids!.held);
    expect(held).toMatchObject({ status: 'done', registered: 5, attended: 4 });
    expect(held.invited).toBeGreaterThanOrEqual(4);
    const next = await modules.community.events.get(ids!.next);
    expect(next).toMatchObject({ status: 'open', registered: 2, attended: 0 });
    const f = await communityFigures(t.db, { from: '2026-05-01', to: '2026-06-30' });
    expect(f.referrals).toEqual({ count: 6, converted: 2, conversionRate: 0.3333 });
    expect(f.events).toMatchObject({ events: 2, registered: 7, attended: 4 });
  });
});
