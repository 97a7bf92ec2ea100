import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_POLICY, type CampaignFilters, type CampaignQuestion } from '@anxin/contracts';
import { checkAnswers } from './answers.ts';
import { campaignFigures } from './figures.ts';
import { stepOf } from './lifecycle.ts';
import { afterCall } from './outcome.ts';
import { selectTargets } from './selection.ts';

const now = new Date('2026-06-20T04:00:00.000Z');
const policy = { ...DEFAULT_CAMPAIGN_POLICY, maxAttempts: 3, retryGapMinutes: 60 };

describe('afterCall', () => {
  it('settles on a person, re-queues after the gap, gives up at max attempts', () => {
    expect(afterCall(0, 'reached', policy, now)).toEqual({
      status: 'reached',
      attempts: 1,
      nextAttemptAt: now.toISOString(),
    });
    expect(afterCall(1, 'busy', policy, now)).toEqual({
      status: 'pending',
      attempts: 2,
      nextAttemptAt: '2026-06-20T05:00:00.000Z',
    });
    expect(afterCall(2, 'no_answer', policy, now).status).toBe('exhausted');
    expect(afterCall(2, 'wrong_number', policy, now).status).toBe('wrong_number');
  });
});

describe('lifecycle', () => {
  it('goes draft → active → finished only', () => {
    expect(stepOf('draft', 'active')?.event).toBe('activated');
    expect(stepOf('active', 'finished')?.event).toBe('finished');
    expect(stepOf('draft', 'finished')).toBeUndefined();
    expect(stepOf('finished', 'active')).toBeUndefined();
  });
});

const questions: CampaignQuestion[] = [
  { id: 'q1', kind: 'choice', text: 'a', options: ['x', 'y'], required: true },
  { id: 'q2', kind: 'rating', text: 'b', options: [], required: true },
  { id: 'q3', kind: 'text', text: 'c', options: [], required: false },
];

describe('answers and figures', () => {
  it('a questionnaire is complete when every required question is answered', () => {
    expect(checkAnswers(questions, { q1: 1, q2: 5 })).toBe(true);
    expect(checkAnswers(questions, { q1: 1 })).toBe(false);
    expect(() => checkAnswers(questions, { q1: 2 })).toThrow();
    expect(() => checkAnswers(questions, { q9: 1 })).toThrow();
    expect(() => checkAnswers(questions, { q3: 3 })).toThrow();
  });

  it('counts reach over attempted targets and answers per option and rating', () => {
    const f = campaignFigures(
      questions,
      [
        { status: 'reached', attempts: 1, completed: true },
        { status: 'reached', attempts: 2, completed: false },
        { status: 'pending', attempts: 1, completed: false },
        { status: 'pending', attempts: 0, completed: false },
        { status: 'skipped', attempts: 0, completed: false },
      ],
      [
        { q1: 0, q2: 5 },
        { q1: 0, q2: 2, q3: 'ok' },
      ],
    );
    expect(f).toMatchObject({ targets: 5, attempted: 3, reached: 2, completed: 1, optedOut: 1 });
    expect(f.reachRate).toBeCloseTo(2 / 3);
    expect(f.questions[0]!.counts).toEqual([2, 0]);
    expect(f.questions[1]).toMatchObject({ counts: [0, 1, 0, 0, 1], average: 3.5 });
    expect(f.questions[2]!.answered).toBe(1);
    expect(campaignFigures([], [], []).reachRate).toBeNull();
  });
});

describe('selectTargets', () => {
  const person = (id: string, purchaseDate: string | null) => ({
    id,
    name: id,
    phone: '13900000000',
    provinceCode: '440000',
    cityCode: '440100',
    districtCode: '440106',
    products: purchaseDate
      ? [{ id: `p-${id}`, serial: id, categoryCode: 'AC', purchaseDate, installDate: null }]
      : [],
  });
  const ctx = {
    today: '2026-06-20',
    now,
    terms: new Map([['AC', { unitWarrantyMonths: 12, mainPartsWarrantyMonths: 36 }]]),
    lastContact: new Map([['recent', '2026-06-01T00:00:00.000Z']]),
    optedOut: new Set(['out']),
  };
  const none = {
    purchasedWithinDays: null,
    warrantyEndingWithinDays: null,
    noContactForDays: null,
    regionCode: null,
  };
  const pop = [
    person('a', '2026-06-20'),
    person('b', '2026-05-21'),
    person('c', '2026-05-20'),
    person('w', '2025-07-20'),
    person('out', '2026-06-20'),
    person('recent', null),
    person('never', null),
  ];
  const pick = (f: Partial<CampaignFilters>) =>
    selectTargets(pop, { ...none, ...f }, ctx).map((s) => s.customerId);
  it('applies each filter at its edges and never picks the opted-out', () => {
    expect(pick({ purchasedWithinDays: 30 })).toEqual(['a', 'b']);
    expect(pick({ warrantyEndingWithinDays: 30 })).toEqual(['w']);
    expect(pick({ noContactForDays: 30 })).toEqual(['a', 'b', 'c', 'w', 'never']);
    expect(pick({ noContactForDays: 10 })).toEqual(['a', 'b', 'c', 'w', 'recent', 'never']);
    expect(selectTargets(pop, { ...none, purchasedWithinDays: 30 }, ctx)[0]!.productId).toBe('p-a');
  });
});
