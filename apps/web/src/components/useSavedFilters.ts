import { useCallback, useEffect, useState } from 'react';

/** A named set of list filters, as the list's address query holds them (`status=new&sort=…`). */
export interface SavedFilter {
  name: string;
  query: string;
}

const PREFIX = 'anxin.savedFilters.';
const MAX = 30;

function read(storageKey: string): SavedFilter[] {
  try {
    const raw = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (x): x is SavedFilter =>
        typeof x === 'object' && x !== null && typeof x.name === 'string' && typeof x.query === 'string',
    );
  } catch {
    // Storage unavailable (private mode) or damaged: start with none rather than fail the list.
    return [];
  }
}

/**
 * Named filter sets a user keeps for one list, in this browser's localStorage. `key` names the
 * list and the user (`workorders:<userId>`) so people sharing a browser keep their own sets.
 * Saving an existing name replaces it; the newest comes first; at most 30 are kept.
 */
export function useSavedFilters(key: string) {
  const storageKey = PREFIX + key;
  const [saved, setSaved] = useState<SavedFilter[]>(() => read(storageKey));
  useEffect(() => setSaved(read(storageKey)), [storageKey]);

  const write = useCallback(
    (next: SavedFilter[]) => {
      setSaved(next);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        /* kept for this visit only */
      }
    },
    [storageKey],
  );

  const save = useCallback(
    (name: string, query: string) => {
      const n = name.trim();
      if (!n) return;
      write([{ name: n, query }, ...read(storageKey).filter((s) => s.name !== n)].slice(0, MAX));
    },
    [storageKey, write],
  );
  const remove = useCallback(
    (name: string) => write(read(storageKey).filter((s) => s.name !== name)),
    [storageKey, write],
  );
  return { saved, save, remove };
}
