import {
  DISPATCHABLE_STATUSES,
  isStatusIn,
  type BoardItem,
  type BulkDispatchResult,
  type OutletLoad,
} from '@anxin/contracts';

/** Orders the dispatcher may still send out (and select for a bulk dispatch). */
export const isDispatchable = (status: string): boolean => isStatusIn(DISPATCHABLE_STATUSES, status);

/** Busiest outlets first, so the ones to spare stand out. */
export const byLoad = (outlets: readonly OutletLoad[]): OutletLoad[] =>
  [...outlets].sort((a, b) => b.loadPercent - a.loadPercent);

export function bulkCounts(r: BulkDispatchResult): { ok: number; failed: number } {
  const ok = r.results.filter((x) => x.ok).length;
  return { ok, failed: r.results.length - ok };
}

/** What a key press on the board does (pure; the page applies it). */
export type BoardKeyAction =
  | { type: 'move'; to: number }
  | { type: 'rank'; item: BoardItem }
  | { type: 'dispatchTop'; item: BoardItem }
  | { type: 'toggle'; item: BoardItem };

/** j/k or arrows move, Enter opens the ranking, d dispatches to the top outlet, x selects. */
export function boardKeyAction(
  key: string,
  queue: readonly BoardItem[],
  active: number,
  dispatching: boolean,
): BoardKeyAction | null {
  const item = queue[active];
  if (key === 'j' || key === 'ArrowDown') return { type: 'move', to: Math.min(queue.length - 1, active + 1) };
  if (key === 'k' || key === 'ArrowUp') return { type: 'move', to: Math.max(0, active - 1) };
  if (!item) return null;
  if (key === 'Enter') return { type: 'rank', item };
  if (key === 'd' && !dispatching) return { type: 'dispatchTop', item };
  if (key === 'x') return { type: 'toggle', item };
  return null;
}

/** Toggles an order in or out of the bulk selection. */
export const toggleSelected = (selected: readonly string[], id: string): string[] =>
  selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
