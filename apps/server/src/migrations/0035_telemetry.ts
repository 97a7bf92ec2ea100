import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Telemetry intake and equipment alerts (产品预警, issue #18 item 2).
 * - `telemetry_devices`: a device per installed product, its token stored as SHA-256 only, and its
 *   latest state (running hours, last seen).
 * - `telemetry_readings`: one lean row per reading, unique per (device, message id): a batch sent
 *   twice stores nothing the second time.
 * - `telemetry_rules`: alert rules as data (the condition as JSON).
 * - `telemetry_alerts`: `open_key` (device + rule [+ fault code]) is set while the alert is open or
 *   acknowledged and cleared when it is resolved; its unique index is what makes a burst of
 *   parallel batches raise one alert (and so one order) on both databases.
 *
 * The new permissions `telemetry:*` join existing databases' default roles here; a fresh database
 * gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('telemetry_devices')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text')
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(inList('state', ['active', 'revoked'])))
    .addColumn('token_hash', 'text')
    .addColumn('token_hint', 'text')
    .addColumn('token_issued_at', INSTANT)
    .addColumn('running_hours', 'double precision')
    .addColumn('last_seen_at', INSTANT)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'telemetry_devices_serial_uq', 'telemetry_devices', ['serial'], { unique: true });
  await createIndex(db, 'telemetry_devices_token_uq', 'telemetry_devices', ['token_hash'], { unique: true });
  await createIndex(db, 'telemetry_devices_product_idx', 'telemetry_devices', ['product_id']);

  await db.schema
    .createTable('telemetry_readings')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('device_id', 'text', (c) => c.notNull().references('telemetry_devices.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('at', INSTANT, (c) => c.notNull())
    .addColumn('running_hours', 'double precision')
    .addColumn('fault_codes', JSON_TEXT, (c) => c.notNull())
    .addColumn('metrics', JSON_TEXT, (c) => c.notNull())
    .addColumn('received_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'telemetry_readings_message_uq', 'telemetry_readings', ['device_id', 'message_id'], {
    unique: true,
  });
  await createIndex(db, 'telemetry_readings_device_at_idx', 'telemetry_readings', ['device_id', 'at']);

  await db.schema
    .createTable('telemetry_rules')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['threshold', 'fault_code', 'runtime'])),
    )
    .addColumn('condition', JSON_TEXT, (c) => c.notNull())
    .addColumn('severity', 'text', (c) =>
      c.notNull().check(inList('severity', ['info', 'warning', 'critical'])),
    )
    .addColumn('order_type', 'text', (c) =>
      c.notNull().check(inList('order_type', ['repair', 'maintenance'])),
    )
    .addColumn('model_id', 'text')
    .addColumn('category_code', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('telemetry_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('device_id', 'text', (c) => c.notNull().references('telemetry_devices.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('telemetry_rules.id'))
    .addColumn('fault_code', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    /** The dedupe key while open or acknowledged; null once resolved (a later firing opens anew). */
    .addColumn('open_key', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(inList('state', ['open', 'acknowledged', 'resolved'])),
    )
    .addColumn('severity', 'text', (c) =>
      c.notNull().check(inList('severity', ['info', 'warning', 'critical'])),
    )
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'double precision')
    .addColumn('first_seen_at', INSTANT, (c) => c.notNull())
    .addColumn('last_seen_at', INSTANT, (c) => c.notNull())
    /** Set while one caller creates the alert's order, so a second caller (a redelivery) waits. */
    .addColumn('order_claimed_at', INSTANT)
    .addColumn('work_order_id', 'text')
    .addColumn('work_order_number', 'text')
    .addColumn('resolved_at', INSTANT)
    .addColumn('resolution', 'text', (c) =>
      c.check(sql`resolution is null or resolution in ('order_closed', 'manual')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint(
      'telemetry_alerts_open_ck',
      sql`(state = 'resolved' and open_key is null) or (state <> 'resolved' and open_key is not null and open_key = dedupe_key)`,
    )
    .execute();
  await createIndex(db, 'telemetry_alerts_open_uq', 'telemetry_alerts', ['open_key'], { unique: true });
  await createIndex(db, 'telemetry_alerts_state_idx', 'telemetry_alerts', ['state', 'last_seen_at']);
  await createIndex(db, 'telemetry_alerts_device_idx', 'telemetry_alerts', ['device_id']);
  await createIndex(db, 'telemetry_alerts_order_idx', 'telemetry_alerts', ['work_order_id']);

  for (const [permission, roles] of [
    ['telemetry:read', ['admin', 'manager', 'agent', 'dispatcher']],
    ['telemetry:manage', ['admin', 'manager']],
  ] as const)
    await sql`insert into role_permissions (role, permission)
      select name, ${permission} from roles where name in (${sql.join([...roles])})
      on conflict do nothing`.execute(db);
}
