import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, ownTables, type TestDb } from '../../test/harness.ts';
import { migrate } from '../platform/db/migrate.ts';
import { migrations } from './index.ts';

describe('0023 rma', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ migrate: false });
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name < '0023'),
    );
    for (const role of ['admin', 'agent', 'outlet_manager', 'quality', 'warehouse', 'finance'])
      await sql`insert into roles (name, description, default_scope) values (${role}, '', 'all')`.execute(
        t.db,
      );
  });
  afterAll(() => t.drop());

  it('creates the RMA tables and grants existing roles the new permissions', async () => {
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name <= '0023_rma'),
    );
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['rma_cases', 'rma_photos', 'rma_chargebacks']) expect(tables).toContain(name);
    const perms = async (role: string) =>
      (await t.db.selectFrom('role_permissions').select('permission').where('role', '=', role).execute())
        .map((p) => p.permission)
        .filter((p) => p.startsWith('rma:'))
        .sort();
    expect(await perms('agent')).toEqual(['rma:read', 'rma:request']);
    expect(await perms('outlet_manager')).toEqual(['rma:manage', 'rma:read', 'rma:request']);
    expect(await perms('quality')).toEqual(['rma:approve', 'rma:read']);
    expect(await perms('warehouse')).toEqual(['rma:manage', 'rma:read']);
    expect(await perms('admin')).toEqual(['rma:approve', 'rma:manage', 'rma:read', 'rma:request']);
    expect(await perms('finance')).toEqual([]);
  });
});
