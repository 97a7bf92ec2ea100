import { describe, expect, it } from 'vitest';
import { redoOf, type RedoStep } from './redo.ts';

const step = (from: string | null, to: string, at: string, extra: Partial<RedoStep> = {}): RedoStep => ({
  from,
  to,
  at,
  reason: null,
  actorName: null,
  ...extra,
});

describe('返修 from the order history', () => {
  it('is null for an order never sent back', () => {
    expect(redoOf([step(null, 'new', 't0'), step('in_progress', 'completed', 't1')])).toBeNull();
  });

  it('counts redos and names the last reason and the visit that did not hold', () => {
    const steps = [
      step('outlet_accepted', 'scheduled', 't0', { data: { technicianId: 'tech-zw' } }),
      step('in_progress', 'completed', 't1', { actorName: '张伟' }),
      step('awaiting_callback', 'awaiting_dispatch', 't2', { reason: 'callback_unsatisfied_redo: 仍漏水' }),
      step('outlet_accepted', 'scheduled', 't2b', { data: { technicianId: 'tech-lq' } }),
      step('in_progress', 'completed', 't3', { actorName: '李强' }),
      step('awaiting_callback', 'awaiting_dispatch', 't4', { reason: 'callback_unsatisfied_redo: 异响' }),
    ];
    expect(redoOf(steps)).toEqual({
      kind: 'redo',
      count: 2,
      reason: 'callback_unsatisfied_redo: 异响',
      at: 't4',
      previousVisit: { technicianId: 'tech-lq', technicianName: '李强', completedAt: 't3' },
    });
  });

  it('a reopened closed order reads as a reopen', () => {
    const steps = [
      step('in_progress', 'completed', 't1', { actorName: '张伟' }),
      step('awaiting_callback', 'closed', 't2'),
      step('closed', 'awaiting_dispatch', 't3', { reason: '客户再次报修' }),
    ];
    expect(redoOf(steps)).toMatchObject({ kind: 'reopen', count: 1, reason: '客户再次报修' });
  });
});
