import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex } from '../platform/db/columns.ts';

/** Job singleton semantics and the notifications record (platform/jobs, platform/notify). */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  // 0001 made (name, singleton_key) unique over every row, so one finished job would block its key
  // forever. A key now only blocks while a job with it waits for its first attempt, which is
  // pg-boss's 'short' policy: a change arriving while the job runs can still queue a follow-up.
  await db.schema.dropIndex('job_queue_singleton_idx').execute();
  await createIndex(db, 'job_queue_singleton_idx', 'job_queue', ['name', 'singleton_key'], {
    unique: true,
    where: "state = 'queued' and attempts = 0",
  });

  // What was sent to whom: SMS as delivered (phone masked) and in-app notifications per user.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms','in_app')`))
    // Deduplicates redelivery: outbox row id (plus user id for role fan-out).
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('role', 'text')
    .addColumn('recipient_masked', 'text')
    .addColumn('template', 'text')
    .addColumn('title', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await createIndex(db, 'notifications_user_idx', 'notifications', ['user_id', 'read_at', 'created_at']);
  await createIndex(db, 'notifications_ref_idx', 'notifications', ['ref', 'created_at']);
}
