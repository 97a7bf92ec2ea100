import { describe, expect, it } from 'vitest';
import type { Investigation } from '@anxin/contracts';
import {
  capaErrors,
  decideInvestigation,
  newCapa,
  newlyNamed,
  nextFindings,
  NEXT_CAPA_STATUS,
} from './investigation.ts';
import { DEFAULT_COMPLAINT_POLICY } from './policy.ts';
import type { ComplaintRecord } from './types.ts';

const C: ComplaintRecord = {
  id: 'c1',
  number: 'KS20261123-0001',
  source: 'hotline',
  sourceRef: null,
  severity: 'normal',
  status: 'investigating',
  summary: 'x',
  description: null,
  orderId: 'o1',
  customerId: 'cu1',
  outletId: 'out1',
  technicianId: 't1',
  regionCode: '440106',
  rootCause: null,
  responsibility: null,
  responsibleDepartment: null,
  responsibleOutletId: null,
  responsibleTechnicianId: null,
  responsiblePerson: null,
  causeIsAttitude: false,
  findings: null,
  remedy: null,
  verdict: null,
  verdictNote: null,
  reopenCount: 0,
  openedAt: '2026-11-23T02:00:00.000Z',
  acknowledgeDueAt: null,
  acknowledgedAt: null,
  resolveDueAt: null,
  resolvedAt: null,
  closedAt: null,
  createdBy: null,
  updatedAt: '2026-11-23T02:00:00.000Z',
  version: 3,
};
const FOUND = { outlet: true, technician: true };
const edit = (input: Omit<Investigation, 'version'>, c: ComplaintRecord = C, found = FOUND) =>
  decideInvestigation(c, nextFindings(c, { version: c.version, ...input }), DEFAULT_COMPLAINT_POLICY, found);
const errorsOf = (d: ReturnType<typeof edit>) =>
  d.kind === 'refused' ? d.errors.map((e) => `${e.path}:${e.rule}`) : [];

describe('nextFindings', () => {
  it('keeps what is left out, clears what is null', () => {
    const c = { ...C, rootCause: 'attitude', findings: 'late twice' };
    expect(nextFindings(c, { version: 3, findings: null })).toMatchObject({
      rootCause: 'attitude',
      findings: null,
    });
    expect(nextFindings(c, { version: 3, findings: '' }).findings).toBeNull();
  });

  it('a newly named outlet, technician or logistics responsibility defaults to the complaint’s link', () => {
    expect(nextFindings(C, { version: 3, responsibility: 'outlet' }).responsibleOutletId).toBe('out1');
    expect(nextFindings(C, { version: 3, responsibility: 'technician' }).responsibleTechnicianId).toBe('t1');
    expect(nextFindings(C, { version: 3, responsibility: 'logistics' }).responsibleDepartment).toBe(
      'logistics',
    );
    // An explicit null is not defaulted; an unchanged responsibility is not either.
    expect(
      nextFindings(C, { version: 3, responsibility: 'outlet', responsibleOutletId: null })
        .responsibleOutletId,
    ).toBeNull();
    const already = { ...C, responsibility: 'outlet' as const };
    expect(nextFindings(already, { version: 3, findings: 'x' }).responsibleOutletId).toBeNull();
  });
});

