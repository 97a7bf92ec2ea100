const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** The `days` business days ending with `today`, oldest first. */
export function lastDays(today: string, days: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) =>
    new Date(end - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The instant a Shanghai business day starts. */
export const startOfBusinessDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS).toISOString();

/** The Shanghai business day of a UTC hour `YYYY-MM-DDTHH` (Shanghai has no daylight saving). */
export const dayOfUtcHour = (hour: string): string =>
  new Date(Date.parse(`${hour}:00:00Z`) + SHANGHAI_MS).toISOString().slice(0, 10);

/** Folds hourly figures into the given days (hours outside them are ignored). */
export function foldHours<T extends { hour: string }>(
  days: readonly string[],
  hours: readonly T[],
  pick: (h: T) => number[],
): Map<string, number[]> {
  const out = new Map<string, number[]>(days.map((d) => [d, []]));
  for (const h of hours) {
    const acc = out.get(dayOfUtcHour(h.hour));
    if (!acc) continue;
    pick(h).forEach((v, i) => (acc[i] = (acc[i] ?? 0) + v));
  }
  return out;
}
