import { DEFAULT_DELIVERY_POLICY } from '@anxin/contracts';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, HOLIDAY_CN } from '../../../platform/calendar/index.ts';
import { missingChecks, missingSerials } from './checklist.ts';
import { figuresOf, type DeliveryFacts } from './figures.ts';
import { nextStatus } from './lifecycle.ts';
import { assignmentsOf, dayInstance } from './plan.ts';
import { bookingRefusal, latestBookingDate } from './window.ts';
import { solve } from '../../routing/index.ts';

const calendar = createBusinessCalendar({ data: HOLIDAY_CN });

describe('booking window (working days after the batch day)', () => {
  it('counts 3 working days over a weekend', () => {
    // Thursday 2026-11-05 → Fri 6, Mon 9, Tue 10.
    expect(latestBookingDate(calendar, '2026-11-05', 3)).toBe('2026-11-10');
  });
  it('skips the 国庆 holiday and counts the make-up Saturday', () => {
    // 2026: 1–7 Oct off, Sat 10 Oct a make-up working day. Batch Wed 30 Sep → Thu 8, Fri 9, Sat 10.
    expect(latestBookingDate(calendar, '2026-09-30', 3)).toBe('2026-10-10');
    // Batch Fri 9 Oct → Sat 10 (make-up), Mon 12, Tue 13.
    expect(latestBookingDate(calendar, '2026-10-09', 3)).toBe('2026-10-13');
  });
  const facts = {
    today: '2026-11-05',
    latest: '2026-11-10',
    availableDate: '2026-11-05',
    requestedDate: '2026-11-05',
  };
  it('accepts a date inside the window and refuses one after it, naming the last day', () => {
    expect(bookingRefusal({ ...facts, date: '2026-11-10' })).toBeNull();
    expect(bookingRefusal({ ...facts, date: '2026-11-11' })?.refusal).toEqual({
      code: 'delivery.booking_outside_window',
      params: { latest: '2026-11-10' },
    });
  });
  it('lets the customer ask for a later day on the contract', () => {
    expect(bookingRefusal({ ...facts, requestedDate: '2026-11-20', date: '2026-11-18' })).toBeNull();
  });
  it('refuses a day before the goods arrive, or any day while availability is unknown, or the past', () => {
    expect(bookingRefusal({ ...facts, availableDate: '2026-11-09', date: '2026-11-06' })?.refusal).toEqual({
      code: 'delivery.goods_not_available',
      params: { availableDate: '2026-11-09' },
    });
    expect(bookingRefusal({ ...facts, availableDate: null, date: '2026-11-06' })?.refusal.code).toBe(
      'delivery.goods_not_available',
    );
    expect(bookingRefusal({ ...facts, date: '2026-11-04' })?.refusal.code).toBe('delivery.date_in_past');
  });
  it('moves the window to the goods when they arrive after it', () => {
    const f = { ...facts, availableDate: '2026-11-12' };
    expect(bookingRefusal({ ...f, date: '2026-11-12' })).toBeNull();
    expect(bookingRefusal({ ...f, date: '2026-11-13' })?.refusal.params).toEqual({ latest: '2026-11-12' });
  });
});

describe('checklist and state table', () => {
  it('names every unticked item', () => {
    expect(missingChecks('depart', { calledAhead: true })).toEqual(['inspectedBeforeLoading']);
    expect(missingChecks('deliver', {})).toEqual(['shoeCovers', 'assembledOnPackaging', 'cleanedUp']);
    expect(
      missingChecks('deliver', { shoeCovers: true, assembledOnPackaging: true, cleanedUp: true }),
    ).toEqual([]);
  });
  it('wants a serial for each installed line', () => {
    const lines = [
      { lineId: 'a', model: 'SOFA', needsInstallation: false },
      { lineId: 'b', model: 'AC-1', needsInstallation: true },
    ];
    expect(missingSerials(lines, [])).toEqual([lines[1]]);
    expect(missingSerials(lines, [{ lineId: 'b' }])).toEqual([]);
  });
  it('follows the table and names the reachable statuses otherwise', () => {
    expect(nextStatus('booked', 'depart')).toEqual({ ok: true, to: 'departed' });
    expect(nextStatus('exception', 'follow_up')).toEqual({ ok: true, to: 'booked' });
    const r = nextStatus('booked', 'deliver');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.refusal.params).toMatchObject({ from: 'booked', to: 'delivered', allowed: ['departed'] });
  });
});

