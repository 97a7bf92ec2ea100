import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0038 recalls', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0038', ['admin', 'agent', 'dispatcher', 'quality', 'manager']);
  });
  afterAll(() => t.drop());

  it('adds the batch column, the recall tables with one row per product and attempt, and the grants', async () => {
    await migrateThrough(t, '0038_recalls');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['recalls', 'recall_products', 'recall_calls']) expect(tables).toContain(name);
    expect(
      await t.db
        .selectFrom('installed_products')
        .select('production_batch')
        .where('production_batch', '=', 'B1')
        .execute(),
    ).toEqual([]);
    const at = '2026-06-20T04:00:00.000Z';
    await t.db
      .insertInto('recalls')
      .values({
        id: 'r1',
        title: 'T',
        reason: '',
        order_type: 'repair',
        criteria: '{}',
        status: 'active',
        launched_at: at,
        closed_at: null,
        created_by: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await expect(
      t.db
        .insertInto('recalls')
        .values({
          id: 'r2',
          title: 'T',
          reason: '',
          order_type: 'repair',
          criteria: '{}',
          status: 'open' as never,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute(),
    ).rejects.toThrow();
    const row = {
      id: 'rp1',
      recall_id: 'r1',
      product_id: 'p1',
      customer_id: 'c1',
      model_id: 'm1',
      serial: 'SN00100',
      contact_status: 'pending' as const,
      call_attempts: 0,
      version: 1,
      created_at: at,
    };
    await t.db.insertInto('recall_products').values(row).execute();
    // The same product twice in one recall is refused.
    await expect(
      t.db
        .insertInto('recall_products')
        .values({ ...row, id: 'rp2' })
        .execute(),
    ).rejects.toThrow();
    const call = {
      id: 'c1',
      recall_id: 'r1',
      recall_product_id: 'rp1',
      attempt: 1,
      outcome: 'no_answer' as const,
      note: '',
      called_at: at,
    };
    await t.db.insertInto('recall_calls').values(call).execute();
    await expect(
      t.db
        .insertInto('recall_calls')
        .values({ ...call, id: 'c2' })
        .execute(),
    ).rejects.toThrow();
    const grants = await t.db
      .selectFrom('role_permissions')
      .select(['role', 'permission'])
      .where('permission', 'like', 'recalls:%')
      .orderBy('role')
      .orderBy('permission')
      .execute();
    expect(grants.map((g) => `${g.role} ${g.permission}`)).toEqual([
      'admin recalls:call',
      'admin recalls:manage',
      'admin recalls:read',
      'agent recalls:call',
      'agent recalls:read',
      'manager recalls:call',
      'manager recalls:manage',
      'manager recalls:read',
      'quality recalls:call',
      'quality recalls:manage',
      'quality recalls:read',
    ]);
  });
});
