/**
 * Business periods (Beijing dates, Asia/Shanghai has no daylight saving: a fixed +08:00).
 * A period [from, to] covers whole days; the database compares instants [start of from, start of
 * the day after to).
 */
const DAY = 86_400_000;

export const startOfDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
export const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
export const beijingDate = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

const monthStart = (y: number, m: number) => {
  const i = y * 12 + (m - 1);
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
};

/**
 * The window of the same length just before [from, to]: the same number of whole months when the
 * period is whole months (a half year before a half year), else the same number of days.
 */
export function baselineOf(from: string, to: string): { from: string; to: string } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  if (fd === 1 && addDays(to, 1) === monthStart(ty, tm + 1)) {
    const months = ty * 12 + tm - (fy * 12 + fm) + 1;
    return { from: monthStart(fy, fm - months), to: addDays(from, -1) };
  }
  const len = daysBetween(from, to) + 1;
  return { from: addDays(from, -len), to: addDays(from, -1) };
}

/** The calendar months [from, to] touches, each clipped to the period: `YYYY-MM` and its dates. */
export function monthsOf(from: string, to: string): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  let start = from;
  while (start <= to) {
    const [y, m] = start.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const end = addDays(next, -1) < to ? addDays(next, -1) : to;
    out.push({ month: start.slice(0, 7), from: start, to: end });
    start = next;
  }
  return out;
}

/**
 * The last finished report period before `today`: periods of `months` months that start in
 * January (6: 1 Jan – 30 Jun and 1 Jul – 31 Dec).
 */
export function lastFinishedPeriod(today: string, months: number): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = Math.floor((y * 12 + (m - 1)) / months) * months - months;
  const startY = Math.floor(index / 12);
  const startM = (index % 12) + 1;
  const endIndex = index + months;
  const endY = Math.floor(endIndex / 12);
  const endM = (endIndex % 12) + 1;
  const from = `${startY}-${String(startM).padStart(2, '0')}-01`;
  const to = addDays(`${endY}-${String(endM).padStart(2, '0')}-01`, -1);
  return { from, to };
}
