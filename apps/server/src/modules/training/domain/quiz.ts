import type { QuestionInput, QuizQuestion } from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';

/** A quiz the author wrote: unique ids, the right answers among the options, one for `single`. */
export function quizProblem(questions: readonly QuestionInput[]): { path: string; refusal: Refusal } | null {
  const seen = new Set<string>();
  for (const [i, q] of questions.entries()) {
    const bad = (path: string) => ({
      path: `questions.${i}.${path}`,
      refusal: { code: 'training.invalid_quiz', params: { question: q.id } } as Refusal,
    });
    if (seen.has(q.id)) return bad('id');
    seen.add(q.id);
    const options = new Set(q.options.map((o) => o.id));
    if (options.size !== q.options.length) return bad('options');
    if (new Set(q.correct).size !== q.correct.length || q.correct.some((c) => !options.has(c)))
      return bad('correct');
    if (q.kind === 'single' && q.correct.length !== 1) return bad('correct');
  }
  return null;
}

/** The questions as a learner sees them: never the right answers. */
export const withoutAnswers = (questions: readonly QuestionInput[]): QuizQuestion[] =>
  questions.map((q) => ({ id: q.id, text: q.text, kind: q.kind, options: q.options }));

export type Scored =
  { ok: true; correctCount: number; score: number } | { ok: false; path: string; refusal: Refusal };

/**
 * Scores submitted answers: each question counts the same and is right only when the chosen set
 * equals the right set (no partial credit on multiple choice). Every question must be answered,
 * and nothing may name a question or option the quiz does not have. Score is a whole percent.
 */
export function scoreAnswers(
  questions: readonly QuestionInput[],
  answers: Readonly<Record<string, readonly string[]>>,
): Scored {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [qid, chosen] of Object.entries(answers)) {
    const q = byId.get(qid);
    const known = q && chosen.every((c) => q.options.some((o) => o.id === c));
    if (!known || (q.kind === 'single' && chosen.length > 1))
      return {
        ok: false,
        path: `answers.${qid}`,
        refusal: { code: 'training.unknown_answer', params: { question: qid } },
      };
  }
  const unanswered = questions.filter((q) => !(answers[q.id]?.length ?? 0));
  if (unanswered.length)
    return {
      ok: false,
      path: `answers.${unanswered[0]!.id}`,
      refusal: { code: 'training.unanswered', params: { count: unanswered.length } },
    };
  const right = questions.filter((q) => sameSet(q.correct, answers[q.id]!)).length;
  return {
    ok: true,
    correctCount: right,
    score: questions.length ? Math.round((right * 100) / questions.length) : 0,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(b).size === a.length && a.every((x) => b.includes(x));
