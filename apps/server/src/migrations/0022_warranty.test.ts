import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0022 warranty', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0022', ['admin', 'quality', 'manager', 'agent']);
  });
  afterAll(() => t.drop());

  it('creates the policy table and grants existing roles the new permissions', async () => {
    await migrateThrough(t, '0022_warranty');
    expect((await ownTables(t.db)).map((x) => x.name)).toContain('warranty_policies');
    const perms = (role: string) => permissionsOf(t, role);
    expect(await perms('quality')).toEqual(['warranty:manage', 'warranty:read']);
    expect(await perms('admin')).toEqual(['warranty:manage', 'warranty:read']);
    expect(await perms('manager')).toEqual(['warranty:read']);
    expect(await perms('agent')).toEqual([]);
  });

  it('refuses an end date before the start date', async () => {
    await t.db
      .insertInto('product_categories')
      .values({
        code: 'X',
        name_zh: 'X',
        name_en: 'X',
        unit_warranty_months: 12,
        main_parts_warranty_months: 12,
        service_minutes: 60,
        active: 1,
      })
      .execute();
    const row = {
      id: 'p1',
      policy_key: 'X',
      category_code: 'X',
      brand: null,
      version: 1,
      kind: 'contract',
      name_zh: 'x',
      name_en: 'x',
      params: '{}',
      status: 'draft',
      effective_from: '2025-02-01',
      effective_to: '2025-01-01',
      used: 0,
      created_by: null,
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      published_at: null,
    } as const;
    await expect(t.db.insertInto('warranty_policies').values(row).execute()).rejects.toThrow();
    // The same row with the dates in order is stored: the CHECK was what refused it.
    await t.db
      .insertInto('warranty_policies')
      .values({ ...row, effective_to: '2025-03-01' })
      .execute();
  });
});
