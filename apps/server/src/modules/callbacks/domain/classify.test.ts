import { describe, expect, it } from 'vitest';
import { classify, type OrderFacts } from './classify.ts';

const RULES = { attitudeThreshold: 2, repeatWindowDays: 30 };
const DONE = '2026-03-01T02:00:00.000Z';
const DAY = 86_400_000;
const after = (ms: number) => new Date(Date.parse(DONE) + ms).toISOString();

const facts = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  outcomes: [],
  complaintRequests: [],
  complaintOrders: [],
  completions: [DONE],
  laterRepairs: [],
  ...over,
});
const classes = (f: OrderFacts, rules = RULES) =>
  classify(f, rules)
    .map((c) => c.class)
    .sort();
const good = { timeliness: 5, attitude: 5, workmanship: 5, overall: 5, resolved: true };

describe('classify', () => {
  it('has no class without facts', () => expect(classes(facts())).toEqual([]));

  it('satisfied and callback_unsatisfied come from outcome events, naming the latest one', () => {
    const f = facts({
      outcomes: [
        { eventId: 'e1', outcome: 'unsatisfied', answers: { ...good, overall: 3 } },
        { eventId: 'e2', outcome: 'unreachable', answers: {} },
        { eventId: 'e3', outcome: 'satisfied', answers: good },
      ],
    });
    expect(classify(f, RULES)).toEqual([
      { class: 'satisfied', sourceEventId: 'e3' },
      { class: 'callback_unsatisfied', sourceEventId: 'e1' },
    ]);
    expect(classes(facts({ outcomes: [{ eventId: 'u', outcome: 'unreachable', answers: {} }] }))).toEqual([]);
  });

  it('complaint_call from a requested complaint or a linked complaint order', () => {
    expect(classify(facts({ complaintRequests: [{ eventId: 'r1' }] }), RULES)).toEqual([
      { class: 'complaint_call', sourceEventId: 'r1' },
    ]);
    expect(classify(facts({ complaintOrders: [{ orderId: 'c1', eventId: 'ce1' }] }), RULES)).toEqual([
      { class: 'complaint_call', sourceEventId: 'ce1' },
    ]);
  });

  it('first_fix_failed: a repair exactly 30 days after completion counts, 30 days + 1 ms does not', () => {
    const at = (ms: number) =>
      facts({ laterRepairs: [{ orderId: 'r', createdAt: after(ms), eventId: 'x' }] });
    expect(classes(at(30 * DAY))).toEqual(['first_fix_failed']);
    expect(classes(at(30 * DAY + 1))).toEqual([]);
    expect(classes(at(31 * DAY))).toEqual([]);
    expect(classes(at(DAY))).toEqual(['first_fix_failed']);
  });

  it('a repair before any completion does not count; the window follows the latest earlier completion', () => {
    expect(
      classes(
        facts({ completions: [], laterRepairs: [{ orderId: 'r', createdAt: after(DAY), eventId: null }] }),
      ),
    ).toEqual([]);
    const reDone = after(40 * DAY);
    expect(
      classes(
        facts({
          completions: [DONE, reDone],
          laterRepairs: [{ orderId: 'r', createdAt: after(45 * DAY), eventId: null }],
        }),
      ),
    ).toEqual(['first_fix_failed']);
  });

  it('repeat_failed needs two or more repeats within the window (and keeps first_fix_failed)', () => {
    const two = facts({
      laterRepairs: [
        { orderId: 'b', createdAt: after(20 * DAY), eventId: 'eb' },
        { orderId: 'a', createdAt: after(5 * DAY), eventId: 'ea' },
      ],
    });
    expect(classify(two, RULES)).toEqual([
      { class: 'first_fix_failed', sourceEventId: 'ea' },
      { class: 'repeat_failed', sourceEventId: 'eb' },
    ]);
    const oneInside = facts({
      laterRepairs: [
        { orderId: 'a', createdAt: after(5 * DAY), eventId: 'ea' },
        { orderId: 'b', createdAt: after(31 * DAY), eventId: 'eb' },
      ],
    });
    expect(classes(oneInside)).toEqual(['first_fix_failed']);
  });

  it('the window is a setting', () => {
    const f = facts({ laterRepairs: [{ orderId: 'r', createdAt: after(40 * DAY), eventId: null }] });
    expect(classes(f)).toEqual([]);
    expect(classes(f, { ...RULES, repeatWindowDays: 45 })).toEqual(['first_fix_failed']);
  });

  it('attitude: a score equal to the threshold counts, one above does not', () => {
    const with_ = (attitude: number) =>
      facts({ outcomes: [{ eventId: 'e', outcome: 'satisfied', answers: { ...good, attitude } }] });
    expect(classes(with_(2))).toEqual(['attitude', 'satisfied']);
    expect(classes(with_(1))).toEqual(['attitude', 'satisfied']);
    expect(classes(with_(3))).toEqual(['satisfied']);
    expect(classes(with_(3), { ...RULES, attitudeThreshold: 3 })).toEqual(['attitude', 'satisfied']);
  });
});
