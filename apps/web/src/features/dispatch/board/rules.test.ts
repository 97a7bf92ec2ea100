import { describe, expect, it } from 'vitest';
import type { BoardItem, OutletLoad } from '@anxin/contracts';
import { boardKeyAction, bulkCounts, byLoad, isDispatchable, toggleSelected } from './rules.ts';

const item = (n: number): BoardItem =>
  ({ id: `o${n}`, number: `WX-${n}`, status: 'awaiting_dispatch' }) as unknown as BoardItem;
const queue = [item(1), item(2), item(3)];

describe('dispatch board rules', () => {
  it('moves with j/k and the arrows, never past either end', () => {
    expect(boardKeyAction('j', queue, 0, false)).toEqual({ type: 'move', to: 1 });
    expect(boardKeyAction('ArrowDown', queue, 2, false)).toEqual({ type: 'move', to: 2 });
    expect(boardKeyAction('k', queue, 0, false)).toEqual({ type: 'move', to: 0 });
    expect(boardKeyAction('ArrowUp', queue, 2, false)).toEqual({ type: 'move', to: 1 });
  });

  it('opens the ranking, dispatches to the top outlet (not twice at once) and selects the active order', () => {
    expect(boardKeyAction('Enter', queue, 1, false)).toEqual({ type: 'rank', item: queue[1] });
    expect(boardKeyAction('d', queue, 1, false)).toEqual({ type: 'dispatchTop', item: queue[1] });
    expect(boardKeyAction('d', queue, 1, true)).toBeNull();
    expect(boardKeyAction('x', queue, 2, false)).toEqual({ type: 'toggle', item: queue[2] });
    expect(boardKeyAction('Enter', [], 0, false)).toBeNull();
    expect(boardKeyAction('q', queue, 0, false)).toBeNull();
  });

  it('toggles the bulk selection', () => {
    expect(toggleSelected(['o1'], 'o2')).toEqual(['o1', 'o2']);
    expect(toggleSelected(['o1', 'o2'], 'o1')).toEqual(['o2']);
  });

  it('sends out only orders waiting for dispatch or refused by an outlet', () => {
    expect(['awaiting_dispatch', 'outlet_rejected', 'dispatched_outlet', 'new'].map(isDispatchable)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('lists the busiest outlets first and counts a bulk result', () => {
    const o = (code: string, loadPercent: number) => ({ code, loadPercent }) as OutletLoad;
    expect(byLoad([o('A', 40), o('B', 120), o('C', 80)]).map((x) => x.code)).toEqual(['B', 'C', 'A']);
    const r = (ok: boolean) => ({
      orderId: 'x',
      ok,
      outletId: null,
      error: ok ? null : 'no_eligible_outlet',
    });
    expect(bulkCounts({ results: [r(true), r(false), r(true)] })).toEqual({ ok: 2, failed: 1 });
  });
});
