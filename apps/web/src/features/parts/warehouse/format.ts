import { bj } from '../../workorders/index.ts';

export { yuan } from '../../../components/money.ts';

/** An instant as Beijing wall-clock time, like the other pages; '' when absent. */
export const when = (iso: string | null | undefined): string =>
  iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '';

/** A signed quantity change: `+3`, `-2`, `0`. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** Distinct `{ value, label }` options from rows (outlets, locations seen in a list). */
export function optionsOf<T>(rows: readonly T[], pick: (r: T) => [string | null, string | null]) {
  const m = new Map<string, string>();
  for (const r of rows) {
    const [value, label] = pick(r);
    if (value) m.set(value, label ?? value);
  }
  return [...m].map(([value, label]) => ({ value, label }));
}
