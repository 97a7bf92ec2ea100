import {
  LessonInputSchema,
  QuestionInputSchema,
  type AssignmentTarget,
  type CourseStatus,
  type LessonInput,
  type QuestionInput,
} from '@anxin/contracts';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../database.ts';
import type { AssignmentRow } from './domain/rules.ts';
import type { TrainingAttemptsTable, TrainingCoursesTable } from './training.schema.ts';

type Db = Kysely<Database>;

/** One course edition as the module works with it. */
export interface CourseRecord {
  id: string;
  seriesId: string;
  edition: number;
  status: CourseStatus;
  title: string;
  description: string;
  categoryCode: string | null;
  certificationName: string | null;
  validityMonths: number | null;
  passMark: number | null;
  lessons: LessonInput[];
  questions: QuestionInput[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export type CourseContent = Pick<
  CourseRecord,
  | 'title'
  | 'description'
  | 'categoryCode'
  | 'certificationName'
  | 'validityMonths'
  | 'passMark'
  | 'lessons'
  | 'questions'
>;

const Lessons = z.array(LessonInputSchema);
const Questions = z.array(QuestionInputSchema);
const Answers = z.record(z.string(), z.array(z.string()));

const toCourse = (r: Selectable<TrainingCoursesTable>): CourseRecord => ({
  id: r.id,
  seriesId: r.series_id,
  edition: r.edition,
  status: r.status,
  title: r.title,
  description: r.description,
  categoryCode: r.category_code,
  certificationName: r.certification_name,
  validityMonths: r.validity_months,
  passMark: r.pass_mark,
  lessons: Lessons.parse(JSON.parse(r.lessons)),
  questions: Questions.parse(JSON.parse(r.questions)),
  publishedAt: r.published_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const contentColumns = (c: CourseContent) => ({
  title: c.title,
  description: c.description,
  category_code: c.categoryCode,
  certification_name: c.certificationName,
  validity_months: c.validityMonths,
  pass_mark: c.passMark,
  lessons: JSON.stringify(c.lessons),
  questions: JSON.stringify(c.questions),
});

export const courses = {
  async insert(
    trx: Db,
    r: { id: string; seriesId: string; edition: number; createdBy: string | null; at: string },
    c: CourseContent,
  ): Promise<void> {
    await trx
      .insertInto('training_courses')
      .values({
        id: r.id,
        series_id: r.seriesId,
        edition: r.edition,
        status: 'draft',
        ...contentColumns(c),
        published_at: null,
        retired_at: null,
        created_by: r.createdBy,
        created_at: r.at,
        updated_at: r.at,
        version: 1,
      })
      .execute();
  },

  /** Edits a draft at `version`; false when it changed meanwhile or is no longer a draft. */
  async updateDraft(trx: Db, id: string, version: number, c: CourseContent, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('training_courses')
      .set({ ...contentColumns(c), updated_at: at, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async setStatus(
    trx: Db,
    id: string,
    version: number,
    from: CourseStatus,
    to: CourseStatus,
    at: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('training_courses')
      .set({
        status: to,
        updated_at: at,
        version: version + 1,
        ...(to === 'published' ? { published_at: at } : {}),
        ...(to === 'retired' ? { retired_at: at } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Retires whatever edition of the series is published (publishing the next one). */
  async retirePublished(trx: Db, seriesId: string, at: string): Promise<string[]> {
    const rows = await trx
      .updateTable('training_courses')
      .set((eb) => ({ status: 'retired', retired_at: at, updated_at: at, version: eb('version', '+', 1) }))
      .where('series_id', '=', seriesId)
      .where('status', '=', 'published')
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  },

  async find(db: Db, id: string): Promise<CourseRecord | undefined> {
    const r = await db.selectFrom('training_courses').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toCourse(r);
  },

  async list(db: Db, status?: CourseStatus): Promise<CourseRecord[]> {
    let q = db.selectFrom('training_courses').selectAll();
    if (status) q = q.where('status', '=', status);
    const rows = await q.orderBy('updated_at', 'desc').orderBy('id').limit(500).execute();
    return rows.map(toCourse);
  },

  async ofSeries(db: Db, seriesId: string): Promise<CourseRecord[]> {
    const rows = await db
      .selectFrom('training_courses')
      .selectAll()
      .where('series_id', '=', seriesId)
      .orderBy('edition')
      .execute();
    return rows.map(toCourse);
  },

  /** The published edition of each series (series without one are left out). */
  async published(db: Db, seriesIds: readonly string[]): Promise<Map<string, CourseRecord>> {
    if (!seriesIds.length) return new Map();
    const rows = await db
      .selectFrom('training_courses')
      .selectAll()
      .where('series_id', 'in', [...seriesIds])
      .where('status', '=', 'published')
      .execute();
    return new Map(rows.map((r) => [r.series_id, toCourse(r)]));
  },

  async attemptCounts(db: Db, courseIds: readonly string[]): Promise<Map<string, number>> {
    if (!courseIds.length) return new Map();
    const rows = await db
      .selectFrom('training_attempts')
      .select(['course_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('course_id', 'in', [...courseIds])
      .groupBy('course_id')
      .execute();
    return new Map(rows.map((r) => [r.course_id, Number(r.n)]));
  },
};

export interface FileRecord {
  id: string;
  courseId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: string;
}

export const files = {
  async insert(trx: Db, f: FileRecord): Promise<void> {
    await trx
      .insertInto('training_files')
      .values({
        id: f.id,
        course_id: f.courseId,
        filename: f.filename,
        content_type: f.contentType,
        size_bytes: f.sizeBytes,
        sha256: f.sha256,
        storage_key: f.storageKey,
        created_at: f.createdAt,
      })
      .execute();
  },

  async ofCourse(db: Db, courseId: string): Promise<FileRecord[]> {
    const rows = await db
      .selectFrom('training_files')
      .selectAll()
      .where('course_id', '=', courseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      courseId: r.course_id,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      sha256: r.sha256,
      storageKey: r.storage_key,
      createdAt: r.created_at,
    }));
  },
};

export const assignments = {
  async insert(trx: Db, rows: (AssignmentRow & { createdBy: string | null; createdAt: string })[]) {
    if (!rows.length) return;
    await trx
      .insertInto('training_assignments')
      .values(
        rows.map((a) => ({
          id: a.id,
          series_id: a.seriesId,
          target_kind: a.targetKind,
          target_id: a.targetId,
          due_on: a.dueOn,
          created_by: a.createdBy,
          created_at: a.createdAt,
        })),
      )
      .execute();
  },

  async all(db: Db): Promise<(AssignmentRow & { createdAt: string })[]> {
    const rows = await db
      .selectFrom('training_assignments')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      seriesId: r.series_id,
      targetKind: r.target_kind as AssignmentTarget,
      targetId: r.target_id,
      dueOn: r.due_on,
      createdAt: r.created_at,
    }));
  },
};

export const lessonReads = {
  async mark(trx: Db, courseId: string, technicianId: string, lessonNo: number, at: string) {
    await trx
      .insertInto('training_lesson_reads')
      .values({ course_id: courseId, technician_id: technicianId, lesson_no: lessonNo, read_at: at })
      .onConflict((oc) => oc.columns(['course_id', 'technician_id', 'lesson_no']).doNothing())
      .execute();
  },

  async of(db: Db, technicianId: string, courseIds: readonly string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    if (!courseIds.length) return out;
    const rows = await db
      .selectFrom('training_lesson_reads')
      .select(['course_id', 'lesson_no'])
      .where('technician_id', '=', technicianId)
      .where('course_id', 'in', [...courseIds])
      .orderBy('lesson_no')
      .execute();
    for (const r of rows) out.set(r.course_id, [...(out.get(r.course_id) ?? []), r.lesson_no]);
    return out;
  },
};

export interface AttemptRecord {
  id: string;
  courseId: string;
  seriesId: string;
  technicianId: string;
  attemptNo: number;
  status: 'open' | 'submitted';
  answers: Record<string, string[]> | null;
  score: number | null;
  passed: boolean;
  expiresOn: string | null;
  startedAt: string;
  submittedAt: string | null;
}

const toAttempt = (r: Selectable<TrainingAttemptsTable>): AttemptRecord => ({
  id: r.id,
  courseId: r.course_id,
  seriesId: r.series_id,
  technicianId: r.technician_id,
  attemptNo: r.attempt_no,
  status: r.status,
  answers: r.answers === null ? null : Answers.parse(JSON.parse(r.answers)),
  score: r.score,
  passed: r.passed === 1,
  expiresOn: r.expires_on,
  startedAt: r.started_at,
  submittedAt: r.submitted_at,
});

export const attempts = {
  async insert(
    trx: Db,
    a: Pick<AttemptRecord, 'id' | 'courseId' | 'seriesId' | 'technicianId' | 'attemptNo' | 'startedAt'>,
  ) {
    await trx
      .insertInto('training_attempts')
      .values({
        id: a.id,
        course_id: a.courseId,
        series_id: a.seriesId,
        technician_id: a.technicianId,
        attempt_no: a.attemptNo,
        status: 'open',
        answers: null,
        score: null,
        passed: 0,
        expires_on: null,
        started_at: a.startedAt,
        submitted_at: null,
      })
      .execute();
  },

  /** Records the result of an open attempt; false when it was already submitted. */
  async submit(
    trx: Db,
    id: string,
    r: {
      answers: Record<string, string[]>;
      score: number;
      passed: boolean;
      expiresOn: string | null;
      at: string;
    },
  ): Promise<boolean> {
    const u = await trx
      .updateTable('training_attempts')
      .set({
        status: 'submitted',
        answers: JSON.stringify(r.answers),
        score: r.score,
        passed: r.passed ? 1 : 0,
        expires_on: r.expiresOn,
        submitted_at: r.at,
      })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(u.numUpdatedRows) === 1;
  },

  async find(db: Db, id: string): Promise<AttemptRecord | undefined> {
    const r = await db.selectFrom('training_attempts').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toAttempt(r);
  },

  async ofTechnicians(db: Db, technicianIds: readonly string[]): Promise<AttemptRecord[]> {
    const out: AttemptRecord[] = [];
    for (let i = 0; i < technicianIds.length; i += 500) {
      const rows = await db
        .selectFrom('training_attempts')
        .selectAll()
        .where('technician_id', 'in', technicianIds.slice(i, i + 500))
        .orderBy('started_at')
        .orderBy('id')
        .execute();
      out.push(...rows.map(toAttempt));
    }
    return out;
  },
};
