import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0032 call records', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0032', ['admin', 'agent', 'manager']);
  });
  afterAll(() => t.drop());

  it('creates call_records and grants the new permissions to existing roles', async () => {
    await migrateThrough(t, '0032_call_records');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    expect(tables).toContain('call_records');
    const grants = await t.db
      .selectFrom('role_permissions')
      .select(['role', 'permission'])
      .where('permission', 'like', 'callcenter:%')
      .orderBy('role')
      .orderBy('permission')
      .execute();
    expect(grants.map((g) => `${g.role} ${g.permission}`)).toEqual([
      'admin callcenter:manage',
      'admin callcenter:own',
      'admin callcenter:read',
      'agent callcenter:own',
      'manager callcenter:manage',
      'manager callcenter:own',
      'manager callcenter:read',
    ]);
  });
});
