import type { BrandOrderQuery } from '@anxin/contracts';

interface Sortable {
  id: string;
  status: string;
  window_start: string | null;
  remote_created_at: string | null;
}

/** Orders needing an answer first, then in the order the brand's inbox would show them. */
const STATUS_RANK: Record<string, number> = {
  dispatched_outlet: 0,
  outlet_accepted: 1,
  scheduled: 2,
};

/** The inbox's orderings; ties by id so a page is stable. Windows missing sort last. */
export function sortOrders<T extends Sortable>(rows: T[], sort: BrandOrderQuery['sort']): T[] {
  const by = (key: (r: T) => string | number | null, desc: boolean) => (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return a.id < b.id ? -1 : 1;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (desc ? -1 : 1);
  };
  const cmp = {
    window: by((r) => r.window_start, false),
    '-window': by((r) => r.window_start, true),
    created: by((r) => r.remote_created_at, false),
    '-created': by((r) => r.remote_created_at, true),
    status: by((r) => STATUS_RANK[r.status] ?? 9, false),
  }[sort];
  return [...rows].sort(cmp);
}
