import { describe, expect, it } from 'vitest';
import { CalendarNoDataError } from '../../../platform/calendar/errors.ts';
import {
  decideOpen,
  linksOf,
  newComplaint,
  openingDue,
  registrationNotice,
  type OpenFacts,
  type OpenRequest,
} from './open.ts';
import { DEFAULT_COMPLAINT_POLICY, type DueCalendar } from './policy.ts';
import type { OrderLinks } from './types.ts';

const ORDER: OrderLinks = {
  id: 'o1',
  number: 'WX20261123-0001',
  type: 'repair',
  status: 'completed',
  customerId: 'cu1',
  customerName: '王先生',
  outletId: 'out1',
  outletName: '网点一',
  technicianId: 't1',
  technicianName: '李师傅',
  districtCode: '440106',
  createdAt: '2026-11-20T02:00:00.000Z',
};
const REQ: OpenRequest = { source: 'hotline', severity: 'normal', summary: '师傅迟到', orderId: 'o1' };
/** Everything the request names exists and fits together. */
const FOUND: OpenFacts = {
  order: ORDER,
  customer: { id: 'cu1', districtCode: '440100' },
  outletFound: true,
  technician: { id: 't1', outletId: 'out1' },
  existing: undefined,
};
const paths = (d: ReturnType<typeof decideOpen>) => (d.kind === 'refused' ? d.errors.map((e) => e.path) : []);

describe('linksOf', () => {
  it('takes customer, outlet and technician from the order unless given', () => {
    expect(linksOf(REQ, ORDER)).toEqual({ customerId: 'cu1', outletId: 'out1', technicianId: 't1' });
    expect(linksOf({ ...REQ, outletId: 'out2', technicianId: 't2' }, ORDER)).toEqual({
      customerId: 'cu1',
      outletId: 'out2',
      technicianId: 't2',
    });
    expect(linksOf({ source: 'portal', severity: 'low', summary: 'x' }, undefined)).toEqual({
      customerId: null,
      outletId: null,
      technicianId: null,
    });
  });
});

describe('decideOpen', () => {
  it('opens with the links and the order’s district as region', () => {
    expect(decideOpen(REQ, FOUND)).toEqual({
      kind: 'open',
      links: { customerId: 'cu1', outletId: 'out1', technicianId: 't1' },
      regionCode: '440106',
    });
  });

  it('without an order the region is the customer’s', () => {
    const d = decideOpen(
      { source: 'portal', severity: 'low', summary: 'x', customerId: 'cu1' },
      { ...FOUND, order: undefined, technician: undefined },
    );
    expect(d).toMatchObject({ kind: 'open', regionCode: '440100' });
  });

  it('names every unknown link (an order out of scope is unknown)', () => {
    const d = decideOpen(
      { ...REQ, customerId: 'cu9', outletId: 'out9', technicianId: 't9' },
      {
        order: undefined,
        customer: undefined,
        outletFound: false,
        technician: undefined,
        existing: undefined,
      },
    );
    expect(paths(d)).toEqual(['orderId', 'customerId', 'outletId', 'technicianId']);
  });

  it('a customer other than the order’s, or a technician of another outlet, is refused', () => {
    expect(paths(decideOpen({ ...REQ, customerId: 'cu2' }, FOUND))).toEqual(['customerId']);
    expect(decideOpen({ ...REQ, customerId: 'cu2' }, FOUND)).toMatchObject({
      errors: [{ rule: 'matches_order' }],
    });
    const d = decideOpen(REQ, { ...FOUND, technician: { id: 't1', outletId: 'out2' } });
    expect(d).toMatchObject({ kind: 'refused', errors: [{ path: 'technicianId', rule: 'not_in_outlet' }] });
  });

  it('a repeat intake with the same source ref is the complaint already registered', () => {
    const existing = { id: 'c1', orderId: 'o1' };
    expect(decideOpen({ ...REQ, sourceRef: 'callback_task:1' }, { ...FOUND, existing })).toEqual({
      kind: 'duplicate',
      id: 'c1',
      orderId: 'o1',
    });
    // Without a source ref there is no dedupe; an invalid request is refused before dedupe.
    expect(decideOpen(REQ, { ...FOUND, existing }).kind).toBe('open');
    expect(decideOpen({ ...REQ, sourceRef: 'r' }, { ...FOUND, order: undefined, existing }).kind).toBe(
      'refused',
    );
  });
});

