import { describe, expect, it } from 'vitest';
import {
  APPOINTABLE_STATUSES,
  AWAITING_CLOSE_STATUSES,
  BEFORE_DEPARTURE_STATUSES,
  CANCELLABLE_STATUSES,
  CLOSED_STATUSES,
  DISPATCHABLE_STATUSES,
  IN_SERVICE_STATUSES,
  ON_SITE_STATUSES,
  OPEN_STATUSES,
  PLANNABLE_STATUSES,
  PORTAL_CANCELLABLE_STATUSES,
  SERVICE_ENDED_STATUSES,
  TECHNICIAN_ACTIVE_STATUSES,
  TRANSITIONS,
  WITH_OUTLET_STATUSES,
  WORK_DONE_STATUSES,
} from './lifecycle.ts';
import { WORK_ORDER_STATUSES } from './workorders.ts';

// Each group is derived from the transition table; these pin what the derivation yields today, so
// a change to the table that moves a group shows up here and is reviewed as a business change.
describe('status groups derived from the transition table', () => {
  it('closed and open split every status', () => {
    expect(CLOSED_STATUSES).toEqual(['closed', 'cancelled']);
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual([...WORK_ORDER_STATUSES].sort());
    expect(OPEN_STATUSES.filter((s) => CLOSED_STATUSES.includes(s))).toEqual([]);
  });

  it('closed statuses are left only by a reopen', () => {
    for (const s of CLOSED_STATUSES)
      for (const t of TRANSITIONS.filter((r) => r.from === s)) expect(t.requires).toContain('reopenWindow');
  });

  it('cancellable: exactly the statuses with a rule to cancelled', () => {
    expect(CANCELLABLE_STATUSES).toEqual([
      'new',
      'accepted',
      'awaiting_dispatch',
      'dispatched_outlet',
      'outlet_accepted',
      'assigned',
      'scheduled',
    ]);
  });

  it('dispatchable: waiting for an outlet, or refused by one', () => {
    expect(DISPATCHABLE_STATUSES).toEqual(['awaiting_dispatch', 'outlet_rejected']);
  });

  it('the portal cancels before assignment and moves appointments until departure', () => {
    expect(PORTAL_CANCELLABLE_STATUSES).toEqual([
      'new',
      'accepted',
      'awaiting_dispatch',
      'dispatched_outlet',
      'outlet_accepted',
    ]);
    expect(APPOINTABLE_STATUSES).toEqual([...PORTAL_CANCELLABLE_STATUSES, 'assigned', 'scheduled']);
    expect(APPOINTABLE_STATUSES).not.toContain('departed');
  });

  it('technician groups follow the field path', () => {
    expect(TECHNICIAN_ACTIVE_STATUSES).toEqual([
      'assigned',
      'scheduled',
      'departed',
      'arrived',
      'in_progress',
      'awaiting_parts',
    ]);
    expect(IN_SERVICE_STATUSES).toEqual(['departed', 'arrived', 'in_progress', 'awaiting_parts']);
    expect(ON_SITE_STATUSES).toEqual(['arrived', 'in_progress', 'awaiting_parts']);
  });

  it('work done runs from completion to closing; a redo is not forward', () => {
    expect(WORK_DONE_STATUSES).toEqual(['completed', 'awaiting_callback', 'closed']);
    expect(AWAITING_CLOSE_STATUSES).toEqual(['completed', 'awaiting_callback']);
  });

  it('outlet, planning and SLA groups', () => {
    expect(WITH_OUTLET_STATUSES).toEqual([
      'dispatched_outlet',
      'outlet_accepted',
      'assigned',
      'scheduled',
      'departed',
      'arrived',
      'in_progress',
      'awaiting_parts',
    ]);
    expect(BEFORE_DEPARTURE_STATUSES).toEqual([
      'dispatched_outlet',
      'outlet_accepted',
      'assigned',
      'scheduled',
    ]);
    expect(PLANNABLE_STATUSES).toEqual(['outlet_accepted', 'assigned', 'scheduled']);
    expect(SERVICE_ENDED_STATUSES).toEqual([
      'remote_resolved',
      'completed',
      'awaiting_callback',
      'closed',
      'cancelled',
    ]);
  });

  it('every rule names known statuses and no status is unreachable from new', () => {
    const reached = new Set<string>(['new']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of TRANSITIONS)
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
    }
    expect([...reached].sort()).toEqual([...WORK_ORDER_STATUSES].sort());
  });
});
