import { z } from 'zod';
import { BusinessDateSchema, IdSchema, storedText } from './common.ts';
import { ROLES } from './permissions.ts';

/**
 * Training (培训, issue #17 item 6): courses of lessons (text, a video or attachment, a linked
 * knowledge article) and a short quiz, assigned to a role, an outlet or named technicians with a
 * due date. A passed quiz grants or renews the technician's certification for the course's product
 * category (network module), which the dispatch skill check reads.
 *
 * A course is versioned: its editions share a `seriesId`; a draft is edited in place, a published
 * edition is frozen (editing makes the next draft edition), publishing retires the previous one.
 */

export const COURSE_STATUSES = ['draft', 'published', 'retired'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const QUESTION_KINDS = ['single', 'multiple'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const ASSIGNMENT_TARGETS = ['role', 'outlet', 'technician'] as const;
export type AssignmentTarget = (typeof ASSIGNMENT_TARGETS)[number];

/** Where a technician stands on one assigned course. */
export const LEARNER_STATUSES = ['not_started', 'in_progress', 'passed', 'failed', 'overdue'] as const;
export type LearnerStatus = (typeof LEARNER_STATUSES)[number];

const text = (max: number) => storedText().trim().min(1).max(max);
const ShortId = storedText().regex(/^[a-z0-9_-]{1,24}$/i);

export const LessonInputSchema = z.strictObject({
  title: text(120),
  body: storedText().max(20_000).default(''),
  /** A video or attachment uploaded to this draft (`POST /training/courses/:id/files`). */
  fileId: IdSchema.nullable().default(null),
  /** A knowledge-base article to read with the lesson. */
  articleId: IdSchema.nullable().default(null),
});
export type LessonInput = z.infer<typeof LessonInputSchema>;

export const QuestionInputSchema = z.strictObject({
  id: ShortId,
  text: text(500),
  kind: z.enum(QUESTION_KINDS),
  options: z
    .array(z.strictObject({ id: ShortId, text: text(200) }))
    .min(2)
    .max(8),
  /** The right option ids: one for `single`, one or more for `multiple`. Never sent to learners. */
  correct: z.array(ShortId).min(1).max(8),
});
export type QuestionInput = z.infer<typeof QuestionInputSchema>;

export const CourseInputSchema = z.strictObject({
  title: text(120),
  description: storedText().max(2000).default(''),
  /** The product category the course certifies (null: no certification). */
  categoryCode: storedText().min(1).max(32).nullable().default(null),
  /** Name of the certification granted (defaults to the title). */
  certificationName: text(120).nullable().default(null),
  /** Months a pass stays valid; null: the `training.policy` default. */
  validityMonths: z.number().int().min(1).max(120).nullable().default(null),
  /** Percent needed to pass; null: the `training.policy` default. */
  passMark: z.number().int().min(1).max(100).nullable().default(null),
  lessons: z.array(LessonInputSchema).max(30).default([]),
  questions: z.array(QuestionInputSchema).max(50).default([]),
});
export type CourseInput = z.infer<typeof CourseInputSchema>;
export const UpdateCourseSchema = CourseInputSchema.extend({ version: z.number().int().min(1) });
export type UpdateCourse = z.infer<typeof UpdateCourseSchema>;
export const CourseStepSchema = z.strictObject({ version: z.number().int().min(1) });

export const CourseFileSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});
export type CourseFile = z.infer<typeof CourseFileSchema>;

