import type {
  CourseInput,
  CourseListItem,
  CourseStatus,
  CreateAssignment,
  TrainingAssignment,
  TrainingCourse,
  UpdateCourse,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/dates.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refuse, refusalOf, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { productCategoriesByCodes } from '../catalog/index.ts';
import { outletNamesOf } from '../network/index.ts';
import { eventActorOf, type TrainingContext } from './context.ts';
import { quizProblem } from './domain/quiz.ts';
import { allows, reaches, type AssignmentRow, type CourseAction } from './domain/rules.ts';
import { activeLearners } from './learners.ts';
import { assignments, courses, files, type CourseContent, type CourseRecord } from './training.repository.ts';
import { COURSE_EVENTS, COURSE_STREAM } from './training.events.ts';
import { courseView, listItem } from './views.ts';

const createdBy = (a: Actor) => (a.kind === 'system' ? null : a.userId);

/** Course editions (draft → published → retired) and their assignments, for the training manager. */
export class CoursesService {
  private readonly ctx: TrainingContext;
  constructor(ctx: TrainingContext) {
    this.ctx = ctx;
  }

  async list(status?: CourseStatus): Promise<{ items: CourseListItem[] }> {
    const rows = await courses.list(this.ctx.db, status);
    const counts = await courses.attemptCounts(
      this.ctx.db,
      rows.map((c) => c.id),
    );
    return { items: rows.map((c) => listItem(c, counts.get(c.id) ?? 0)) };
  }

  async find(id: string): Promise<CourseRecord> {
    const c = await courses.find(this.ctx.db, id);
    if (!c) throw notFound('training course', id);
    return c;
  }

  async get(id: string): Promise<TrainingCourse> {
    const c = await this.find(id);
    const [fileRows, counts] = await Promise.all([
      files.ofCourse(this.ctx.db, id),
      courses.attemptCounts(this.ctx.db, [id]),
    ]);
    return courseView(this.ctx, c, fileRows, counts.get(id) ?? 0);
  }

  /** A new course: edition 1 of a new series, as a draft. */
  async create(actor: Actor, input: CourseInput): Promise<TrainingCourse> {
    const content = await this.checkContent(input, []);
    const id = newId();
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const at = now.toISOString();
      await courses.insert(trx, { id, seriesId: id, edition: 1, createdBy: createdBy(actor), at }, content);
      await this.event(trx, actor, id, COURSE_EVENTS.type.drafted, now, null, 'draft', {
        title: content.title,
        edition: 1,
      });
    });
    return this.get(id);
  }

  /** Edits a draft. A published or retired edition is frozen: revise it into the next draft instead. */
  async update(actor: Actor, id: string, input: UpdateCourse): Promise<TrainingCourse> {
    const c = await this.find(id);
    this.mayTake('edit', c);
    if (c.version !== input.version) throw versionConflict('training course', id, input.version);
    const { version, ...rest } = input;
    const content = await this.checkContent(
      rest,
      (await files.ofCourse(this.ctx.db, id)).map((f) => f.id),
    );
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await courses.updateDraft(trx, id, version, content, now.toISOString())))
        throw versionConflict('training course', id, version);
      await this.event(trx, actor, id, COURSE_EVENTS.type.edited, now, 'draft', 'draft', {
        title: content.title,
      });
    });
    return this.get(id);
  }

  /**
   * The next edition of a series as a draft, copied from this one (its files too): how a published
   * course is changed without touching what learners took. One draft per series at a time.
   */
  async revise(actor: Actor, id: string): Promise<TrainingCourse> {
    const c = await this.find(id);
    const series = await courses.ofSeries(this.ctx.db, c.seriesId);
    const draft = series.find((x) => x.status === 'draft');
    if (draft) throw refuse('training.draft_exists', { edition: draft.edition }, { path: 'id' });
    const edition = Math.max(...series.map((x) => x.edition)) + 1;
    const newCourseId = newId();
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const fileRows = await files.ofCourse(this.ctx.db, id);
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      // Files are shared by storage key; each edition lists its own rows, so ids change.
      const idOf = new Map(fileRows.map((f) => [f.id, newId()]));
      for (const f of fileRows) await files.insert(trx, { ...f, id: idOf.get(f.id)!, courseId: newCourseId });
      const lessons = c.lessons.map((l) => ({
        ...l,
        fileId: l.fileId ? (idOf.get(l.fileId) ?? null) : null,
      }));
      await courses.insert(
        trx,
        { id: newCourseId, seriesId: c.seriesId, edition, createdBy: createdBy(actor), at },
        { ...c, lessons },
      );
      await this.event(trx, actor, newCourseId, COURSE_EVENTS.type.drafted, now, null, 'draft', {
        title: c.title,
        edition,
        from: c.id,
      });
    });
    return this.get(newCourseId);
  }

  /** Publishes a draft with lessons and a quiz; the series' previous published edition retires. */
  async publish(actor: Actor, id: string, version: number): Promise<TrainingCourse> {
    const c = await this.find(id);
    this.mayTake('publish', c);
    if (c.version !== version) throw versionConflict('training course', id, version);
    const missing = !c.lessons.length ? 'lessons' : !c.questions.length ? 'questions' : null;
    if (missing) throw refuse('training.not_publishable', { missing }, { path: missing });
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const at = now.toISOString();
      for (const old of await courses.retirePublished(trx, c.seriesId, at))
        await this.event(trx, actor, old, COURSE_EVENTS.type.retired, now, 'published', 'retired', {
          replacedBy: id,
        });
      if (!(await courses.setStatus(trx, id, version, 'draft', 'published', at)))
        throw versionConflict('training course', id, version);
      await this.event(trx, actor, id, COURSE_EVENTS.type.published, now, 'draft', 'published', {
        edition: c.edition,
      });
    });
    return this.get(id);
  }

  async retire(actor: Actor, id: string, version: number): Promise<TrainingCourse> {
    const c = await this.find(id);
    this.mayTake('retire', c);
    if (c.version !== version) throw versionConflict('training course', id, version);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await courses.setStatus(trx, id, version, 'published', 'retired', now.toISOString())))
        throw versionConflict('training course', id, version);
      await this.event(trx, actor, id, COURSE_EVENTS.type.retired, now, 'published', 'retired', {});
    });
    return this.get(id);
  }

  /** Assigns a course series (its published edition) to a role, an outlet or named technicians. */
  async assign(actor: Actor, input: CreateAssignment): Promise<{ items: TrainingAssignment[] }> {
    const published = (await courses.published(this.ctx.db, [input.seriesId])).get(input.seriesId);
    if (!published) {
      const any = await courses.ofSeries(this.ctx.db, input.seriesId);
      if (!any.length) throw notFound('training course', input.seriesId);
      throw refuse('training.no_published_edition', {}, { path: 'seriesId' });
    }
    const now = this.ctx.clock.now();
    const today = businessDateOf(now);
    if (input.dueOn < today) throw refuse('training.due_in_past', { today }, { path: 'dueOn' });
    const targets = await this.targetsOf(input.target);
    const rows: AssignmentRow[] = targets.map((t) => ({
      id: newId(),
      seriesId: input.seriesId,
      targetKind: input.target.kind,
      targetId: t,
      dueOn: input.dueOn,
    }));
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await assignments.insert(
        trx,
        rows.map((r) => ({ ...r, createdBy: createdBy(actor), createdAt: at })),
      );
      await this.event(trx, actor, published.id, COURSE_EVENTS.type.assigned, now, null, null, {
        seriesId: input.seriesId,
        target: input.target.kind,
        targetIds: targets,
        dueOn: input.dueOn,
      });
    });
    const ids = new Set(rows.map((r) => r.id));
    return { items: (await this.assignments(actor)).items.filter((a) => ids.has(a.id)) };
  }

  /**
   * Assignments with the technicians each reaches. A scoped reader sees role assignments and those
   * naming technicians or outlets they may see, counted over the technicians they may see.
   */
  async assignments(actor?: Actor): Promise<{ items: TrainingAssignment[] }> {
    const [all, learners] = await Promise.all([
      assignments.all(this.ctx.db),
      activeLearners(this.ctx.db, actor?.scope),
    ]);
    const seen = new Set(learners.flatMap((l) => [l.technicianId, l.outletId ?? '']));
    const rows =
      !actor || actor.scope.level === 'all'
        ? all
        : all.filter((r) => r.targetKind === 'role' || seen.has(r.targetId));
    const current = await courses.published(this.ctx.db, [...new Set(rows.map((r) => r.seriesId))]);
    const series = await Promise.all(
      [...new Set(rows.map((r) => r.seriesId))].map((s) => courses.ofSeries(this.ctx.db, s)),
    );
    const titleOf = new Map(series.map((s) => [s[0]!.seriesId, s[s.length - 1]!.title]));
    const outlets = await outletNamesOf(
      this.ctx.db,
      rows.filter((r) => r.targetKind === 'outlet').map((r) => r.targetId),
    );
    const techNames = new Map(learners.map((l) => [l.technicianId, l.name]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        seriesId: r.seriesId,
        courseTitle: current.get(r.seriesId)?.title ?? titleOf.get(r.seriesId) ?? '',
        targetKind: r.targetKind,
        targetId: r.targetId,
        targetName:
          r.targetKind === 'outlet'
            ? (outlets.get(r.targetId) ?? r.targetId)
            : r.targetKind === 'technician'
              ? (techNames.get(r.targetId) ?? r.targetId)
              : r.targetId,
        dueOn: r.dueOn,
        technicianCount: learners.filter((l) => reaches(r, l)).length,
        createdAt: r.createdAt,
      })),
    };
  }

  private async targetsOf(t: CreateAssignment['target']): Promise<string[]> {
    if (t.kind === 'role') return [t.role];
    if (t.kind === 'outlet') {
      if (!(await outletNamesOf(this.ctx.db, [t.outletId])).has(t.outletId))
        throw notFound('outlet', t.outletId);
      return [t.outletId];
    }
    const known = new Set((await activeLearners(this.ctx.db)).map((l) => l.technicianId));
    const ids = [...new Set(t.technicianIds)];
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw notFound('technician', unknown);
    return ids;
  }

  /** Content as stored: the quiz consistent, files only this draft's own uploads. */
  private async checkContent(
    input: CourseInput | Omit<UpdateCourse, 'version'>,
    fileIds: string[],
  ): Promise<CourseContent> {
    const code = input.categoryCode;
    if (code && !(await productCategoriesByCodes(this.ctx.db, [code])).some((c) => c.active))
      throw fieldError('categoryCode', 'unknown_category', `Unknown product category ${code}`);
    const bad = quizProblem(input.questions);
    if (bad) throw refusalOf(bad.refusal, { path: bad.path });
    input.lessons.forEach((l, i) => {
      if (l.fileId && !fileIds.includes(l.fileId))
        throw refuse('training.unknown_file', { fileId: l.fileId }, { path: `lessons.${i}.fileId` });
    });
    return {
      title: input.title,
      description: input.description,
      categoryCode: input.categoryCode,
      certificationName: input.certificationName,
      validityMonths: input.validityMonths,
      passMark: input.passMark,
      lessons: input.lessons,
      questions: input.questions,
    };
  }

  private mayTake(action: CourseAction, c: CourseRecord) {
    if (!allows(action, c.status))
      throw action === 'edit'
        ? refuse('training.course_frozen', { status: c.status }, { path: 'version' })
        : refuse('state.invalid_transition', {
            from: c.status,
            to: action === 'publish' ? 'published' : 'retired',
            allowed: [],
          });
  }

  private event(
    trx: Parameters<Parameters<typeof withTransaction>[2]>[0]['trx'],
    actor: Actor,
    id: string,
    type: (typeof COURSE_EVENTS.type)[keyof typeof COURSE_EVENTS.type],
    at: Date,
    from: string | null,
    to: string | null,
    data: Record<string, unknown>,
  ) {
    return appendEvent(trx, {
      streamType: COURSE_STREAM,
      streamId: id,
      type,
      actor: eventActorOf(actor),
      at,
      from,
      to,
      data: { ...data, actorName: actor.displayName },
    });
  }
}
