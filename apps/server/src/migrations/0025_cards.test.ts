import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0025 cards', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0025', ['admin', 'agent', 'technician', 'outlet_manager', 'finance']);
  });
  afterAll(() => t.drop());

  it('creates the card, transfer and receipt tables and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0025_cards');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['warranty_cards', 'warranty_card_transfers', 'workshop_receipts'])
      expect(tables).toContain(name);
    const perms = (role: string) => permissionsOf(t, role, 'card:', 'workshop:');
    expect(await perms('agent')).toEqual(['card:activate', 'card:transfer']);
    expect(await perms('outlet_manager')).toEqual(['card:activate', 'card:transfer', 'workshop:receipt']);
    expect(await perms('technician')).toEqual(['workshop:receipt']);
    expect(await perms('admin')).toEqual(['card:activate', 'card:transfer', 'workshop:receipt']);
    expect(await perms('finance')).toEqual([]);
  });
});
