import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { makeCustomer } from '../../test/factories/customers.ts';
import { migrate } from '../platform/db/migrate.ts';
import { migrations } from './index.ts';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.drop();
  t = undefined;
});

const AT = '2026-01-05T02:00:00.000Z';
const order = (id: string, customerId: string, parent: string | null) => ({
  id,
  number: `WX-${id}`,
  type: 'repair',
  status: 'new',
  channel: 'hotline',
  customer_id: customerId,
  product_id: null,
  category_code: null,
  fault_description: 'x',
  fault_code_id: null,
  symptom_codes: '[]',
  urgency: 'normal',
  customer_tier: 'standard',
  contact_name: 'x',
  contact_phone: '13800000000',
  province_code: null,
  city_code: null,
  district_code: null,
  address: null,
  lat: null,
  lng: null,
  preferred_windows: '[]',
  appointment_start: null,
  appointment_end: null,
  outlet_id: null,
  technician_id: null,
  technician_user_id: null,
  escalation_tier: 1,
  remote_guidance: null,
  cancel_reason: null,
  linked_ref: null,
  parent_order_id: parent,
  sla_state: 'at_risk',
  sla_due_at: null,
  paused_since: null,
  created_by: null,
  created_at: AT,
  updated_at: AT,
  completed_at: null,
  closed_at: null,
  version: 1,
});
const clock = (orderId: string) => ({
  order_id: orderId,
  metric: 'response',
  policy_id: 'default',
  mode: 'business_hours',
  budget: 60,
  at_risk_percent: 80,
  notify_role: 'dispatcher',
  started_at: AT,
  stopped_at: null,
  pauses: '[]',
  due_at: null,
  at_risk_at: null,
  state: 'breached',
  next_check_at: null,
  at_risk_raised_at: null,
  breached_raised_at: null,
  calendar_version: null,
  error: null,
  updated_at: AT,
});

describe('0018_sla_unknown', () => {
  it('widens the SLA state checks and keeps rows, references, foreign keys and indexes', async () => {
    t = await createTestDb({ migrate: false });
    const upTo = migrations.findIndex((m) => m.name === '0018_sla_unknown');
    await migrate(t.db, t.dialect, migrations.slice(0, upTo));
    const db = t.db as any;
    const customerId = await makeCustomer(t, { name: '王', phone: '13800000000', at: AT });
    await db
      .insertInto('work_orders')
      .values(order('p', customerId, null))
      .execute();
    await db
      .insertInto('work_orders')
      .values(order('c', customerId, 'p'))
      .execute();
    await db.insertInto('sla_clocks').values(clock('c')).execute();
    await expect(
      db.updateTable('work_orders').set({ sla_state: 'unknown' }).where('id', '=', 'p').execute(),
    ).rejects.toThrow();

    await migrate(t.db, t.dialect, migrations);

    const rows = await db
      .selectFrom('work_orders')
      .select(['id', 'parent_order_id', 'sla_state'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'c', parent_order_id: 'p', sla_state: 'at_risk' },
      { id: 'p', parent_order_id: null, sla_state: 'at_risk' },
    ]);
    expect(await db.selectFrom('sla_clocks').select(['order_id', 'state']).execute()).toEqual([
      { order_id: 'c', state: 'breached' },
    ]);
    await db.updateTable('work_orders').set({ sla_state: 'unknown' }).where('id', '=', 'p').execute();
    await db.updateTable('sla_clocks').set({ state: 'unknown' }).where('order_id', '=', 'c').execute();
    await expect(
      db.updateTable('work_orders').set({ sla_state: 'late' }).where('id', '=', 'p').execute(),
    ).rejects.toThrow();
    await expect(
      db.updateTable('sla_clocks').set({ state: 'late' }).where('order_id', '=', 'c').execute(),
    ).rejects.toThrow();
    // Foreign keys still hold, both to the rebuilt table and from it.
    await expect(db.insertInto('sla_clocks').values(clock('nope')).execute()).rejects.toThrow();
    await expect(
      db
        .insertInto('work_orders')
        .values(order('x', 'no-customer', null))
        .execute(),
    ).rejects.toThrow();
    await expect(db.deleteFrom('work_orders').where('id', '=', 'p').execute()).rejects.toThrow();
    if (t.dialect === 'sqlite') {
      const idx = await sql<{ name: string }>`
        select name from sqlite_schema where type = 'index' and tbl_name = 'work_orders' and sql is not null`.execute(
        t.db,
      );
      expect(idx.rows.map((r) => r.name)).toContain('work_orders_sla_idx');
      const leftovers = await sql<{ name: string }>`
        select name from sqlite_schema where name like '%0018%'`.execute(t.db);
      expect(leftovers.rows).toEqual([]);
    }
  });
});
