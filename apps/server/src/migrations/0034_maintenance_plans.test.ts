import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0034 maintenance plans', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0034', ['admin', 'agent', 'dispatcher', 'technician', 'manager']);
  });
  afterAll(() => t.drop());

  it('creates the tables, keeps a run unique per (plan, product, due date) and grants the permissions', async () => {
    await migrateThrough(t, '0034_maintenance_plans');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    expect(tables).toContain('maintenance_plans');
    expect(tables).toContain('maintenance_runs');
    const at = '2026-06-20T04:00:00.000Z';
    const plan = {
      id: 'p1',
      name: '保养',
      model_id: 'm1',
      category_code: null,
      interval_months: 12,
      interval_hours: null,
      lead_days: null,
      checklist: '[]',
      parts_kit: '[]',
      active: 1,
      starts_on: '2026-06-20',
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await t.db.insertInto('maintenance_plans').values(plan).execute();
    // Exactly one of model and category; at least one interval.
    await expect(
      t.db
        .insertInto('maintenance_plans')
        .values({ ...plan, id: 'p2', category_code: 'WM' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto('maintenance_plans')
        .values({ ...plan, id: 'p3', interval_months: null })
        .execute(),
    ).rejects.toThrow();
    const run = {
      id: 'r1',
      plan_id: 'p1',
      installed_product_id: 'ip1',
      due_on: '2026-07-01',
      work_order_id: null,
      work_order_number: null,
      created_at: at,
    };
    await t.db.insertInto('maintenance_runs').values(run).execute();
    await expect(
      t.db
        .insertInto('maintenance_runs')
        .values({ ...run, id: 'r2' })
        .execute(),
    ).rejects.toThrow();
    const grants = await t.db
      .selectFrom('role_permissions')
      .select(['role', 'permission'])
      .where('permission', 'like', 'maintenance:%')
      .orderBy('role')
      .orderBy('permission')
      .execute();
    expect(grants.map((g) => `${g.role} ${g.permission}`)).toEqual([
      'admin maintenance:manage',
      'admin maintenance:read',
      'agent maintenance:read',
      'dispatcher maintenance:read',
      'manager maintenance:manage',
      'manager maintenance:read',
    ]);
  });
});
