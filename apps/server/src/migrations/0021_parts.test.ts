import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0021 parts', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0021', ['admin', 'technician', 'outlet_manager', 'warehouse', 'finance']);
  });
  afterAll(() => t.drop());

  it('creates the parts tables, the two HQ locations and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0021_parts');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['part_items', 'stock_levels', 'stock_movements', 'stocktakes', 'stocktake_lines'])
      expect(tables).toContain(name);
    const locations = await t.db.selectFrom('stock_locations').select(['id', 'kind']).orderBy('id').execute();
    expect(locations).toEqual([
      { id: 'loc-defective', kind: 'defective' },
      { id: 'loc-hq', kind: 'hq' },
    ]);
    const perms = (role: string) => permissionsOf(t, role);
    expect(await perms('technician')).toEqual(['parts:read', 'parts:request']);
    expect(await perms('outlet_manager')).toEqual(['parts:read', 'parts:request']);
    expect(await perms('warehouse')).toEqual(['outlet:read', 'parts:approve', 'technician:read']);
    expect(await perms('admin')).toEqual(['parts:approve', 'parts:request']);
    expect(await perms('finance')).toEqual([]);
  });
});
