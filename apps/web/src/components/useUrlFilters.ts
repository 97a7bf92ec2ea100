import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters kept in the address (a filtered list can be reloaded, shared and saved as a
 * named filter set). Only the `keys` given are the list's: other parameters (a tab, an open
 * drawer) are left alone, and a saved query applied later keeps only these keys.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const v: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const x = params.get(k);
      if (x) v[k] = x;
    }
    return v;
  }, [params, keys]);

  const replace = (next: Partial<Record<K, string | undefined>>) =>
    setParams(
      (p) => {
        for (const k of keys) p.delete(k);
        for (const k of keys) {
          const x = next[k]?.trim();
          if (x) p.set(k, x);
        }
        return p;
      },
      { replace: true },
    );

  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of keys) if (values[k]) q.set(k, values[k]!);
    return q.toString();
  }, [values, keys]);

  return {
    values,
    /** Changes some filters, keeping the others. */
    set: (patch: Partial<Record<K, string | undefined>>) => replace({ ...values, ...patch }),
    reset: () => replace({}),
    /** The applied filters as an address query (what a saved filter set keeps). */
    query,
    applyQuery: (q: string) => {
      const p = new URLSearchParams(q);
      const next: Partial<Record<K, string>> = {};
      for (const k of keys) {
        const x = p.get(k);
        if (x) next[k] = x;
      }
      replace(next);
    },
  };
}