describe('figures', () => {
  const base: DeliveryFacts = {
    storeKey: 's',
    storeName: 'S',
    crewKey: 'c',
    crewName: 'C',
    promisedDate: '2026-11-05',
    deliveredOn: '2026-11-05',
    goodsIntact: true,
    problemOpenedAt: null,
    problemSolvedAt: null,
    satisfaction: null,
  };
  const at = { now: new Date('2026-11-20T00:00:00Z'), today: '2026-11-20' };
  const policy = { problemResolutionHours: 48, satisfiedFrom: 4 };
  it('counts on time against the promised day, late or undelivered past it', () => {
    const f = figuresOf(
      'k',
      'n',
      [
        base,
        { ...base, deliveredOn: '2026-11-06' },
        { ...base, deliveredOn: null },
        { ...base, deliveredOn: null, promisedDate: '2026-11-25' },
      ],
      policy,
      at,
    );
    expect(f.deliveries).toBe(3);
    expect(f.onTime).toBe(1);
    expect(f.onTimePercent).toBe(33.3);
  });
  it('solves a problem in time within the hours; an open one counts once its hours are over', () => {
    const p = (opened: string, solved: string | null): DeliveryFacts => ({
      ...base,
      problemOpenedAt: opened,
      problemSolvedAt: solved,
    });
    const f = figuresOf(
      'k',
      'n',
      [
        p('2026-11-05T02:00:00Z', '2026-11-07T02:00:00Z'),
        p('2026-11-05T02:00:00Z', '2026-11-07T02:00:01Z'),
        p('2026-11-05T02:00:00Z', null),
        p('2026-11-19T12:00:00Z', null),
      ],
      policy,
      at,
    );
    expect([f.problems, f.problemsSolved, f.problemsSolvedPercent]).toEqual([4, 1, 33.3]);
  });
  it('counts satisfied callbacks from the policy mark and intact goods of those delivered', () => {
    const f = figuresOf(
      'k',
      'n',
      [
        { ...base, satisfaction: 5 },
        { ...base, satisfaction: 4 },
        { ...base, satisfaction: 3, goodsIntact: false },
      ],
      policy,
      at,
    );
    expect([f.callbacks, f.satisfied, f.satisfactionPercent, f.intactPercent]).toEqual([3, 2, 66.7, 66.7]);
  });
});

describe('day plan', () => {
  it('orders each crew’s stops inside their slots and keeps a chosen crew', () => {
    const slot = { start: '09:00', end: '12:00' };
    const { instance, approximate } = dayInstance(
      [
        { id: 'b1', lat: 31.23, lng: 121.47, slot, crewId: 'c2' },
        { id: 'b2', lat: 31.24, lng: 121.48, slot: { start: '13:00', end: '17:00' }, crewId: null },
        { id: 'b3', lat: null, lng: null, slot, crewId: null },
      ],
      [{ id: 'c1' }, { id: 'c2' }],
      DEFAULT_DELIVERY_POLICY,
      { roadFactor: 1.3, speedKmh: 30 },
    );
    expect([...approximate]).toEqual(['b3']);
    const r = solve(instance, { seed: 1, maxIterations: 200 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { planned, unplanned } = assignmentsOf(r.plan);
    expect(unplanned).toEqual([]);
    expect(planned.find((p) => p.bookingId === 'b1')?.crewId).toBe('c2');
    for (const p of planned) expect(p.start >= '09:00' && p.start <= '17:00').toBe(true);
  });
});
