import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, ownTables, type TestDb } from '../../test/harness.ts';
import { migrate } from '../platform/db/migrate.ts';
import { migrations } from './index.ts';

describe('0024 charges', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ migrate: false });
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name < '0024'),
    );
    for (const role of ['admin', 'agent', 'technician', 'warehouse', 'finance'])
      await sql`insert into roles (name, description, default_scope) values (${role}, '', 'all')`.execute(
        t.db,
      );
  });
  afterAll(() => t.drop());

  it('creates the charges tables and grants existing roles the new permissions', async () => {
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name <= '0024_charges'),
    );
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
