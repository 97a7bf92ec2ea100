import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0036 service contracts', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0036', ['admin', 'agent', 'finance', 'technician', 'manager']);
  });
  afterAll(() => t.drop());

  it('creates the tables, keeps a visit unique per order and a reminder per term, and grants the permissions', async () => {
    await migrateThrough(t, '0036_service_contracts');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of [
      'service_contracts',
      'service_contract_instalments',
      'service_contract_visits',
      'service_contract_reminders',
    ])
      expect(tables).toContain(name);
    const at = '2026-06-20T04:00:00.000Z';
    const contract = {
      id: 'c1',
      number: 'HT20260620-0001',
      customer_id: 'cu1',
      kind: 'all_inclusive' as const,
      coverage: '{}',
      starts_on: '2026-07-01',
      ends_on: '2027-06-30',
      sla_tier: 'priority' as const,
      visit_quota: 6,
      parts_covered: 1,
      labour_covered: 1,
      price_fen: 120000,
      billing: 'quarterly' as const,
      note: null,
      status: 'draft' as const,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await t.db.insertInto('service_contracts').values(contract).execute();
    // The last day is not before the first; kinds are checked.
    await expect(
      t.db
        .insertInto('service_contracts')
        .values({ ...contract, id: 'c2', number: 'N2', ends_on: '2026-06-30' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto('service_contracts')
        .values({ ...contract, id: 'c3', number: 'N3', kind: 'other' as never })
        .execute(),
    ).rejects.toThrow();
    const visit = {
      id: 'v1',
      contract_id: 'c1',
      work_order_id: 'wo1',
      work_order_number: 'WO1',
      installed_product_id: 'ip1',
      visited_on: '2026-07-02',
      created_at: at,
    };
    await t.db.insertInto('service_contract_visits').values(visit).execute();
    await expect(
      t.db
        .insertInto('service_contract_visits')
        .values({ ...visit, id: 'v2' })
        .execute(),
    ).rejects.toThrow();
    const reminder = { id: 'r1', contract_id: 'c1', ends_on: '2027-06-30', raised_at: at, done_at: null };
    await t.db.insertInto('service_contract_reminders').values(reminder).execute();
    await expect(
      t.db
        .insertInto('service_contract_reminders')
        .values({ ...reminder, id: 'r2' })
        .execute(),
    ).rejects.toThrow();
    const grants = await t.db
      .selectFrom('role_permissions')
      .select(['role', 'permission'])
      .where('permission', 'like', 'servicecontract:%')
      .orderBy('role')
      .orderBy('permission')
      .execute();
    expect(grants.map((g) => `${g.role} ${g.permission}`)).toEqual([
      'admin servicecontract:manage',
      'admin servicecontract:read',
      'agent servicecontract:read',
      'finance servicecontract:read',
      'manager servicecontract:manage',
      'manager servicecontract:read',
    ]);
  });
});
