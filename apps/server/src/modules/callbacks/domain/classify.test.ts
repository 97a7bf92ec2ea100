import { describe, expect, it } from 'vitest';
import { isFirstTimeFix, primaryClassOf } from '@anxin/contracts';
import { classify, type OrderFacts } from './classify.ts';

const RULES = { attitudeThreshold: 2, repeatWindowDays: 30 };
const DONE = '2026-03-01T02:00:00.000Z';
const DAY = 86_400_000;
const after = (ms: number) => new Date(Date.parse(DONE) + ms).toISOString();

const FAULT = 'fault-no-cooling';
const facts = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  orderType: 'repair',
  faultCodeId: FAULT,
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

  it('satisfied and callback_unsatisfied come from outcome events; satisfied never sits beside a negative class', () => {
    expect(
      classify(facts({ outcomes: [{ eventId: 'e3', outcome: 'satisfied', answers: good }] }), RULES),
    ).toEqual([{ class: 'satisfied', sourceEventId: 'e3' }]);
    // Formerly both 满意 and 回访不满意 (the bug): an order that was unsatisfied is not satisfied.
    const f = facts({
      outcomes: [
        { eventId: 'e1', outcome: 'unsatisfied', answers: { ...good, overall: 3 } },
        { eventId: 'e2', outcome: 'unreachable', answers: {} },
        { eventId: 'e3', outcome: 'satisfied', answers: good },
      ],
    });
    expect(classify(f, RULES)).toEqual([{ class: 'callback_unsatisfied', sourceEventId: 'e1' }]);
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
      facts({ laterRepairs: [{ orderId: 'r', createdAt: after(ms), eventId: 'x', faultCodeId: FAULT }] });
    expect(classes(at(30 * DAY))).toEqual(['first_fix_failed']);
    expect(classes(at(30 * DAY + 1))).toEqual([]);
    expect(classes(at(31 * DAY))).toEqual([]);
    expect(classes(at(DAY))).toEqual(['first_fix_failed']);
  });

  it('a repair before any completion does not count; the window follows the latest earlier completion', () => {
    expect(
      classes(
        facts({
          completions: [],
          laterRepairs: [{ orderId: 'r', createdAt: after(DAY), eventId: null, faultCodeId: FAULT }],
        }),
      ),
    ).toEqual([]);
    const reDone = after(40 * DAY);
    expect(
      classes(
        facts({
          completions: [DONE, reDone],
          laterRepairs: [{ orderId: 'r', createdAt: after(45 * DAY), eventId: null, faultCodeId: FAULT }],
        }),
      ),
    ).toEqual(['first_fix_failed']);
  });

  it('repeat_failed needs two or more repeats within the window', () => {
    const two = facts({
      laterRepairs: [
        { orderId: 'b', createdAt: after(20 * DAY), eventId: 'eb', faultCodeId: FAULT },
        { orderId: 'a', createdAt: after(5 * DAY), eventId: 'ea', faultCodeId: FAULT },
      ],
    });
    // 多次维修不到位 replaces 一次 (formerly both were kept and both deducted).
    expect(classify(two, RULES)).toEqual([{ class: 'repeat_failed', sourceEventId: 'eb' }]);
    const oneInside = facts({
      laterRepairs: [
        { orderId: 'a', createdAt: after(5 * DAY), eventId: 'ea', faultCodeId: FAULT },
        { orderId: 'b', createdAt: after(31 * DAY), eventId: 'eb', faultCodeId: FAULT },
      ],
    });
    expect(classes(oneInside)).toEqual(['first_fix_failed']);
  });

  it('the window is a setting', () => {
    const f = facts({
      laterRepairs: [{ orderId: 'r', createdAt: after(40 * DAY), eventId: null, faultCodeId: FAULT }],
    });
    expect(classes(f)).toEqual([]);
    expect(classes(f, { ...RULES, repeatWindowDays: 45 })).toEqual(['first_fix_failed']);
  });

  it('attitude: a score equal to the threshold counts, one above does not', () => {
    const with_ = (attitude: number) =>
      facts({ outcomes: [{ eventId: 'e', outcome: 'satisfied', answers: { ...good, attitude } }] });
    // Formerly 满意 and 服务态度不满意 at once (the bug): attitude alone now.
    expect(classes(with_(2))).toEqual(['attitude']);
    expect(classes(with_(1))).toEqual(['attitude']);
    expect(classes(with_(3))).toEqual(['satisfied']);
    expect(classes(with_(3), { ...RULES, attitudeThreshold: 3 })).toEqual(['attitude']);
  });

  describe('返修: redo and extra visits', () => {
    const visit = (id: string, day: number) => ({ eventId: id, at: after(day * DAY) });
    it('one redo is 一次维修不到位 (named by the redo), a second redo 多次维修不到位', () => {
      const unsatisfied = { eventId: 'u1', outcome: 'unsatisfied' as const, answers: good };
      const once = facts({ outcomes: [unsatisfied], redos: [visit('r1', 1)], visits: [visit('v1', 0)] });
      expect(classify(once, RULES)).toEqual([
        { class: 'first_fix_failed', sourceEventId: 'r1' },
        { class: 'callback_unsatisfied', sourceEventId: 'u1' },
      ]);
      // The redo's own visit is the same return, not a second one.
      expect(classes(facts({ redos: [visit('r1', 1)], visits: [visit('v1', 0), visit('v2', 2)] }))).toEqual([
        'first_fix_failed',
      ]);
      const twice = facts({
        redos: [visit('r1', 1), visit('r2', 3)],
        visits: [visit('v1', 0), visit('v2', 2), visit('v3', 4)],
      });
      expect(classify(twice, RULES)).toEqual([{ class: 'repeat_failed', sourceEventId: 'r2' }]);
    });

    it('a second visit is 一次, a third visit for the same fault is 多次维修不到位', () => {
      expect(classes(facts({ visits: [visit('v1', 0)] }))).toEqual([]);
      expect(classify(facts({ visits: [visit('v1', 0), visit('v2', 1)] }), RULES)).toEqual([
        { class: 'first_fix_failed', sourceEventId: 'v2' },
      ]);
      expect(classify(facts({ visits: [visit('v1', 0), visit('v2', 1), visit('v3', 2)] }), RULES)).toEqual([
        { class: 'repeat_failed', sourceEventId: 'v3' },
      ]);
      // A redo plus one same-fault repair of the product later is two returns.
      expect(
        classes(
          facts({
            redos: [visit('r1', 1)],
            laterRepairs: [{ orderId: 'x', createdAt: after(10 * DAY), eventId: 'ex', faultCodeId: FAULT }],
          }),
        ),
      ).toEqual(['repeat_failed']);
    });
  });

  describe('repeat repair means the same fault', () => {
    const later = (faultCodeId: string | null) =>
      facts({ laterRepairs: [{ orderId: 'r', createdAt: after(5 * DAY), eventId: 'x', faultCodeId }] });
    it('the same fault code (symptoms are detail) counts; another fault is a new problem', () => {
      expect(classes(later(FAULT))).toEqual(['first_fix_failed']);
      expect(classes(later('fault-noise'))).toEqual([]);
    });
    it('without a fault code on either side nothing is proven', () => {
      expect(classes(later(null))).toEqual([]);
      expect(
        classes(
          facts({
            faultCodeId: null,
            laterRepairs: [{ orderId: 'r', createdAt: after(5 * DAY), eventId: 'x', faultCodeId: null }],
          }),
        ),
      ).toEqual([]);
    });
  });

  it('installation and maintenance orders are never 维修不到位', () => {
    const busy = {
      redos: [
        { eventId: 'r1', at: after(DAY) },
        { eventId: 'r2', at: after(2 * DAY) },
      ],
      visits: [
        { eventId: 'v1', at: DONE },
        { eventId: 'v2', at: after(DAY) },
        { eventId: 'v3', at: after(3 * DAY) },
      ],
      laterRepairs: [{ orderId: 'r', createdAt: after(5 * DAY), eventId: 'x', faultCodeId: FAULT }],
    };
    expect(classes(facts({ ...busy, orderType: 'install' }))).toEqual([]);
    expect(classes(facts({ ...busy, orderType: 'maintenance' }))).toEqual([]);
    expect(classes(facts({ ...busy, orderType: 'repair' }))).toEqual(['repeat_failed']);
  });

  it('one primary class by precedence, the rest are flags; first-time fix has one definition', () => {
    const f = facts({
      outcomes: [{ eventId: 'u', outcome: 'unsatisfied', answers: { ...good, attitude: 1 } }],
      complaintRequests: [{ eventId: 'c' }],
      visits: [
        { eventId: 'v1', at: DONE },
        { eventId: 'v2', at: after(DAY) },
      ],
    });
    const got = classify(f, RULES).map((c) => c.class);
    expect(got).toEqual(['complaint_call', 'first_fix_failed', 'attitude', 'callback_unsatisfied']);
    expect(primaryClassOf(got)).toBe('complaint_call');
    expect(primaryClassOf(['satisfied'])).toBe('satisfied');
    expect(primaryClassOf(['callback_unsatisfied', 'attitude'])).toBe('attitude');
    expect(primaryClassOf([])).toBeNull();
    expect(isFirstTimeFix(got)).toBe(false);
    expect(isFirstTimeFix(['repeat_failed'])).toBe(false);
    expect(isFirstTimeFix(['attitude', 'callback_unsatisfied'])).toBe(true);
  });
});
