import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0045 community', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0045', ['admin', 'agent', 'quality', 'manager', 'technician']);
  });
  afterAll(() => t.drop());

  it('creates the tables, keeps registrations within capacity, one referral per phone, and grants the roles', async () => {
    await migrateThrough(t, '0045_community');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['referrals', 'community_events', 'event_invitations', 'event_registrations'])
      expect(tables).toContain(name);
    const at = '2026-06-20T04:00:00.000Z';
    const event = {
      id: 'e1',
      title: '用户讲座',
      kind: 'seminar' as const,
      starts_at: at,
      place: '门店',
      region_code: null,
      capacity: 1,
      registered: 1,
      status: 'open' as const,
      created_by: null,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await t.db.insertInto('community_events').values(event).execute();
    // The database refuses more registrations than places even if a write forgot the rule.
    await expect(
      t.db.updateTable('community_events').set({ registered: 2 }).where('id', '=', 'e1').execute(),
    ).rejects.toThrow();
    const referral = {
      id: 'r1',
      number: 'ZJ20260620-0001',
      referrer_id: 'c1',
      name: '王先生',
      phone: '13800000001',
      region_code: null,
      interest_category: null,
      channel: 'phone' as const,
      note: '',
      reward: 0,
      agent_id: null,
      status: 'draft' as const,
      lost_reason: null,
      converted_customer_id: null,
      converted_contract_id: null,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await t.db.insertInto('referrals').values(referral).execute();
    await expect(
      t.db
        .insertInto('referrals')
        .values({ ...referral, id: 'r2', number: 'ZJ20260620-0002' })
        .execute(),
    ).rejects.toThrow();
    for (const role of ['agent', 'quality', 'manager'])
      expect(await permissionsOf(t, role, 'community:')).toEqual(['community:manage', 'community:read']);
    expect(await permissionsOf(t, 'technician', 'community:')).toEqual([]);
  });
});
