import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0037 telephony', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0037', ['admin', 'agent', 'dispatcher']);
  });
  afterAll(() => t.drop());

  it('creates the events table, one event per call and kind, and grants the agents the pop', async () => {
    await migrateThrough(t, '0037_telephony');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    expect(tables).toContain('telephony_events');
    const at = '2026-06-20T04:00:00.000Z';
    const row = {
      id: 'e1',
      call_id: 'c1',
      kind: 'ringing' as const,
      from_number: '13800000000',
      agent_user_id: null,
      at,
      wait_seconds: null,
      talk_seconds: null,
      abandoned: null,
      received_at: at,
    };
    await t.db.insertInto('telephony_events').values(row).execute();
    await expect(
      t.db
        .insertInto('telephony_events')
        .values({ ...row, id: 'e2' })
        .execute(),
    ).rejects.toThrow();
    await t.db
      .insertInto('telephony_events')
      .values({ ...row, id: 'e3', kind: 'ended' as const, abandoned: 0 })
      .execute();
    const grants = await t.db
      .selectFrom('role_permissions')
      .select(['role', 'permission'])
      .where('permission', 'like', 'telephony:%')
      .orderBy('role')
      .orderBy('permission')
      .execute();
    expect(grants.map((g) => `${g.role} ${g.permission}`)).toEqual([
      'admin telephony:answer',
      'admin telephony:call',
      'agent telephony:answer',
      'agent telephony:call',
    ]);
  });
});