describe('decideInvestigation', () => {
  it('each responsibility names who is responsible', () => {
    expect(errorsOf(edit({ responsibility: 'product_quality' }))).toEqual(['responsibleDepartment:required']);
    expect(errorsOf(edit({ responsibility: 'outlet', responsibleOutletId: null }))).toEqual([
      'responsibleOutletId:required',
    ]);
    expect(errorsOf(edit({ responsibility: 'technician', responsibleTechnicianId: null }))).toEqual([
      'responsibleTechnicianId:required',
    ]);
    expect(edit({ responsibility: 'customer' }).kind).toBe('changed');
  });

  it('root causes come from the policy', () => {
    expect(errorsOf(edit({ rootCause: 'aliens' }))).toEqual(['rootCause:unknown_code']);
    expect(edit({ rootCause: 'installation' }).kind).toBe('changed');
  });

  it('a newly named outlet or technician must exist; an unchanged one is not looked up again', () => {
    const input = { responsibleOutletId: 'out9', responsibleTechnicianId: 't9' };
    expect(errorsOf(edit(input, C, { outlet: false, technician: false }))).toEqual([
      'responsibleOutletId:not_found',
      'responsibleTechnicianId:not_found',
    ]);
    const named = { ...C, responsibleOutletId: 'out9' };
    expect(newlyNamed(named, nextFindings(named, { version: 3, findings: 'x' }))).toEqual({});
    expect(edit({ findings: 'x' }, named, { outlet: false, technician: false }).kind).toBe('changed');
  });

  it('an empty investigation is refused, naming the findings', () => {
    expect(errorsOf(edit({}))).toEqual(['findings:required']);
    expect(errorsOf(edit({ findings: null, responsibility: null }))).toEqual(['findings:required']);
    expect(edit({ causeIsAttitude: true }).kind).toBe('changed');
    expect(edit({ findings: '网点未核对日程' }).kind).toBe('changed');
  });

  it('nothing changed: unchanged (no event, no version bump)', () => {
    const found = { ...C, findings: '已核实' };
    expect(edit({}, found)).toEqual({ kind: 'unchanged' });
    expect(edit({ causeIsAttitude: false, responsibility: null }, found)).toEqual({ kind: 'unchanged' });
  });

  it('lists each change with its old and new value; the attitude flag is reported', () => {
    const d = edit({ causeIsAttitude: true, rootCause: 'attitude' });
    expect(d).toMatchObject({
      kind: 'changed',
      changes: { causeIsAttitude: { from: false, to: true }, rootCause: { from: null, to: 'attitude' } },
      attitudeChanged: true,
      routeTo: null,
    });
    expect(edit({ rootCause: 'attitude' })).toMatchObject({ attitudeChanged: false });
  });

  it('routes a quality problem to the department’s role when the department or responsibility changes', () => {
    expect(edit({ responsibility: 'product_quality', responsibleDepartment: 'logistics' })).toMatchObject({
      routeTo: { department: 'logistics', role: 'warehouse' },
    });
    const routed = { ...C, responsibility: 'product_quality' as const, responsibleDepartment: 'rd' as const };
    // Only findings edited: no second routing.
    expect(edit({ findings: 'x' }, routed)).toMatchObject({ routeTo: null });
    expect(edit({ responsibleDepartment: 'sales' }, routed)).toMatchObject({
      routeTo: { department: 'sales', role: 'manager' },
    });
    // A department named without a quality problem is not routed.
    expect(edit({ responsibility: 'logistics' })).toMatchObject({ routeTo: null });
  });
});

describe('CAPA', () => {
  const today = '2026-11-23';

  it('an action without an owner or due date is refused, naming each', () => {
    expect(capaErrors({ kind: 'corrective', action: 'retrain' }, today).map((e) => e.path)).toEqual([
      'owner',
      'dueOn',
    ]);
    expect(
      capaErrors({ kind: 'corrective', action: 'retrain', owner: '  ', dueOn: today }, today),
    ).toMatchObject([{ path: 'owner', rule: 'required' }]);
  });

  it('a due date in the past is refused; today is allowed', () => {
    expect(
      capaErrors({ kind: 'preventive', action: 'a', owner: '张三', dueOn: '2026-11-22' }, today),
    ).toMatchObject([{ path: 'dueOn', rule: 'not_in_past' }]);
    expect(capaErrors({ kind: 'preventive', action: 'a', owner: '张三', dueOn: today }, today)).toEqual([]);
  });

  it('a new action is open at version 1; steps go open → done → verified only', () => {
    const a = newCapa({
      id: 'a1',
      complaintId: 'c1',
      input: { kind: 'corrective', action: 'retrain', owner: '张三', dueOn: '2026-11-30' },
      createdBy: 'u1',
      at: new Date('2026-11-23T02:00:00.000Z'),
    });
    expect(a).toMatchObject({ status: 'open', owner: '张三', dueOn: '2026-11-30', version: 1 });
    expect(NEXT_CAPA_STATUS).toEqual({ open: 'done', done: 'verified', verified: null });
  });
});
