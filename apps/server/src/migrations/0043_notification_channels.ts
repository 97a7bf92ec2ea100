import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT } from '../platform/db/columns.ts';

/**
 * Notification channels (issue #21 item 5).
 *
 * - `notification_templates`: an admin's edit of a template, one row per (event, channel, locale);
 *   templates never edited are the built-in defaults (platform/notify/domain/defaults.ts).
 * - `notification_deliveries`: every send through a channel, one row per outbox message and
 *   recipient (`source_key`), with its attempts and last error; the recipient is stored masked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_templates')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('notification_templates_pk', ['event', 'channel', 'locale'])
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient_masked', 'text', (c) => c.notNull())
    .addColumn('event', 'text')
    .addColumn('locale', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('ref', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'notification_deliveries_created_idx', 'notification_deliveries', ['created_at']);
}
