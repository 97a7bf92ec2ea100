/** Display helpers of the call-centre page (rates are fractions from the server). */
export const pct = (v: number | null | undefined, digits = 1): string | null =>
  v === null || v === undefined ? null : `${(v * 100).toFixed(digits)}%`;

export const secs = (v: number | null | undefined): string | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v >= 100 ? v.toFixed(0) : v.toFixed(1);

/** `HH:MM` of half hour `i` (0…47). */
export const halfHourLabel = (i: number): string =>
  `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;

/**
 * A pasted row of volumes (an Excel row: tabs, or spaces, commas, semicolons) as numbers; the
 * indexes of entries that are not non-negative numbers are returned as `bad`.
 */
export function parseVolumes(text: string): { values: number[]; bad: number[] } {
  const parts = text
    .trim()
    .split(/[\s,;，；]+/)
    .filter((p) => p !== '');
  const values: number[] = [];
  const bad: number[] = [];
  parts.forEach((p, i) => {
    const n = Number(p);
    if (!Number.isFinite(n) || n < 0) bad.push(i);
    values.push(Number.isFinite(n) && n >= 0 ? n : 0);
  });
  return { values, bad };
}
