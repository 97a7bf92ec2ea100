import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0035 telemetry', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0035', ['admin', 'agent', 'dispatcher', 'technician', 'manager']);
  });
  afterAll(() => t.drop());

  it('creates the tables, keeps one open alert per key and one reading per message, grants the permissions', async () => {
    await migrateThrough(t, '0035_telemetry');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['telemetry_devices', 'telemetry_readings', 'telemetry_rules', 'telemetry_alerts'])
      expect(tables).toContain(name);
    const at = '2026-06-20T04:00:00.000Z';
    await t.db
      .insertInto('telemetry_devices')
      .values({
        id: 'd1',
        product_id: 'p1',
        customer_id: 'c1',
        model_id: 'm1',
        category_code: 'AC',
        district_code: null,
        serial: 'DEV-1',
        label: '',
        state: 'active',
        token_hash: 'h1',
        token_hint: 'axd_ab',
        token_issued_at: at,
        running_hours: 12.5,
        last_seen_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const reading = {
      id: 'r1',
      device_id: 'd1',
      message_id: 'm-1',
      at,
      running_hours: null,
      fault_codes: '[]',
      metrics: '{}',
      received_at: at,
    };
    await t.db.insertInto('telemetry_readings').values(reading).execute();
    await expect(
      t.db
        .insertInto('telemetry_readings')
        .values({ ...reading, id: 'r2' })
        .execute(),
    ).rejects.toThrow();
    await t.db
      .insertInto('telemetry_rules')
      .values({
        id: 'rule1',
        name: 'E1',
        kind: 'fault_code',
        condition: '{"kind":"fault_code","codes":["E1"]}',
        severity: 'critical',
        order_type: 'repair',
        model_id: null,
        category_code: null,
        active: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const alert = {
      id: 'a1',
      device_id: 'd1',
      rule_id: 'rule1',
      fault_code: 'E1',
      dedupe_key: 'd1|rule1|E1',
      open_key: 'd1|rule1|E1',
      state: 'open' as const,
      severity: 'critical' as const,
      count: 1,
      last_value: null,
      first_seen_at: at,
      last_seen_at: at,
      order_claimed_at: null,
      work_order_id: null,
      work_order_number: null,
      resolved_at: null,
      resolution: null,
      version: 1,
    };
    await t.db.insertInto('telemetry_alerts').values(alert).execute();
    // A second open alert of the same problem is refused; a resolved one may sit beside it.
    await expect(
      t.db
        .insertInto('telemetry_alerts')
        .values({ ...alert, id: 'a2' })
        .execute(),
    ).rejects.toThrow();
    await t.db
      .insertInto('telemetry_alerts')
      .values({
        ...alert,
        id: 'a3',
        open_key: null,
        state: 'resolved' as const,
        resolved_at: at,
        resolution: 'manual' as const,
      })
      .execute();
    // Resolved keeps no open key; open keeps its dedupe key.
    await expect(
      t.db
        .insertInto('telemetry_alerts')
        .values({ ...alert, id: 'a4', open_key: null })
        .execute(),
    ).rejects.toThrow();
    const grants = await t.db
      .selectFrom('role_permissions')
      .select(['role', 'permission'])
      .where('permission', 'like', 'telemetry:%')
      .orderBy('role')
      .orderBy('permission')
      .execute();
    expect(grants.map((g) => `${g.role} ${g.permission}`)).toEqual([
      'admin telemetry:manage',
      'admin telemetry:read',
      'agent telemetry:read',
      'dispatcher telemetry:read',
      'manager telemetry:manage',
      'manager telemetry:read',
    ]);
  });
});
