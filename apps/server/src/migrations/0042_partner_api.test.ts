import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0042 partner API', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0042', ['admin', 'outlet_manager', 'technician', 'agent']);
  });
  afterAll(() => t.drop());

  it('lets outlet managers make API tokens, and no one else newly', async () => {
    const holders = async () =>
      (
        await t.db
          .selectFrom('role_permissions')
          .select('role')
          .where('permission', '=', 'token:manage')
          .orderBy('role')
          .execute()
      ).map((r) => r.role);
    expect(await holders()).not.toContain('outlet_manager');
    await migrateThrough(t, '0042_partner_api');
    expect(await holders()).toEqual(['outlet_manager']);
    // Running again changes nothing.
    await migrateThrough(t, '0042_partner_api');
    expect(await holders()).toEqual(['outlet_manager']);
  });

  it('lets a webhook endpoint be limited to one outlet, all by default', async () => {
    const at = '2026-12-07T02:00:00.000Z';
    const row = {
      id: 'ep1',
      url: 'https://partner.example.com/hook',
      description: '',
      event_types: '[]',
      secret: 'whsec_x',
      status: 'active' as const,
      consecutive_failures: 0,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await t.db.insertInto('webhook_endpoints').values(row).execute();
    await t.db
      .insertInto('webhook_endpoints')
      .values({ ...row, id: 'ep2', outlet_id: 'o1' })
      .execute();
    const rows = await t.db
      .selectFrom('webhook_endpoints')
      .select(['id', 'outlet_id'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'ep1', outlet_id: null },
      { id: 'ep2', outlet_id: 'o1' },
    ]);
  });
});
