/**
 * How late a visit starts against the customer's window(s): a start inside any window is never
 * late (however the SLA stands); a start after every window that has begun is late by the time
 * past the last of them to end; a start before its window is early (the technician waits), not late.
 * Whole minutes, rounded down: the timeline shows starts as HH:mm, so a visit shown at 12:00 in a
 * window ending 12:00 is not called late.
 */
export function lateMinutesAgainst(
  start: number,
  windows: readonly { start: number; end: number }[],
): number {
  if (!windows.length || windows.some((w) => start >= w.start && start <= w.end)) return 0;
  const passed = windows.filter((w) => w.end < start).map((w) => w.end);
  if (!passed.length) return 0;
  return Math.floor(start - Math.max(...passed));
}
