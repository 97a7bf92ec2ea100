import type { CourseListItem, Lesson, TrainingCourse } from '@anxin/contracts';
import type { TrainingContext } from './context.ts';
import { withoutAnswers } from './domain/quiz.ts';
import type { CourseRecord, FileRecord } from './training.repository.ts';

/** Lessons numbered from 1, each linked article as the knowledge base has it now. */
export async function lessonViews(ctx: TrainingContext, c: CourseRecord): Promise<Lesson[]> {
  return Promise.all(
    c.lessons.map(async (l, i) => ({
      no: i + 1,
      title: l.title,
      body: l.body,
      fileId: l.fileId,
      articleId: l.articleId,
      article: l.articleId ? await ctx.articles(l.articleId) : null,
    })),
  );
}

export async function courseView(
  ctx: TrainingContext,
  c: CourseRecord,
  fileRows: FileRecord[],
  attemptCount: number,
): Promise<TrainingCourse> {
  return {
    id: c.id,
    seriesId: c.seriesId,
    edition: c.edition,
    status: c.status,
    title: c.title,
    description: c.description,
    categoryCode: c.categoryCode,
    certificationName: c.certificationName,
    validityMonths: c.validityMonths,
    passMark: c.passMark,
    lessons: await lessonViews(ctx, c),
    questions: withoutAnswers(c.questions).map((q, i) => ({ ...q, correct: c.questions[i]!.correct })),
    files: fileRows.map((f) => ({
      id: f.id,
      filename: f.filename,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
    })),
    attemptCount,
    publishedAt: c.publishedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

export const listItem = (c: CourseRecord, attemptCount: number): CourseListItem => ({
  id: c.id,
  seriesId: c.seriesId,
  edition: c.edition,
  status: c.status,
  title: c.title,
  categoryCode: c.categoryCode,
  validityMonths: c.validityMonths,
  passMark: c.passMark,
  attemptCount,
  publishedAt: c.publishedAt,
  updatedAt: c.updatedAt,
  version: c.version,
  lessonCount: c.lessons.length,
  questionCount: c.questions.length,
});
