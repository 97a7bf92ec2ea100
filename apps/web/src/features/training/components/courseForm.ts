import type { CourseInput, TrainingCourse } from '@anxin/contracts';

/** The editor's form values: ids are not typed by the author, they follow the order on screen. */
export interface CourseFormValues {
  title: string;
  description?: string;
  categoryCode?: string | null;
  certificationName?: string | null;
  validityMonths?: number | null;
  passMark?: number | null;
  lessons: { title: string; body?: string; fileId?: string | null; articleId?: string | null }[];
  questions: {
    text: string;
    kind: 'single' | 'multiple';
    options: { text: string }[];
    correct: number[] | number;
  }[];
}

export const optionId = (i: number) => String.fromCharCode(97 + i);

/** Form values → the API body: questions q1…, options a…, right answers by option position. */
export function courseBody(v: CourseFormValues): CourseInput {
  return {
    title: v.title.trim(),
    description: v.description?.trim() ?? '',
    categoryCode: v.categoryCode || null,
    certificationName: v.certificationName?.trim() || null,
    validityMonths: v.validityMonths ?? null,
    passMark: v.passMark ?? null,
    lessons: (v.lessons ?? []).map((l) => ({
      title: l.title.trim(),
      body: l.body ?? '',
      fileId: l.fileId || null,
      articleId: l.articleId?.trim() || null,
    })),
    questions: (v.questions ?? []).map((q, i) => ({
      id: `q${i + 1}`,
      text: q.text.trim(),
      kind: q.kind,
      options: q.options.map((o, j) => ({ id: optionId(j), text: o.text.trim() })),
      correct: (Array.isArray(q.correct) ? q.correct : [q.correct]).map(optionId),
    })),
  };
}

/** A stored course → form values (right answers back to option positions). */
export function formValuesOf(c: TrainingCourse): CourseFormValues {
  return {
    title: c.title,
    description: c.description,
    categoryCode: c.categoryCode,
    certificationName: c.certificationName,
    validityMonths: c.validityMonths,
    passMark: c.passMark,
    lessons: c.lessons.map((l) => ({
      title: l.title,
      body: l.body,
      fileId: l.fileId,
      articleId: l.articleId,
    })),
    questions: c.questions.map((q) => {
      const idx = q.correct.map((id) => q.options.findIndex((o) => o.id === id));
      return {
        text: q.text,
        kind: q.kind,
        options: q.options.map((o) => ({ text: o.text })),
        correct: q.kind === 'single' ? (idx[0] ?? 0) : idx,
      };
    }),
  };
}

export const EMPTY_COURSE: CourseFormValues = {
  title: '',
  lessons: [{ title: '' }],
  questions: [{ text: '', kind: 'single', options: [{ text: '' }, { text: '' }], correct: 0 }],
};
