import {
  CertificationSettingsSchema,
  type AttemptResult,
  type MyCourse,
  type MyTraining,
  type QuizAttempt,
  type SubmitAttempt,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/dates.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound, refuse, refusalOf } from '../../platform/http/errors.ts';
import { rolesOfUsers } from '../identity/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import {
  CERTIFICATION_SETTINGS_KEY,
  DEFAULT_CERTIFICATION_SETTINGS,
  certificationStatus,
  certificationsOf,
  grantCertification,
  outletNamesOf,
  technicianRefOf,
  technicianRoster,
  techniciansOf,
} from '../network/index.ts';
import { eventActorOf, trainingPolicy, type TrainingContext } from './context.ts';
import { scoreAnswers, withoutAnswers } from './domain/quiz.ts';
import { coursesOf, expiryAfter, learnerStatus } from './domain/rules.ts';
import { ATTEMPT_EVENTS, ATTEMPT_STREAM } from './training.events.ts';
import {
  assignments,
  attempts,
  courses,
  lessonReads,
  type AttemptRecord,
  type CourseRecord,
} from './training.repository.ts';
import { lessonViews } from './views.ts';

interface Me {
  id: string;
  name: string;
  outletId: string | null;
  roles: Actor['roles'];
}

/**
 * Where a technician stands on one series: the last pass still valid, and the failed attempts on
 * the current edition since that pass (a lapsed pass opens a fresh set of attempts to renew).
 */
export function standing(all: readonly AttemptRecord[], course: CourseRecord, today: string) {
  const mine = all.filter((a) => a.seriesId === course.seriesId);
  const lastPass = [...mine].reverse().find((a) => a.passed);
  const passedValid = !!lastPass && (lastPass.expiresOn === null || lastPass.expiresOn >= today);
  const since = lastPass?.submittedAt ?? '';
  const onEdition = mine.filter((a) => a.courseId === course.id && a.startedAt >= since);
  const used = onEdition.filter((a) => a.status === 'submitted' && !a.passed).length;
  const scores = mine.filter((a) => a.score !== null).map((a) => a.score!);
  return {
    lastPass,
    passedValid,
    used,
    open: onEdition.find((a) => a.status === 'open') ?? null,
    bestScore: scores.length ? Math.max(...scores) : null,
  };
}

/** The technician's side (我的培训): assigned courses, lessons read, quiz attempts, certifications. */
export class LearningService {
  private readonly ctx: TrainingContext;
  constructor(ctx: TrainingContext) {
    this.ctx = ctx;
  }

  /**
   * The technician the actor is. Only the system (the demo seed) may name another technician
   * (`as`), whose roles are then their user account's; requests never pass it.
   */
  private async me(actor: Actor, as?: string): Promise<Me> {
    if (as !== undefined) {
      if (actor.kind !== 'system')
        throw new DomainError('auth.forbidden', 'Only the system acts for a technician');
      const t = await technicianRefOf(this.ctx.db, as);
      if (!t) throw notFound('technician', as);
      const userId = (await technicianRoster(this.ctx.db)).find((x) => x.id === as)?.userId;
      const roles = userId ? ((await rolesOfUsers(this.ctx.db, [userId])).get(userId) ?? []) : [];
      return { id: t.id, name: t.name, outletId: t.outletId, roles };
    }
    const t = actor.userId ? (await techniciansOf(this.ctx.db, { userId: actor.userId }))[0] : undefined;
    if (!t) throw refuse('training.not_a_technician', {});
    return { id: t.id, name: t.name, outletId: t.outletId, roles: actor.roles };
  }

  /** The published editions assigned to the technician, by series, with their due dates. */
  private async assigned(me: Me): Promise<{ course: CourseRecord; dueOn: string }[]> {
    const due = coursesOf(await assignments.all(this.ctx.db), {
      technicianId: me.id,
      outletId: me.outletId,
      roles: me.roles,
    });
    const current = await courses.published(this.ctx.db, [...due.keys()]);
    return [...due.entries()]
      .filter(([s]) => current.has(s))
      .map(([s, dueOn]) => ({ course: current.get(s)!, dueOn }))
      .sort(
        (a, b) => a.dueOn.localeCompare(b.dueOn) || a.course.title.localeCompare(b.course.title, 'zh-CN'),
      );
  }

