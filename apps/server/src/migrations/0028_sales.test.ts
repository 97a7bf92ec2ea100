import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0028 sales', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0028', ['admin', 'agent', 'outlet_manager', 'warehouse', 'finance']);
  });
  afterAll(() => t.drop());

  it('creates the sales tables and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0028_sales');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of [
      'sales_contracts',
      'sales_contract_lines',
      'sales_stock',
      'sales_stock_ledger',
      'sales_samples',
    ])
      expect(tables).toContain(name);
    const perms = (role: string) => permissionsOf(t, role, 'sales:');
    expect(await perms('agent')).toEqual(['sales:read', 'sales:write']);
    expect(await perms('outlet_manager')).toEqual(['sales:read', 'sales:sample_approve', 'sales:write']);
    expect(await perms('warehouse')).toEqual(['sales:read', 'sales:stock']);
    expect(await perms('admin')).toEqual([
      'sales:read',
      'sales:sample_approve',
      'sales:stock',
      'sales:write',
    ]);
    expect(await perms('finance')).toEqual([]);
  });
});
