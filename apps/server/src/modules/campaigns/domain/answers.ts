import type { CampaignAnswer, CampaignQuestion } from '@anxin/contracts';
import { fieldError } from '../../../platform/http/errors.ts';

/**
 * Checks the answers of a reaching call against the questionnaire: a known question, a choice's
 * option index, a rating 1–5, text for free text. Returns whether every required question was
 * answered (a completed questionnaire). Throws a field error naming the first bad answer.
 */
export function checkAnswers(
  questions: readonly CampaignQuestion[],
  answers: Record<string, CampaignAnswer>,
): boolean {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, a] of Object.entries(answers)) {
    const q = byId.get(id);
    const path = `answers.${id}`;
    if (!q) throw fieldError(path, 'unknown_question', 'No such question in this campaign');
    if (q.kind === 'choice' && (typeof a !== 'number' || a < 0 || a >= q.options.length))
      throw fieldError(path, 'range', 'Not one of the options', { min: 0, max: q.options.length - 1 });
    if (q.kind === 'rating' && (typeof a !== 'number' || a < 1 || a > 5))
      throw fieldError(path, 'range', 'A rating is 1 to 5', { min: 1, max: 5 });
    if (q.kind === 'text' && typeof a !== 'string') throw fieldError(path, 'invalid', 'Free text expected');
  }
  return questions.every((q) => !q.required || answered(answers[q.id]));
}

const answered = (a: CampaignAnswer | undefined) =>
  typeof a === 'string' ? a.trim().length > 0 : a !== undefined;

/** A questionnaire's own rules: ids unique, a choice has 2–10 options, the others none. */
export function checkQuestions(questions: readonly CampaignQuestion[]): void {
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) throw fieldError(`questions.${i}.id`, 'unique', 'Question ids must differ');
    seen.add(q.id);
    if (q.kind === 'choice' && q.options.length < 2)
      throw fieldError(`questions.${i}.options`, 'too_small', 'A choice needs at least two options', {
        min: 2,
      });
    if (q.kind !== 'choice' && q.options.length > 0)
      throw fieldError(`questions.${i}.options`, 'too_big', 'Only a choice has options', { max: 0 });
  });
}
