import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, ownTables, type TestDb } from '../../test/harness.ts';
import { migrate } from '../platform/db/migrate.ts';
import { migrations } from './index.ts';

describe('0021 parts', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ migrate: false });
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name < '0021'),
    );
    for (const role of ['admin', 'technician', 'outlet_manager', 'warehouse', 'finance'])
      await sql`insert into roles (name, description, default_scope) values (${role}, '', 'all')`.execute(
        t.db,
      );
  });
  afterAll(() => t.drop());

  it('creates the parts tables, the two HQ locations and grants existing roles the new permissions', async () => {
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name <= '0021_parts'),
    );
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['part_items', 'stock_levels', 'stock_movements', 'stocktakes', 'stocktake_lines'])
      expect(tables).toContain(name);
    const locations = await t.db.selectFrom('stock_locations').select(['id', 'kind']).orderBy('id').execute();
    expect(locations).toEqual([
      { id: 'loc-defective', kind: 'defective' },
      { id: 'loc-hq', kind: 'hq' },
    ]);
    const perms = async (role: string) =>
      (await t.db.selectFrom('role_permissions').select('permission').where('role', '=', role).execute())
        .map((p) => p.permission)
        .sort();
    expect(await perms('technician')).toEqual(['parts:read', 'parts:request']);
    expect(await perms('outlet_manager')).toEqual(['parts:read', 'parts:request']);
    expect(await perms('warehouse')).toEqual(['outlet:read', 'parts:approve', 'technician:read']);
    expect(await perms('admin')).toEqual(['parts:approve', 'parts:request']);
    expect(await perms('finance')).toEqual([]);
  });
});
