import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex } from '../platform/db/columns.ts';

/** Identity, access, events, outbox, jobs and settings: the tables every module builds on. */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await identity(db);
  await eventsAndOutbox(db);
  await jobs(db);
  await settings(db);
}

async function identity(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('staff','customer')`))
    .addColumn('password_hash', 'text')
    .addColumn('phone', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('scope_level', 'text', (c) =>
      c
        .notNull()
        .defaultTo('own')
        .check(sql`scope_level in ('all','region','outlet','own')`),
    )
    .addColumn('scope_regions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('outlet_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('active', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`active in (0,1)`),
    )
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await createIndex(db, 'users_phone_idx', 'users', ['phone']);

  await db.schema
    .createTable('roles')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_scope', 'text', (c) =>
      c.notNull().check(sql`default_scope in ('all','region','outlet','own')`),
    )
    .execute();
  await db.schema
    .createTable('role_permissions')
    .addColumn('role', 'text', (c) => c.notNull().references('roles.name').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_permissions_pk', ['role', 'permission'])
    .execute();
  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().references('roles.name'))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await createIndex(db, 'sessions_user_idx', 'sessions', ['user_id']);

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('success', 'integer', (c) => c.notNull().check(sql`success in (0,1)`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await createIndex(db, 'login_attempts_user_at_idx', 'login_attempts', ['username', 'at']);

  await db.schema
    .createTable('otp_codes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await createIndex(db, 'otp_codes_subject_idx', 'otp_codes', ['purpose', 'subject', 'created_at']);
}

async function eventsAndOutbox(db: Kysely<any>): Promise<void> {
  // Append-only: the audit trail and every timeline are read from here.
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('stream_type', 'text', (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_kind', 'text', (c) =>
      c.notNull().check(sql`actor_kind in ('user','customer','system','token')`),
    )
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('reason', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('request_id', 'text')
    .execute();
  await createIndex(db, 'events_stream_idx', 'events', ['stream_type', 'stream_id', 'id']);
  await createIndex(db, 'events_type_idx', 'events', ['type', 'id']);

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('available_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dispatched_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await createIndex(db, 'outbox_pending_idx', 'outbox', ['dispatched_at', 'available_at']);

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function jobs(db: Kysely<any>): Promise<void> {
  // The in-process scheduler's queue on SQLite; PostgreSQL uses pg-boss's own schema instead.
  await db.schema
    .createTable('job_queue')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('singleton_key', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('queued','active','completed','failed')`),
    )
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await createIndex(db, 'job_queue_due_idx', 'job_queue', ['state', 'run_at']);
  await createIndex(db, 'job_queue_singleton_idx', 'job_queue', ['name', 'singleton_key'], { unique: true });

  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('every_seconds', 'integer', (c) => c.notNull())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .execute();
}

async function settings(db: Kysely<any>): Promise<void> {
  // Business settings (SLA targets, policies) are data, edited in the UI, audited through events.
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
