import { bj } from '../../workorders/index.ts';

/** Fen → yuan text with two decimals, from integers only (the settlement screens word money the same way). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

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
