import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, type Permission } from '@anxin/contracts';
import { classify } from '../../callbacks/index.ts';
import { allowedNext, checkTransition, COMPLAINT_TRANSITIONS, missingRequirements } from './lifecycle.ts';

const MANAGE = new Set<Permission>(['complaint:read', 'complaint:manage']);
const READ = new Set<Permission>(['complaint:read']);

describe('complaint state machine', () => {
  it('is the documented table, and nothing else', () => {
    expect(COMPLAINT_TRANSITIONS.map((t) => `${t.from}>${t.to}:${t.action}`)).toEqual([
      'registered>acknowledged:acknowledge',
      'acknowledged>investigating:investigate',
      'investigating>resolved:resolve',
      'resolved>closed:close',
      'resolved>investigating:reopen',
      'closed>investigating:reopen',
    ]);
  });

  it('names the allowed next statuses from every status', () => {
    const next = Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, allowedNext(s, MANAGE)]));
    expect(next).toEqual({
      registered: ['acknowledged'],
      acknowledged: ['investigating'],
      investigating: ['resolved'],
      resolved: ['closed', 'investigating'],
      closed: ['investigating'],
    });
  });

  it('refuses a step out of order with the allowed statuses', () => {
    expect(checkTransition('registered', 'resolved', MANAGE)).toEqual({
      ok: false,
      allowed: ['acknowledged'],
    });
    expect(checkTransition('closed', 'resolved', MANAGE)).toEqual({ ok: false, allowed: ['investigating'] });
    const ok = checkTransition('investigating', 'resolved', MANAGE);
    expect(ok.ok && ok.rule.action).toBe('resolve');
  });

  it('guards every step with complaint:manage', () => {
    for (const t of COMPLAINT_TRANSITIONS) {
      expect(checkTransition(t.from, t.to, READ)).toEqual({ ok: false, allowed: [] });
      expect(checkTransition(t.from, t.to, MANAGE).ok).toBe(true);
    }
  });

  it('resolving needs the responsibility and the remedy; closing the verdict; reopening a reason', () => {
    const rule = (action: string) => COMPLAINT_TRANSITIONS.find((t) => t.action === action)!;
    expect(missingRequirements(rule('resolve'), { responsibility: null }).map((e) => e.path)).toEqual([
      'responsibility',
      'remedy',
    ]);
    expect(missingRequirements(rule('resolve'), { responsibility: 'outlet', remedy: '上门更换' })).toEqual(
      [],
    );
    expect(missingRequirements(rule('close'), { responsibility: 'outlet' })).toEqual([
      { path: 'verdict', rule: 'required', message: "closing needs the customer's verdict" },
    ]);
    expect(missingRequirements(rule('reopen'), { responsibility: 'outlet' })[0]!.path).toBe('reason');
    expect(missingRequirements(rule('acknowledge'), { responsibility: null })).toEqual([]);
  });
});

describe('classification from complaints (callbacks classifier facts)', () => {
  const base = {
    outcomes: [],
    complaintRequests: [],
    complaintOrders: [],
    completions: [],
    laterRepairs: [],
  };
  const rules = { attitudeThreshold: 2, repeatWindowDays: 30 };

  it('a linked complaint makes complaint_call; an attitude cause adds attitude', () => {
    expect(
      classify({ ...base, complaints: [{ complaintId: 'c', eventId: 'e1', attitude: false }] }, rules),
    ).toEqual([{ class: 'complaint_call', sourceEventId: 'e1' }]);
    expect(
      classify({ ...base, complaints: [{ complaintId: 'c', eventId: 'e2', attitude: true }] }, rules),
    ).toEqual([
      { class: 'complaint_call', sourceEventId: 'e2' },
      { class: 'attitude', sourceEventId: 'e2' },
    ]);
  });
});
