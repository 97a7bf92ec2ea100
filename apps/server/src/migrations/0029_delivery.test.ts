import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0029 delivery', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0029', ['admin', 'agent', 'technician', 'dispatcher', 'finance']);
  });
  afterAll(() => t.drop());

  it('creates the crew, booking and photo tables and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0029_delivery');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['delivery_crews', 'delivery_bookings', 'delivery_photos'])
      expect(tables).toContain(name);
    const perms = (role: string) => permissionsOf(t, role, 'delivery:');
    expect(await perms('agent')).toEqual(['delivery:book', 'delivery:manage', 'delivery:read']);
    expect(await perms('dispatcher')).toEqual(['delivery:book', 'delivery:plan', 'delivery:read']);
    expect(await perms('technician')).toEqual(['delivery:read', 'delivery:work']);
    expect(await perms('admin')).toHaveLength(5);
    expect(await perms('finance')).toEqual([]);
  });
});
