import { describe, expect, it } from 'vitest';
import {
  applyExclusions,
  complaintOutlet,
  outletMonths,
  type ComplaintFact,
  type CompletionFact,
} from './facts.ts';

const done = (over: Partial<CompletionFact>): CompletionFact => ({
  outletId: 'A',
  orderId: 'o1',
  completedAt: '2026-10-10T08:00:00.000Z',
  appointmentEnd: null,
  arrivalDueAt: null,
  firstArrivalAt: null,
  arrivalStoppedAt: null,
  visits: 1,
  classes: [],
  ...over,
});
const complaint = (over: Partial<ComplaintFact>): ComplaintFact => ({
  id: 'c1',
  orderId: 'o1',
  outletId: 'A',
  responsibility: null,
  responsibleOutletId: null,
  causeIsAttitude: false,
  openedAt: '2026-10-12T08:00:00.000Z',
  resolvedAt: null,
  status: 'open',
  ...over,
});

describe('month facts per outlet', () => {
  it('judges response per order against the SLA due time, once per order', () => {
    const m = outletMonths({
      offers: [
        // Expired first, then accepted in time: the order counts once, on time.
        {
          outletId: 'A',
          orderId: 'o1',
          offerId: 'f1',
          status: 'expired',
          respondedAt: null,
          offerDueAt: '2026-10-01T02:30:00.000Z',
          responseDueAt: '2026-10-02T02:00:00.000Z',
        },
        {
          outletId: 'A',
          orderId: 'o1',
          offerId: 'f2',
          status: 'accepted',
          respondedAt: '2026-10-02T02:00:00.000Z',
          offerDueAt: '2026-10-01T05:00:00.000Z',
          responseDueAt: '2026-10-02T02:00:00.000Z',
        },
        {
          outletId: 'A',
          orderId: 'o2',
          offerId: 'f3',
          status: 'accepted',
          respondedAt: '2026-10-03T02:00:00.001Z',
          offerDueAt: '2026-10-02T05:00:00.000Z',
          responseDueAt: '2026-10-03T02:00:00.000Z',
        },
        {
          outletId: 'A',
          orderId: 'o3',
          offerId: 'f4',
          status: 'expired',
          respondedAt: null,
          offerDueAt: '2026-10-02T05:00:00.000Z',
          responseDueAt: null,
        },
      ],
      completions: [],
      callbacks: [],
      complaints: [],
    }).get('A')!;
    expect(m.figures.response).toEqual({ numerator: 1, denominator: 3 });
    expect(m.items.map((i) => [i.orderId, i.reason])).toEqual([
      ['o1', 'on_time'],
      ['o2', 'late'],
      ['o3', 'expired'],
    ]);
    expect(m.orderCount).toBe(3);
  });

  it('counts arrival, first fix and repeats over completed orders', () => {
    const m = outletMonths({
      offers: [],
      completions: [
        done({
          orderId: 'o1',
          appointmentEnd: '2026-10-01T06:00:00.000Z',
          firstArrivalAt: '2026-10-01T06:00:00.000Z',
        }),
        done({
          orderId: 'o2',
          arrivalDueAt: '2026-10-01T06:00:00.000Z',
          arrivalStoppedAt: '2026-10-01T07:00:00.000Z',
          visits: 2,
          // Classification turns the second visit into 一次维修不到位 (the one definition).
          classes: ['first_fix_failed'],
        }),
        done({ orderId: 'o3', classes: ['repeat_failed', 'attitude'] }),
      ],
      callbacks: [
        { outletId: 'A', orderId: 'o1', taskId: 't1', outcome: 'satisfied', at: '2026-10-02T00:00:00.000Z' },
        {
          outletId: 'A',
          orderId: 'o3',
          taskId: 't3',
          outcome: 'unsatisfied',
          at: '2026-10-02T00:00:00.000Z',
        },
      ],
      complaints: [complaint({ orderId: 'o3', causeIsAttitude: true, responsibility: 'technician' })],
    }).get('A')!;
    expect(m.figures).toMatchObject({
      arrival: { numerator: 1, denominator: 2 },
      first_fix: { numerator: 1, denominator: 3 },
      repeat_repair: { numerator: 2, denominator: 3 },
      satisfaction: { numerator: 1, denominator: 2 },
      complaint_rate: { numerator: 1, denominator: 3 },
      // The attitude class and the attitude complaint are the same order: counted once.
      attitude: { numerator: 1, denominator: 3 },
    });
    const reasons = (metric: string) => m.items.filter((i) => i.metric === metric).map((i) => i.reason);
    expect(reasons('arrival')).toEqual(['on_time_appointment', 'late_sla']);
    expect(reasons('first_fix')).toEqual(['fixed_first_time', 'first_fix_failed', 'repeat_failed']);
    expect(reasons('repeat_repair')).toEqual(['no_repeat', 'first_fix_failed', 'repeat_failed']);
    expect(reasons('complaint_rate')).toEqual(['complaint_technician']);
  });

  it("first-time fix is the classes' one definition, over repair orders only", () => {
    const m = outletMonths({
      offers: [],
      completions: [
        // Visits alone do not decide: classification already turned returns into classes.
        done({ orderId: 'r1', orderType: 'repair', visits: 2, classes: [] }),
        done({ orderId: 'r2', orderType: 'repair', classes: ['first_fix_failed'] }),
        // Installation and maintenance are not judged on fixing first time.
        done({ orderId: 'i1', orderType: 'install', classes: [] }),
        done({ orderId: 'm1', orderType: 'maintenance', classes: [] }),
      ],
      callbacks: [],
      complaints: [],
    }).get('A')!;
    const rows = (metric: string) =>
      m.items.filter((i) => i.metric === metric).map((i) => [i.orderId, i.hit]);
    expect(rows('first_fix')).toEqual([
      ['r1', true],
      ['r2', false],
    ]);
    expect(rows('repeat_repair')).toEqual([
      ['r1', false],
      ['r2', true],
    ]);
    // Every completed order still counts in the month's volume.
    expect(m.orderCount).toBe(4);
  });

  it('attributes complaints by responsibility', () => {
    expect(complaintOutlet(complaint({}))).toEqual({ outletId: 'A', reason: 'complaint_pending' });
    expect(complaintOutlet(complaint({ responsibility: 'product_quality' }))).toBeNull();
    expect(complaintOutlet(complaint({ responsibility: 'outlet', responsibleOutletId: 'B' }))).toEqual({
      outletId: 'B',
      reason: 'complaint_outlet',
    });
    expect(complaintOutlet(complaint({ outletId: null }))).toBeNull();
  });
});

describe('upheld appeals', () => {
  it('take the excluded classes, unsatisfied callbacks and complaints out', () => {
    const facts = {
      offers: [],
      completions: [done({ orderId: 'o1', classes: ['first_fix_failed', 'attitude'] })],
      callbacks: [
        {
          outletId: 'A',
          orderId: 'o1',
          taskId: 't1',
          outcome: 'unsatisfied' as const,
          at: '2026-10-02T00:00:00.000Z',
        },
      ],
      complaints: [complaint({ id: 'c1' }), complaint({ id: 'c2' })],
    };
    const out = applyExclusions(facts, [
      { orderId: 'o1', class: 'attitude', complaintId: null },
      { orderId: 'o1', class: 'callback_unsatisfied', complaintId: null },
      { orderId: 'o1', class: 'complaint', complaintId: 'c2' },
    ]);
    expect(out.completions[0]!.classes).toEqual(['first_fix_failed']);
    expect(out.callbacks).toEqual([]);
    expect(out.complaints.map((c) => c.id)).toEqual(['c1']);
    expect(applyExclusions(facts, [])).toBe(facts);
  });
});