  private async assignedCourse(me: Me, courseId: string): Promise<{ course: CourseRecord; dueOn: string }> {
    const hit = (await this.assigned(me)).find((x) => x.course.id === courseId);
    if (!hit) throw notFound('training course', courseId);
    return hit;
  }

  async overview(actor: Actor): Promise<MyTraining> {
    const me = await this.me(actor);
    const today = businessDateOf(this.ctx.clock.now());
    const [list, policy, all, certs, certSettings] = await Promise.all([
      this.assigned(me),
      trainingPolicy(this.ctx.db),
      attempts.ofTechnicians(this.ctx.db, [me.id]),
      certificationsOf(this.ctx.db, [me.id]),
      readSetting(
        this.ctx.db,
        CERTIFICATION_SETTINGS_KEY,
        CertificationSettingsSchema,
        DEFAULT_CERTIFICATION_SETTINGS,
      ),
    ]);
    const reads = await lessonReads.of(
      this.ctx.db,
      me.id,
      list.map((x) => x.course.id),
    );
    const outletName = me.outletId
      ? ((await outletNamesOf(this.ctx.db, [me.outletId])).get(me.outletId) ?? null)
      : null;
    const items: MyCourse[] = await Promise.all(
      list.map(async ({ course, dueOn }) => {
        const s = standing(all, course, today);
        return {
          seriesId: course.seriesId,
          courseId: course.id,
          edition: course.edition,
          title: course.title,
          description: course.description,
          categoryCode: course.categoryCode,
          dueOn,
          status: learnerStatus({
            passed: s.passedValid,
            attemptsUsed: s.used,
            maxAttempts: policy.maxAttempts,
            started: !!s.open || (reads.get(course.id)?.length ?? 0) > 0,
            dueOn,
            today,
          }),
          lessons: await lessonViews(this.ctx, course),
          lessonsRead: reads.get(course.id) ?? [],
          questionCount: course.questions.length,
          passMark: course.passMark ?? policy.passMark,
          attemptsUsed: s.used,
          maxAttempts: policy.maxAttempts,
          bestScore: s.bestScore,
          openAttemptId: s.open?.id ?? null,
        };
      }),
    );
    return {
      technician: { id: me.id, name: me.name, outletName },
      courses: items,
      certifications: certs.map((c) => ({
        name: c.name,
        number: c.number,
        categoryCode: c.categoryCode,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        status: certificationStatus(c.expiresOn, today, certSettings.value.expiringSoonDays),
      })),
    };
  }

