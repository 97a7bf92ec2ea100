import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/**
 * Multi-brand outlet inbox (issue #21 item 6): connections to other brands' Anxin instances (the
 * token sealed with the data directory's key), the mirror of their orders for the outlet, and the
 * outbox of answers forwarded to them. Existing databases' outlet managers get the grants here; a
 * fresh database gets them from `ensureRoles`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('brand_connections')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('token_hint', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('last_sync_at', INSTANT)
    .addColumn('last_sync_problem', JSON_TEXT)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'brand_connections_outlet_idx', 'brand_connections', ['outlet_id']);

  await db.schema
    .createTable('brand_orders')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('offer_id', 'text')
    .addColumn('offer_due_at', INSTANT)
    .addColumn('customer_name', 'text')
    .addColumn('customer_phone', 'text')
    .addColumn('address', 'text')
    .addColumn('category_code', 'text')
    .addColumn('window_start', INSTANT)
    .addColumn('window_end', INSTANT)
    .addColumn('technician_name', 'text')
    .addColumn('remote_version', 'integer', (c) => c.notNull())
    .addColumn('remote_created_at', INSTANT)
    .addColumn('synced_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'brand_orders_remote_uq', 'brand_orders', ['connection_id', 'remote_id'], {
    unique: true,
  });

  await db.schema
    .createTable('brand_actions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('accept', 'reject', 'schedule')`))
    .addColumn('input', JSON_TEXT, (c) => c.notNull())
    /** The exact request, fixed at the first attempt: every retry sends the same body and key. */
    .addColumn('request', JSON_TEXT)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', INSTANT)
    .addColumn('problem', JSON_TEXT)
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('sent_at', INSTANT)
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'brand_actions_due_idx', 'brand_actions', ['status', 'next_attempt_at']);
  await createIndex(db, 'brand_actions_order_idx', 'brand_actions', ['order_id', 'created_at']);

  for (const permission of ['brandinbox:read', 'brandinbox:manage'])
    await sql`insert into role_permissions (role, permission)
      select name, ${permission} from roles where name in ('admin', 'outlet_manager')
      on conflict do nothing`.execute(db);
}
