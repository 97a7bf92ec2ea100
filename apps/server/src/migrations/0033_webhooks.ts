import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Webhooks (issue #21 item 2, Standard Webhooks 1.0): endpoints with their subscribed event types
 * and `whsec_` secrets (the previous one kept until `previous_secret_expires_at` after a
 * rotation), and one delivery row per (endpoint, event) whose id is the `webhook-id` header.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('event_types', JSON_TEXT, (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_expires_at', INSTANT)
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['active', 'paused'])))
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('paused_reason', 'text', (c) => c.check(inList('paused_reason', ['failures', 'manual'])))
    .addColumn('paused_at', INSTANT)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('endpoint_id', 'text', (c) =>
      c.notNull().references('webhook_endpoints.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'text')
    .addColumn('event_type', 'text', (c) => c.notNull())
    // Null for catalogued events: the body is built from the event at send time, so a PIPL
    // redaction of the event reaches retries and replays too. Set for test events.
    .addColumn('payload', JSON_TEXT)
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['pending', 'succeeded', 'failed', 'dead'])),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', INSTANT)
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_endpoint_event_uq', ['endpoint_id', 'event_id'])
    .execute();
  await createIndex(db, 'webhook_deliveries_endpoint_idx', 'webhook_deliveries', ['endpoint_id', 'id']);
  await createIndex(db, 'webhook_deliveries_status_idx', 'webhook_deliveries', ['status', 'id']);
  await createIndex(db, 'webhook_endpoints_status_idx', 'webhook_endpoints', ['status']);
}
