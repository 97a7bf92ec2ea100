import type { CallbackAnswers, CallbackQuestion, FieldError } from '@anxin/contracts';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/**
 * Field errors for answers against the questionnaire: unknown question, wrong kind, score outside
 * 1–5 (whole numbers), a required question left out. Paths are `answers.<questionId>`.
 */
export function answerErrors(
  questions: readonly CallbackQuestion[],
  answers: CallbackAnswers,
  opts: { requireAll: boolean },
): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    const path = `answers.${id}`;
    if (!q) {
      errors.push({
        path,
        rule: 'unknown_question',
        message: `${id} is not a question of the questionnaire`,
      });
    } else if (q.kind === 'score') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < SCORE_MIN || value > SCORE_MAX)
        errors.push({ path, rule: 'score_range', message: `${id} must be a whole score from 1 to 5` });
    } else if (typeof value !== 'boolean') {
      errors.push({ path, rule: 'yes_no', message: `${id} must be yes (true) or no (false)` });
    }
  }
  if (opts.requireAll)
    for (const q of questions)
      if (q.required && !(q.id in answers))
        errors.push({ path: `answers.${q.id}`, rule: 'required', message: `${q.id} must be answered` });
  return errors;
}

/** A customer's own rating counts as satisfied when every yes/no is yes and every score ≥ min. */
export function ratingSatisfied(
  questions: readonly CallbackQuestion[],
  answers: CallbackAnswers,
  minScore: number,
): boolean {
  return questions.every((q) => {
    const v = answers[q.id];
    if (v === undefined) return !q.required;
    return q.kind === 'score' ? typeof v === 'number' && v >= minScore : v === true;
  });
}
