import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, ownTables, type TestDb } from '../../test/harness.ts';
import { migrate } from '../platform/db/migrate.ts';
import { migrations } from './index.ts';

describe('0025 cards', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ migrate: false });
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name < '0025'),
    );
    for (const role of ['admin', 'agent', 'technician', 'outlet_manager', 'finance'])
      await sql`insert into roles (name, description, default_scope) values (${role}, '', 'all')
        on conflict do nothing`.execute(t.db);
  });
  afterAll(() => t.drop());

  it('creates the card, transfer and receipt tables and grants existing roles the new permissions', async () => {
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name <= '0025_cards'),
    );
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['warranty_cards', 'warranty_card_transfers', 'workshop_receipts'])
      expect(tables).toContain(name);
    const perms = async (role: string) =>
      (await t.db.selectFrom('role_permissions').select('permission').where('role', '=', role).execute())
        .map((p) => p.permission)
        .filter((p) => p.startsWith('card:') || p.startsWith('workshop:'))
        .sort();
    expect(await perms('agent')).toEqual(['card:activate', 'card:transfer']);
    expect(await perms('outlet_manager')).toEqual(['card:activate', 'card:transfer', 'workshop:receipt']);
    expect(await perms('technician')).toEqual(['workshop:receipt']);
    expect(await perms('admin')).toEqual(['card:activate', 'card:transfer', 'workshop:receipt']);
    expect(await perms('finance')).toEqual([]);
  });
});
