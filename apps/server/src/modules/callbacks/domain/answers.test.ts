import { describe, expect, it } from 'vitest';
import { answerErrors, ratingSatisfied } from './answers.ts';
import { DEFAULT_CALLBACK_POLICY } from './policy.ts';

const Q = DEFAULT_CALLBACK_POLICY.questions;
const full = { timeliness: 5, attitude: 4, workmanship: 5, overall: 5, resolved: true };
const paths = (a: Record<string, number | boolean>, requireAll = true) =>
  answerErrors(Q, a, { requireAll }).map((e) => `${e.path}:${e.rule}`);

describe('answers against the questionnaire', () => {
  it('accepts a complete set', () => expect(paths(full)).toEqual([]));

  it('names scores outside 1–5, fractions, wrong kinds, unknown and missing questions', () => {
    expect(paths({ ...full, attitude: 6 })).toEqual(['answers.attitude:score_range']);
    expect(paths({ ...full, attitude: 0 })).toEqual(['answers.attitude:score_range']);
    expect(paths({ ...full, overall: 2.5 })).toEqual(['answers.overall:score_range']);
    expect(paths({ ...full, resolved: 1 })).toEqual(['answers.resolved:yes_no']);
    expect(paths({ ...full, speed: 3 })).toEqual(['answers.speed:unknown_question']);
    const { overall: _o, ...noOverall } = full;
    expect(paths(noOverall)).toEqual(['answers.overall:required']);
    expect(paths({}, false)).toEqual([]);
  });

  it('counts a customer rating as satisfied only when resolved and every score reaches the minimum', () => {
    expect(ratingSatisfied(Q, full, 4)).toBe(true);
    expect(ratingSatisfied(Q, { ...full, attitude: 3 }, 4)).toBe(false);
    expect(ratingSatisfied(Q, { ...full, resolved: false }, 4)).toBe(false);
    expect(ratingSatisfied(Q, { ...full, attitude: 3 }, 3)).toBe(true);
  });
});