const LessonSchema = z.object({
  no: z.number().int(),
  title: z.string(),
  body: z.string(),
  fileId: z.string().nullable(),
  articleId: z.string().nullable(),
  /** The linked article as the knowledge base has it now (null: none, or no longer there). */
  article: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type Lesson = z.infer<typeof LessonSchema>;

const QuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(QUESTION_KINDS),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type QuizQuestion = z.infer<typeof QuestionSchema>;

/** A course edition as the training manager sees it (with the answers). */
export const TrainingCourseSchema = z.object({
  id: z.string(),
  seriesId: z.string(),
  edition: z.number().int(),
  status: z.enum(COURSE_STATUSES),
  title: z.string(),
  description: z.string(),
  categoryCode: z.string().nullable(),
  certificationName: z.string().nullable(),
  validityMonths: z.number().int().nullable(),
  passMark: z.number().int().nullable(),
  lessons: z.array(LessonSchema),
  questions: z.array(QuestionSchema.extend({ correct: z.array(z.string()) })),
  files: z.array(CourseFileSchema),
  /** Attempts made on this edition: once any, it stays as it is. */
  attemptCount: z.number().int(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TrainingCourse = z.infer<typeof TrainingCourseSchema>;

export const CourseListItemSchema = TrainingCourseSchema.pick({
  id: true,
  seriesId: true,
  edition: true,
  status: true,
  title: true,
  categoryCode: true,
  validityMonths: true,
  passMark: true,
  attemptCount: true,
  publishedAt: true,
  updatedAt: true,
  version: true,
}).extend({ lessonCount: z.number().int(), questionCount: z.number().int() });
export type CourseListItem = z.infer<typeof CourseListItemSchema>;
export const CourseListSchema = z.object({ items: z.array(CourseListItemSchema) });
export const CourseQuerySchema = z.strictObject({ status: z.enum(COURSE_STATUSES).optional() });

export const CreateAssignmentSchema = z.strictObject({
  seriesId: IdSchema,
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('role'), role: z.enum(ROLES) }),
    z.strictObject({ kind: z.literal('outlet'), outletId: IdSchema }),
    z.strictObject({ kind: z.literal('technician'), technicianIds: z.array(IdSchema).min(1).max(200) }),
  ]),
  dueOn: BusinessDateSchema,
});
export type CreateAssignment = z.infer<typeof CreateAssignmentSchema>;

export const TrainingAssignmentSchema = z.object({
  id: z.string(),
  seriesId: z.string(),
  courseTitle: z.string(),
  targetKind: z.enum(ASSIGNMENT_TARGETS),
  targetId: z.string(),
  /** The outlet's or technician's name, or the role key. */
  targetName: z.string(),
  dueOn: z.string(),
  /** Technicians the assignment reaches today. */
  technicianCount: z.number().int(),
  createdAt: z.string(),
});
export type TrainingAssignment = z.infer<typeof TrainingAssignmentSchema>;
export const AssignmentListSchema = z.object({ items: z.array(TrainingAssignmentSchema) });

/** One assigned course on the technician's phone (no answers). */
export const MyCourseSchema = z.object({
  seriesId: z.string(),
  courseId: z.string(),
  edition: z.number().int(),
  title: z.string(),
  description: z.string(),
  categoryCode: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(LEARNER_STATUSES),
  lessons: z.array(LessonSchema),
  /** Lessons read so far (numbers). */
  lessonsRead: z.array(z.number().int()),
  questionCount: z.number().int(),
  passMark: z.number().int(),
  attemptsUsed: z.number().int(),
  maxAttempts: z.number().int(),
  bestScore: z.number().int().nullable(),
  /** An attempt started and not yet submitted (its questions come from the attempt endpoint). */
  openAttemptId: z.string().nullable(),
});
export type MyCourse = z.infer<typeof MyCourseSchema>;

export const MyCertificationSchema = z.object({
  name: z.string(),
  number: z.string().nullable(),
  categoryCode: z.string().nullable(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(['valid', 'expiring', 'expired']),
});
export const MyTrainingSchema = z.object({
  technician: z.object({ id: z.string(), name: z.string(), outletName: z.string().nullable() }),
  courses: z.array(MyCourseSchema),
  certifications: z.array(MyCertificationSchema),
});
export type MyTraining = z.infer<typeof MyTrainingSchema>;

export const AttemptSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  attemptNo: z.number().int(),
  questions: z.array(QuestionSchema),
  startedAt: z.string(),
});
export type QuizAttempt = z.infer<typeof AttemptSchema>;

export const SubmitAttemptSchema = z.strictObject({
  /** Question id → chosen option ids. Every question of the quiz is answered. */
  answers: z.record(ShortId, z.array(ShortId).max(8)),
});
export type SubmitAttempt = z.infer<typeof SubmitAttemptSchema>;

export const AttemptResultSchema = z.object({
  id: z.string(),
  score: z.number().int(),
  passMark: z.number().int(),
  passed: z.boolean(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  attemptsLeft: z.number().int(),
  /** Granted or renewed by this pass (null when failed or the course certifies nothing). */
  certification: z.object({ name: z.string(), expiresOn: z.string() }).nullable(),
});
export type AttemptResult = z.infer<typeof AttemptResultSchema>;
export const LessonReadSchema = z.object({ lessonsRead: z.array(z.number().int()) });

export const OutletCompletionSchema = z.object({
  outletId: z.string().nullable(),
  outletName: z.string().nullable(),
  assigned: z.number().int(),
  completed: z.number().int(),
  passed: z.number().int(),
  overdue: z.number().int(),
  /** Mean of each technician's best score (null: nobody took a quiz yet). */
  averageScore: z.number().nullable(),
});
export type OutletCompletion = z.infer<typeof OutletCompletionSchema>;
export const ExpiringCertificationSchema = z.object({
  technicianId: z.string(),
  technicianName: z.string(),
  outletName: z.string().nullable(),
  name: z.string(),
  categoryCode: z.string().nullable(),
  expiresOn: z.string(),
  status: z.enum(['expiring', 'expired']),
});
export const TrainingFiguresSchema = z.object({
  asOf: z.string(),
  byOutlet: z.array(OutletCompletionSchema),
  expiring: z.array(ExpiringCertificationSchema),
  expiringSoonDays: z.number().int(),
});
export type TrainingFigures = z.infer<typeof TrainingFiguresSchema>;

export const TrainingPolicySchema = z.strictObject({
  /** How long a passed course's certification lasts unless the course says otherwise. */
  defaultValidityMonths: z.number().int().min(1).max(120),
  /** Percent of right answers needed to pass unless the course says otherwise. */
  passMark: z.number().int().min(1).max(100),
  /** Quiz attempts per technician and course edition. */
  maxAttempts: z.number().int().min(1).max(20),
  /** Largest video or attachment of a lesson. */
  maxFileBytes: z
    .number()
    .int()
    .min(100_000)
    .max(500 * 1024 * 1024),
});
export type TrainingPolicy = z.infer<typeof TrainingPolicySchema>;
export const DEFAULT_TRAINING_POLICY: TrainingPolicy = {
  defaultValidityMonths: 24,
  passMark: 80,
  maxAttempts: 3,
  maxFileBytes: 100 * 1024 * 1024,
};

/** Active technicians an assignment can name (with their outlet), for the assign dialog. */
export const LearnerListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      outletId: z.string().nullable(),
      outletName: z.string().nullable(),
    }),
  ),
});
export type LearnerList = z.infer<typeof LearnerListSchema>;
