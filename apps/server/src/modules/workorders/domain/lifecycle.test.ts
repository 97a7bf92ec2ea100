import { describe, expect, it } from 'vitest';
import type { Role } from '@anxin/contracts';
import { WORK_ORDER_STATUSES } from '../workorders.schema.ts';
import { allowedNext, checkTransition, findRule, TRANSITIONS, type ActorRelation } from './lifecycle.ts';
import { missingRequirements, withinReopenWindow } from './requirements.ts';

const ROLES: Role[] = [
  'agent',
  'dispatcher',
  'outlet_manager',
  'technician',
  'quality',
  'admin',
  'warehouse',
];
const related = (role: Role): ActorRelation => ({
  roles: [role],
  managesOrderOutlet: true,
  isAssignedTechnician: true,
});
const stranger = (role: Role): ActorRelation => ({
  roles: [role],
  managesOrderOutlet: false,
  isAssignedTechnician: false,
});

describe('transition table', () => {
  it('has no duplicate edges and only known states', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of TRANSITIONS) {
      expect(WORK_ORDER_STATUSES).toContain(t.from);
      expect(WORK_ORDER_STATUSES).toContain(t.to);
    }
  });

  describe.each(TRANSITIONS.map((t) => [`${t.from} → ${t.to}`, t] as const))('%s', (_, rule) => {
    it.each(ROLES)('role %s', (role) => {
      const expected = role === 'admin' || rule.roles.includes(role);
      expect(checkTransition(rule.from, rule.to, related(role)).ok).toBe(expected);
      // Outlet managers and technicians are bound to their own orders.
      const bound = role === 'outlet_manager' || role === 'technician';
      expect(checkTransition(rule.from, rule.to, stranger(role)).ok).toBe(bound ? false : expected);
    });
  });

  it('rejects every edge not in the table, even for admins, and lists what is allowed', () => {
    for (const from of WORK_ORDER_STATUSES) {
      for (const to of WORK_ORDER_STATUSES) {
        if (findRule(from, to)) continue;
        const r = checkTransition(from, to, related('admin'));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.allowed).toEqual(allowedNext(from, related('admin')));
      }
    }
  });

  it('cancels only from the early states, and only with a reason', () => {
    const from = TRANSITIONS.filter((t) => t.to === 'cancelled')
      .map((t) => t.from)
      .sort();
    expect(from).toEqual([
      'accepted',
      'assigned',
      'awaiting_dispatch',
      'dispatched_outlet',
      'new',
      'outlet_accepted',
      'scheduled',
    ]);
    const rule = findRule('new', 'cancelled')!;
    expect(missingRequirements(rule, { data: {} }, new Date())).toEqual([
      expect.objectContaining({ path: 'reason', rule: 'required' }),
    ]);
    expect(missingRequirements(rule, { reason: '客户取消', data: {} }, new Date())).toEqual([]);
  });

  it('requires the data of each step', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const need = (from: Parameters<typeof findRule>[0], to: Parameters<typeof findRule>[1]) =>
      missingRequirements(findRule(from, to)!, { data: {} }, now).map((e) => e.path);
    expect(need('awaiting_dispatch', 'dispatched_outlet')).toEqual(['data.outletId']);
    expect(need('dispatched_outlet', 'outlet_rejected')).toEqual(['reason']);
    expect(need('outlet_accepted', 'assigned')).toEqual(['data.technicianId']);
    expect(need('assigned', 'scheduled')).toEqual(['data.appointment']);
    expect(need('accepted', 'remote_resolved')).toEqual(['data.guidance']);
    expect(need('closed', 'awaiting_dispatch')).toEqual(['reason']);
    const past = missingRequirements(
      findRule('assigned', 'scheduled')!,
      { data: { appointment: { start: '2026-11-20T01:00:00Z', end: '2026-11-20T03:00:00Z' } } },
      now,
    );
    expect(past).toEqual([expect.objectContaining({ path: 'data.appointment.end', rule: 'not_in_past' })]);
  });

  it('lets a dispatcher (or the offer time-out) take an unanswered offer back, with a reason', () => {
    const rule = findRule('dispatched_outlet', 'awaiting_dispatch')!;
    expect(rule.requires).toEqual(['reason']);
    expect(checkTransition('dispatched_outlet', 'awaiting_dispatch', related('dispatcher')).ok).toBe(true);
    expect(checkTransition('dispatched_outlet', 'awaiting_dispatch', related('outlet_manager')).ok).toBe(
      false,
    );
    expect(missingRequirements(rule, { data: {} }, new Date()).map((e) => e.path)).toEqual(['reason']);
  });

  it('lets quality send an unsatisfied callback back to dispatch (redo), with a reason', () => {
    const rule = findRule('awaiting_callback', 'awaiting_dispatch')!;
    expect(rule.requires).toEqual(['reason']);
    expect(checkTransition('awaiting_callback', 'awaiting_dispatch', related('quality')).ok).toBe(true);
    expect(checkTransition('awaiting_callback', 'awaiting_dispatch', related('agent')).ok).toBe(false);
    expect(missingRequirements(rule, { data: {} }, new Date()).map((e) => e.path)).toEqual(['reason']);
  });

  it('reopens only within the window', () => {
    const closed = '2026-10-01T00:00:00Z';
    expect(withinReopenWindow(closed, new Date('2026-10-31T00:00:00Z'), 30)).toBe(true);
    expect(withinReopenWindow(closed, new Date('2026-10-31T00:00:01Z'), 30)).toBe(false);
    expect(withinReopenWindow(null, new Date(), 30)).toBe(false);
  });
});
