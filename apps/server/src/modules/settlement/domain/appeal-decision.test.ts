import { describe, expect, it } from 'vitest';
import type { StatementStatus } from '@anxin/contracts';
import {
  appealTargetKey,
  decideAppealMoney,
  type AppealUnderDecision,
  type KeyedLine,
} from './appeal-decision.ts';

const CLASS_APPEAL: AppealUnderDecision = {
  orderId: 'o1',
  outletId: 'out1',
  class: 'attitude',
  complaintId: null,
};
const COMPLAINT_APPEAL: AppealUnderDecision = { ...CLASS_APPEAL, class: null, complaintId: 'c9' };
const KEY = 'class:o1:attitude';

const line = (
  statementId: string,
  status: StatementStatus,
  amountFen: number,
  lineKey: string | null = KEY,
  month = '2026-10',
): KeyedLine => ({ statementId, statementStatus: status, statementMonth: month, lineKey, amountFen });

describe('appealTargetKey', () => {
  it('names the class deduction of the order, or the complaint deduction', () => {
    expect(appealTargetKey(CLASS_APPEAL)).toEqual({ key: KEY, cls: 'attitude' });
    expect(appealTargetKey(COMPLAINT_APPEAL)).toEqual({ key: 'complaint:c9', cls: 'complaint' });
  });
});

describe('decideAppealMoney', () => {
  it('rejected: nothing is excluded and no money moves, whatever the lines', () => {
    const plan = decideAppealMoney('rejected', CLASS_APPEAL, [line('s1', 'draft', -5000)]);
    expect(plan).toMatchObject({ exclusion: null, moves: [], restoredFen: 0 });
  });

  it('upheld on an unlocked statement: a reversal of the deduction there', () => {
    for (const status of ['draft', 'disputed', 'confirmed'] as const) {
      const plan = decideAppealMoney('upheld', CLASS_APPEAL, [line('s1', status, -5000)]);
      expect(plan.exclusion).toEqual({ orderId: 'o1', class: 'attitude', complaintId: '' });
      expect(plan.moves).toEqual([
        { kind: 'reversal', statementId: 's1', amountFen: 5000, description: '申诉冲回：服务态度不满意' },
      ]);
      expect(plan.restoredFen).toBe(5000);
    }
  });

  it('upheld on a locked statement: a credit carried from it, never a line on it', () => {
    for (const status of ['approved', 'paid'] as const) {
      const plan = decideAppealMoney('upheld', CLASS_APPEAL, [line('s1', status, -5000, KEY, '2026-10')]);
      expect(plan.moves).toEqual([
        {
          kind: 'credit',
          sourceStatementId: 's1',
          sourceMonth: '2026-10',
          amountFen: 5000,
          description: '申诉补发：服务态度不满意（2026-10）',
        },
      ]);
    }
  });

  it('a complaint appeal excludes the complaint and restores its deduction', () => {
    const plan = decideAppealMoney('upheld', COMPLAINT_APPEAL, [line('s1', 'draft', -20000, 'complaint:c9')]);
    expect(plan.exclusion).toEqual({ orderId: 'o1', class: 'complaint', complaintId: 'c9' });
    expect(plan.targetKey).toBe('complaint:c9');
    expect(plan.moves).toMatchObject([{ kind: 'reversal', amountFen: 20000 }]);
  });

  it('partly corrected: only what is still deducted comes back', () => {
    // Finance already gave 2000 of the 5000 back with an adjustment on the same statement.
    const plan = decideAppealMoney('upheld', CLASS_APPEAL, [
      line('s1', 'draft', -5000),
      line('s1', 'draft', 2000, null),
    ]);
    expect(plan.moves).toMatchObject([{ kind: 'reversal', statementId: 's1', amountFen: 3000 }]);
    expect(plan.restoredFen).toBe(3000);
  });

  it('fully corrected or never deducted: nothing moves, the grade input is still excluded', () => {
    const plan = decideAppealMoney('upheld', CLASS_APPEAL, [
      line('s1', 'paid', -5000),
      line('s1', 'paid', 5000, null),
    ]);
    expect(plan.moves).toEqual([]);
    expect(plan.restoredFen).toBe(0);
    expect(plan.exclusion).not.toBeNull();
    expect(decideAppealMoney('upheld', CLASS_APPEAL, []).moves).toEqual([]);
  });

  it('never pays back more than the original deduction of a statement', () => {
    // A further negative correction of the key is not the appealed deduction.
    const plan = decideAppealMoney('upheld', CLASS_APPEAL, [
      line('s1', 'draft', -5000),
      line('s1', 'draft', -3000, null),
    ]);
    expect(plan.moves).toMatchObject([{ amountFen: 5000 }]);
    // A correction without any deduction of the key on that statement moves nothing.
    expect(decideAppealMoney('upheld', CLASS_APPEAL, [line('s2', 'draft', -3000, null)]).moves).toEqual([]);
  });

  it('a positive line elsewhere (an earlier credit) is not restored again', () => {
    const plan = decideAppealMoney('upheld', CLASS_APPEAL, [
      line('s1', 'paid', -5000, KEY, '2026-09'),
      line('s2', 'draft', 5000, 'credit:x', '2026-10'),
    ]);
    expect(plan.moves).toMatchObject([{ kind: 'credit', sourceStatementId: 's1', amountFen: 5000 }]);
    expect(plan.restoredFen).toBe(5000);
  });

  it('one move per statement, each by its own status; amounts are positive integers', () => {
    const plan = decideAppealMoney('upheld', CLASS_APPEAL, [
      line('s1', 'approved', -5000, KEY, '2026-09'),
      line('s2', 'draft', -4000, KEY, '2026-10'),
    ]);
    expect(plan.moves.map((m) => [m.kind, m.amountFen])).toEqual([
      ['credit', 5000],
      ['reversal', 4000],
    ]);
    expect(plan.restoredFen).toBe(9000);
    for (const m of plan.moves) expect(Number.isInteger(m.amountFen) && m.amountFen > 0).toBe(true);
  });

  it('an order without an outlet: excluded, but no money to move', () => {
    const plan = decideAppealMoney('upheld', { ...CLASS_APPEAL, outletId: null }, [
      line('s1', 'draft', -5000),
    ]);
    expect(plan.exclusion).not.toBeNull();
    expect(plan.moves).toEqual([]);
  });
});
