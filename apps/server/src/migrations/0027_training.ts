import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Training (issue #17 item 6): course editions (lessons and quiz as JSON, frozen once published),
 * their uploaded files, assignments to a role, an outlet or a technician, lessons read and quiz
 * attempts (answers stored as submitted, scored by the server). Certifications stay in network's
 * `technician_certifications`, written through its index.
 *
 * The new `training:*` permissions join existing databases' default roles here; a fresh database
 * gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    /** Every edition of one course shares the series id (what assignments point at). */
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('edition', 'integer', (c) => c.notNull().check(sql`edition >= 1`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['draft', 'published', 'retired'])),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text')
    .addColumn('certification_name', 'text')
    .addColumn('validity_months', 'integer', (c) => c.check(sql`validity_months >= 1`))
    .addColumn('pass_mark', 'integer', (c) => c.check(sql`pass_mark between 1 and 100`))
    .addColumn('lessons', JSON_TEXT, (c) => c.notNull())
    .addColumn('questions', JSON_TEXT, (c) => c.notNull())
    .addColumn('published_at', INSTANT)
    .addColumn('retired_at', INSTANT)
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('training_courses_edition_uq', ['series_id', 'edition'])
    .execute();
  await createIndex(db, 'training_courses_status_idx', 'training_courses', ['status', 'series_id']);

  await db.schema
    .createTable('training_files')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'training_files_course_idx', 'training_files', ['course_id']);

  await db.schema
    .createTable('training_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) =>
      c.notNull().check(inList('target_kind', ['role', 'outlet', 'technician'])),
    )
    /** A role name, an outlet id or a technician id. */
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('due_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'training_assignments_target_idx', 'training_assignments', [
    'target_kind',
    'target_id',
  ]);
  await createIndex(db, 'training_assignments_series_idx', 'training_assignments', ['series_id']);

  await db.schema
    .createTable('training_lesson_reads')
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    .addColumn('technician_id', 'text', (c) => c.notNull())
    .addColumn('lesson_no', 'integer', (c) => c.notNull())
    .addColumn('read_at', INSTANT, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_lesson_reads_pk', ['course_id', 'technician_id', 'lesson_no'])
    .execute();

  await db.schema
    .createTable('training_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('technician_id', 'text', (c) => c.notNull())
    .addColumn('attempt_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['open', 'submitted'])))
    .addColumn('answers', JSON_TEXT)
    .addColumn('score', 'integer', (c) => c.check(sql`score between 0 and 100`))
    .addColumn('passed', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`passed in (0, 1)`),
    )
    /** The certification's expiry a pass granted (business date). */
    .addColumn('expires_on', BUSINESS_DATE)
    .addColumn('started_at', INSTANT, (c) => c.notNull())
    .addColumn('submitted_at', INSTANT)
    .addUniqueConstraint('training_attempts_no_uq', ['course_id', 'technician_id', 'attempt_no'])
    .execute();
  await createIndex(db, 'training_attempts_tech_idx', 'training_attempts', ['technician_id', 'series_id']);

  const grant = async (roles: string[], perms: string[]) => {
    for (const role of roles)
      for (const p of perms)
        await sql`insert into role_permissions (role, permission)
          select name, ${p} from roles where name = ${role}
          on conflict do nothing`.execute(db);
  };
  await grant(['technician'], ['training:learn']);
  await grant(['outlet_manager', 'manager'], ['training:read']);
  await grant(['quality'], ['training:read', 'training:manage']);
  await grant(['admin'], ['training:read', 'training:manage', 'training:learn']);
}
