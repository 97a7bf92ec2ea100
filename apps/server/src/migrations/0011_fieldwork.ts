import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/**
 * Technician field work (issue #6 parts 5 and 6) and the platform's idempotency keys.
 *
 * A visit is one trip to the customer, opened by 出发 (departed); arrival, diagnosis, work, result
 * and completion are recorded on it. Photos and the signature are files in FileStorage whose
 * sha256 is taken at upload. Flags are proof-of-service warnings (far check-in, …) shown to the
 * outlet, the center and callback staff.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  // A replayed write returns the stored answer; status_code null = the first request still runs.
  // 0001 created an unused placeholder (global key, no request hash, no claim state): replace it.
  await db.schema.dropTable('idempotency_keys').ifExists().execute();
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_json', JSON_TEXT)
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor_id', 'key'])
    .execute();
  await createIndex(db, 'idempotency_keys_created_idx', 'idempotency_keys', ['created_at']);

  await db.schema
    .createTable('field_visits')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('technician_user_id', 'text', (c) => c.notNull())
    .addColumn('departed_at', INSTANT, (c) => c.notNull())
    .addColumn('arrived_at', INSTANT)
    .addColumn('arrival_lat', 'real')
    .addColumn('arrival_lng', 'real')
    .addColumn('arrival_accuracy_m', 'real')
    .addColumn('arrival_distance_m', 'integer')
    .addColumn('started_at', INSTANT)
    .addColumn('fault_code_id', 'text')
    .addColumn('symptom_codes', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('findings', 'text')
    .addColumn('diagnosed_at', INSTANT)
    .addColumn('work_done', 'text')
    // JSON array of { name, quantity, note }: free text until the parts issue lands.
    .addColumn('parts', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('worked_at', INSTANT)
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome is null or outcome in ('fixed','needs_parts','needs_escalation')`),
    )
    .addColumn('outcome_note', 'text')
    .addColumn('outcome_at', INSTANT)
    .addColumn('completed_at', INSTANT)
    .addColumn('completion_method', 'text', (c) =>
      c.check(sql`completion_method is null or completion_method in ('code','signature')`),
    )
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'field_visits_order_idx', 'field_visits', ['order_id', 'departed_at']);

  await db.schema
    .createTable('field_photos')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('visit_id', 'text', (c) => c.references('field_visits.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('before','after','other','signature')`))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // Of the stored bytes (stamp included): a later edit no longer matches.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    // JSON { number, at, lat, lng, address, burnedIn }: what the stamp says.
    .addColumn('stamp', JSON_TEXT, (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('verified_at', INSTANT)
    .addColumn('verified_ok', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'field_photos_order_idx', 'field_photos', ['order_id', 'created_at']);

  await db.schema
    .createTable('field_flags')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('visit_id', 'text')
    .addColumn('flag', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`flag in ('far_check_in','no_location','signature_only','photo_hash_mismatch','completed_without_proof')`,
        ),
    )
    // Dedupe: the same flag about the same subject (visit, photo) is raised once.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', JSON_TEXT, (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'field_flags_subject_uq', 'field_flags', ['order_id', 'flag', 'subject'], {
    unique: true,
  });

  // Completion codes the customer reads out; only a salted hash is kept.
  await db.schema
    .createTable('field_completion_codes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('expires_at', INSTANT, (c) => c.notNull())
    .addColumn('used_at', INSTANT)
    .execute();
  await createIndex(db, 'field_completion_codes_order_idx', 'field_completion_codes', [
    'order_id',
    'created_at',
  ]);
}
