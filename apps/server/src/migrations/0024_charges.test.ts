import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0024 charges', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0024', ['admin', 'agent', 'technician', 'warehouse', 'finance']);
  });
  afterAll(() => t.drop());

  it('creates the charges tables and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0024_charges');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['price_lists', 'price_list_lines', 'quotes', 'quote_lines', 'quote_payments'])
      expect(tables).toContain(name);
    const perms = async (role: string) =>
      (
        await t.db
          .selectFrom('role_permissions')
          .select('permission')
          .where('role', '=', role)
          .where('permission', 'like', 'charges:%')
          .execute()
      )
        .map((p) => p.permission)
        .sort();
    expect(await perms('admin')).toEqual([
      'charges:collect',
      'charges:price',
      'charges:quote',
      'charges:read',
    ]);
    expect(await perms('agent')).toEqual(['charges:collect', 'charges:quote', 'charges:read']);
    expect(await perms('technician')).toEqual(['charges:collect', 'charges:quote', 'charges:read']);
    expect(await perms('finance')).toEqual(['charges:collect', 'charges:price', 'charges:read']);
    expect(await perms('warehouse')).toEqual([]);
  });
});
