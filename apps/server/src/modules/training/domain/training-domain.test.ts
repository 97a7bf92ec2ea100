import type { QuestionInput } from '@anxin/contracts';
import { describe, expect, it } from 'vitest';
import { quizProblem, scoreAnswers, withoutAnswers } from './quiz.ts';
import { coursesOf, expiryAfter, learnerStatus } from './rules.ts';

const Q: QuestionInput[] = [
  {
    id: 'q1',
    text: '?',
    kind: 'single',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    correct: ['b'],
  },
  {
    id: 'q2',
    text: '?',
    kind: 'multiple',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C' },
    ],
    correct: ['a', 'c'],
  },
  {
    id: 'q3',
    text: '?',
    kind: 'single',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    correct: ['a'],
  },
];

describe('scoring', () => {
  it('counts a question right only for exactly the right set, as a whole percent', () => {
    expect(scoreAnswers(Q, { q1: ['b'], q2: ['c', 'a'], q3: ['a'] })).toEqual({
      ok: true,
      correctCount: 3,
      score: 100,
    });
    expect(scoreAnswers(Q, { q1: ['b'], q2: ['a'], q3: ['a'] })).toMatchObject({
      correctCount: 2,
      score: 67,
    });
    expect(scoreAnswers(Q, { q1: ['a'], q2: ['a', 'b', 'c'], q3: ['b'] })).toMatchObject({ score: 0 });
  });
  it('refuses unknown questions and options, two picks on single choice, and gaps', () => {
    expect(scoreAnswers(Q, { q1: ['b'], q2: ['a'], q3: ['a'], q4: ['a'] })).toMatchObject({
      ok: false,
      refusal: { code: 'training.unknown_answer', params: { question: 'q4' } },
    });
    expect(scoreAnswers(Q, { q1: ['z'], q2: ['a'], q3: ['a'] })).toMatchObject({
      ok: false,
      path: 'answers.q1',
    });
    expect(scoreAnswers(Q, { q1: ['a', 'b'], q2: ['a'], q3: ['a'] })).toMatchObject({ ok: false });
    expect(scoreAnswers(Q, { q1: ['a'], q2: [] })).toMatchObject({
      ok: false,
      refusal: { code: 'training.unanswered', params: { count: 2 } },
    });
  });
  it('never hands out the answers', () => {
    expect(JSON.stringify(withoutAnswers(Q))).not.toContain('correct');
  });
  it('checks what an author wrote', () => {
    expect(quizProblem(Q)).toBeNull();
    expect(quizProblem([Q[0]!, { ...Q[1]!, id: 'q1' }])).toMatchObject({ path: 'questions.1.id' });
    expect(quizProblem([{ ...Q[0]!, correct: ['a', 'b'] }])).toMatchObject({ path: 'questions.0.correct' });
  });
});

describe('expiry and standing', () => {
  it('adds calendar months, clamped to the end of a shorter month', () => {
    expect(expiryAfter('2026-11-03', 24)).toBe('2028-11-03');
    expect(expiryAfter('2026-01-31', 1)).toBe('2026-02-28');
    expect(expiryAfter('2027-12-15', 1)).toBe('2028-01-15');
  });
  it('puts passed before overdue, overdue before out of attempts', () => {
    const base = {
      passed: false,
      attemptsUsed: 0,
      maxAttempts: 3,
      started: false,
      dueOn: '2026-11-10',
      today: '2026-11-03',
    };
    expect(learnerStatus(base)).toBe('not_started');
    expect(learnerStatus({ ...base, started: true })).toBe('in_progress');
    expect(learnerStatus({ ...base, attemptsUsed: 3 })).toBe('failed');
    expect(learnerStatus({ ...base, today: '2026-11-11', attemptsUsed: 3 })).toBe('overdue');
    expect(learnerStatus({ ...base, passed: true, today: '2026-12-01' })).toBe('passed');
  });
  it('resolves assignments by name, outlet and role, earliest due date per course', () => {
    const rows = [
      { id: '1', seriesId: 's1', targetKind: 'outlet' as const, targetId: 'o1', dueOn: '2026-12-01' },
      { id: '2', seriesId: 's1', targetKind: 'technician' as const, targetId: 't1', dueOn: '2026-11-20' },
      { id: '3', seriesId: 's2', targetKind: 'role' as const, targetId: 'technician', dueOn: '2026-12-05' },
      { id: '4', seriesId: 's3', targetKind: 'outlet' as const, targetId: 'o2', dueOn: '2026-12-05' },
    ];
    const due = coursesOf(rows, { technicianId: 't1', outletId: 'o1', roles: ['technician'] });
    expect([...due]).toEqual([
      ['s1', '2026-11-20'],
      ['s2', '2026-12-05'],
    ]);
    expect([...coursesOf(rows, { technicianId: 't9', outletId: 'o9', roles: [] })]).toEqual([]);
  });
});
