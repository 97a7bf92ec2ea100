import { useEffect } from 'react';
import type { BoardItem } from '@anxin/contracts';
import { boardKeyAction, type BoardKeyAction } from './rules.ts';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    !!el.closest('.ant-select'));

/**
 * The board's keyboard (see `boardKeyAction`): ignored while typing, with a modifier, or while a
 * drawer or dialog is open. Keeps the active row in view.
 */
export function useBoardKeyboard(opts: {
  queue: readonly BoardItem[];
  active: number;
  dispatching: boolean;
  paused: boolean;
  onAction: (a: BoardKeyAction) => void;
}): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (opts.paused || document.querySelector('.ant-modal-wrap')) return;
      const action = boardKeyAction(e.key, opts.queue, opts.active, opts.dispatching);
      if (!action) return;
      if (action.type === 'move' || action.type === 'rank') e.preventDefault();
      opts.onAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    document.querySelector(`[data-row-index="${opts.active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [opts.active]);
}