describe('openingDue', () => {
  const opened = new Date('2026-11-23T02:00:00.000Z');
  /** Working time is plain time; a working day is 24 h (enough to see the policy applied). */
  const plain: DueCalendar = {
    addWorkingMs: (t, ms) => new Date(t.getTime() + ms),
    addWorkingDays: (t, n) => new Date(t.getTime() + n * 86_400_000),
  };

  it('applies the severity’s SLA through the calendar', () => {
    expect(openingDue(DEFAULT_COMPLAINT_POLICY, 'normal', opened, plain)).toEqual({
      acknowledgeDueAt: '2026-11-23T06:00:00.000Z',
      resolveDueAt: '2026-11-26T02:00:00.000Z',
      noCalendar: null,
    });
    expect(openingDue(DEFAULT_COMPLAINT_POLICY, 'critical', opened, plain)).toMatchObject({
      acknowledgeDueAt: '2026-11-23T03:00:00.000Z',
      resolveDueAt: '2026-11-24T02:00:00.000Z',
    });
  });

  it('fails closed without calendar data: no guessed deadline', () => {
    const none: DueCalendar = {
      addWorkingMs: () => {
        throw new CalendarNoDataError(2027);
      },
      addWorkingDays: () => {
        throw new CalendarNoDataError(2027);
      },
    };
    const d = openingDue(DEFAULT_COMPLAINT_POLICY, 'normal', opened, none);
    expect(d.acknowledgeDueAt).toBeNull();
    expect(d.resolveDueAt).toBeNull();
    expect(d.noCalendar).toBeInstanceOf(CalendarNoDataError);
  });

  it('any other calendar failure is not swallowed', () => {
    const broken: DueCalendar = {
      addWorkingMs: () => {
        throw new Error('boom');
      },
      addWorkingDays: (t) => t,
    };
    expect(() => openingDue(DEFAULT_COMPLAINT_POLICY, 'normal', opened, broken)).toThrow('boom');
  });
});

describe('newComplaint', () => {
  it('is registered, uninvestigated, version 1, with the decided links and due times', () => {
    const decision = decideOpen({ ...REQ, sourceRef: 'callback_task:7' }, FOUND);
    if (decision.kind !== 'open') throw new Error('expected open');
    const c = newComplaint({
      id: 'c1',
      number: 'KS20261123-0001',
      req: { ...REQ, sourceRef: 'callback_task:7' },
      decision,
      orderId: 'o1',
      due: { acknowledgeDueAt: 'A', resolveDueAt: 'R', noCalendar: null },
      openedAt: new Date('2026-11-23T02:00:00.000Z'),
      createdBy: null,
    });
    expect(c).toMatchObject({
      status: 'registered',
      sourceRef: 'callback_task:7',
      orderId: 'o1',
      customerId: 'cu1',
      outletId: 'out1',
      technicianId: 't1',
      regionCode: '440106',
      causeIsAttitude: false,
      responsibility: null,
      reopenCount: 0,
      acknowledgeDueAt: 'A',
      resolveDueAt: 'R',
      openedAt: '2026-11-23T02:00:00.000Z',
      updatedAt: '2026-11-23T02:00:00.000Z',
      version: 1,
    });
    expect(registrationNotice(c)).toEqual({
      notice: {
        role: 'quality',
        title: '新投诉 KS20261123-0001',
        body: '师傅迟到',
        event: 'complaints.opened',
        params: { number: 'KS20261123-0001', summary: '师傅迟到' },
        ref: 'complaint:c1',
      },
      dedupeKey: 'complaints.registered:c1',
    });
  });
});
