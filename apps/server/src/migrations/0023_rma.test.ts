import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0023 rma', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0023', ['admin', 'agent', 'outlet_manager', 'quality', 'warehouse', 'finance']);
  });
  afterAll(() => t.drop());

  it('creates the RMA tables and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0023_rma');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['rma_cases', 'rma_photos', 'rma_chargebacks']) expect(tables).toContain(name);
    const perms = (role: string) => permissionsOf(t, role, 'rma:');
    expect(await perms('agent')).toEqual(['rma:read', 'rma:request']);
    expect(await perms('outlet_manager')).toEqual(['rma:manage', 'rma:read', 'rma:request']);
    expect(await perms('quality')).toEqual(['rma:approve', 'rma:read']);
    expect(await perms('warehouse')).toEqual(['rma:manage', 'rma:read']);
    expect(await perms('admin')).toEqual(['rma:approve', 'rma:manage', 'rma:read', 'rma:request']);
    expect(await perms('finance')).toEqual([]);
  });
});