  /** Marks a lesson read (the quiz opens once every lesson is). Marking twice changes nothing. */
  async markRead(
    actor: Actor,
    courseId: string,
    lessonNo: number,
    as?: string,
  ): Promise<{ lessonsRead: number[] }> {
    const me = await this.me(actor, as);
    const { course } = await this.assignedCourse(me, courseId);
    if (lessonNo < 1 || lessonNo > course.lessons.length)
      throw notFound('training course', `${courseId}/${lessonNo}`);
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await lessonReads.mark(trx, courseId, me.id, lessonNo, this.ctx.clock.now().toISOString());
    });
    return { lessonsRead: (await lessonReads.of(this.ctx.db, me.id, [courseId])).get(courseId) ?? [] };
  }

  /**
   * Starts a quiz attempt (or returns the one already open): every lesson read, no valid pass yet,
   * attempts left. The questions come without their answers.
   */
  async start(actor: Actor, courseId: string, as?: string): Promise<QuizAttempt> {
    const me = await this.me(actor, as);
    const { course } = await this.assignedCourse(me, courseId);
    const today = businessDateOf(this.ctx.clock.now());
    const [policy, all, reads] = await Promise.all([
      trainingPolicy(this.ctx.db),
      attempts.ofTechnicians(this.ctx.db, [me.id]),
      lessonReads.of(this.ctx.db, me.id, [courseId]),
    ]);
    const s = standing(all, course, today);
    if (s.open) return this.attemptView(s.open, course);
    if (s.passedValid)
      throw refuse(
        'training.already_passed',
        { expiresOn: s.lastPass!.expiresOn ?? undefined },
        { path: 'courseId' },
      );
    const unread = course.lessons.length - (reads.get(courseId)?.length ?? 0);
    if (unread > 0) throw refuse('training.lessons_unread', { count: unread }, { path: 'courseId' });
    if (s.used >= policy.maxAttempts)
      throw refuse('training.attempts_exhausted', { max: policy.maxAttempts }, { path: 'courseId' });
    const now = this.ctx.clock.now();
    const a = {
      id: newId(),
      courseId,
      seriesId: course.seriesId,
      technicianId: me.id,
      attemptNo: all.filter((x) => x.courseId === courseId).length + 1,
      startedAt: now.toISOString(),
    };
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await attempts.insert(trx, a);
      await appendEvent(trx, {
        streamType: ATTEMPT_STREAM,
        streamId: a.id,
        type: ATTEMPT_EVENTS.type.started,
        actor: eventActorOf(actor),
        at: now,
        from: null,
        to: 'open',
        data: { courseId, technicianId: me.id, attemptNo: a.attemptNo },
      });
    });
    return this.attemptView(a, course);
  }

  async attempt(actor: Actor, id: string): Promise<QuizAttempt> {
    const { a, course } = await this.ownAttempt(actor, id);
    return this.attemptView(a, course);
  }

  /**
   * Scores an open attempt on the server. A pass grants or renews the course's certification
   * (expiry = today + validity) in the same transaction; submitting the same attempt again is
   * refused, so a score is recorded once.
   */
  async submit(actor: Actor, id: string, input: SubmitAttempt, as?: string): Promise<AttemptResult> {
    const { a, course, me } = await this.ownAttempt(actor, id, as);
    if (a.status !== 'open') throw refuse('training.attempt_submitted', {}, { path: 'id' });
    const scored = scoreAnswers(course.questions, input.answers);
    if (!scored.ok) throw refusalOf(scored.refusal, { path: scored.path });
    const policy = await trainingPolicy(this.ctx.db);
    const passMark = course.passMark ?? policy.passMark;
    const passed = scored.score >= passMark;
    const now = this.ctx.clock.now();
    const today = businessDateOf(now);
    const expiresOn = passed
      ? expiryAfter(today, course.validityMonths ?? policy.defaultValidityMonths)
      : null;
    const certName = course.certificationName ?? course.title;
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await attempts.submit(trx, id, {
        answers: input.answers,
        score: scored.score,
        passed,
        expiresOn,
        at: now.toISOString(),
      });
      if (!ok) throw refuse('training.attempt_submitted', {}, { path: 'id' });
      await appendEvent(trx, {
        streamType: ATTEMPT_STREAM,
        streamId: id,
        type: passed ? ATTEMPT_EVENTS.type.passed : ATTEMPT_EVENTS.type.failed,
        actor: eventActorOf(actor),
        at: now,
        from: 'open',
        to: 'submitted',
        data: { courseId: course.id, technicianId: me.id, score: scored.score, passMark, expiresOn },
      });
      if (passed)
        await grantCertification(
          trx,
          {
            technicianId: me.id,
            name: certName,
            number: null,
            categoryCode: course.categoryCode,
            issuedOn: today,
            expiresOn: expiresOn!,
            source: `training:${course.id}`,
          },
          eventActorOf(actor),
          now,
        );
    });
    const all = await attempts.ofTechnicians(this.ctx.db, [me.id]);
    const used = standing(all, course, today).used;
    return {
      id,
      score: scored.score,
      passMark,
      passed,
      correctCount: scored.correctCount,
      questionCount: course.questions.length,
      attemptsLeft: passed ? 0 : Math.max(0, policy.maxAttempts - used),
      certification: passed ? { name: certName, expiresOn: expiresOn! } : null,
    };
  }

  /** A lesson file of a course assigned to the technician. */
  async courseFor(actor: Actor, courseId: string): Promise<CourseRecord> {
    return (await this.assignedCourse(await this.me(actor), courseId)).course;
  }

  private async ownAttempt(actor: Actor, id: string, as?: string) {
    const me = await this.me(actor, as);
    const a = await attempts.find(this.ctx.db, id);
    if (!a || a.technicianId !== me.id) throw notFound('training attempt', id);
    const course = await courses.find(this.ctx.db, a.courseId);
    if (!course) throw notFound('training attempt', id);
    return { a, course, me };
  }

  private attemptView(
    a: Pick<AttemptRecord, 'id' | 'courseId' | 'attemptNo' | 'startedAt'>,
    c: CourseRecord,
  ): QuizAttempt {
    return {
      id: a.id,
      courseId: a.courseId,
      attemptNo: a.attemptNo,
      questions: withoutAnswers(c.questions),
      startedAt: a.startedAt,
    };
  }
}
