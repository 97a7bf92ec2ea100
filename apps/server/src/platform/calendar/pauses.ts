import { assertInstant } from './dates.ts';

/** A span during which the SLA clock stops (e.g. 待客户确认). `end` null/absent: still paused. */
export interface PauseInterval {
  start: Date;
  end?: Date | null;
}

/**
 * The parts of [a, b) not covered by any pause, as local or UTC ms alike. Pauses may overlap each
 * other and reach outside [a, b): they are clipped, sorted and merged first.
 */
export function activeSegments(
  a: number,
  b: number,
  pauses: readonly { start: number; end: number }[],
): [number, number][] {
  const clipped = pauses
    .map((p) => ({ start: Math.max(a, p.start), end: Math.min(b, p.end) }))
    .filter((p) => p.end > p.start)
    .sort((x, y) => x.start - y.start);
  const segments: [number, number][] = [];
  let cursor = a;
  for (const p of clipped) {
    if (p.start > cursor) segments.push([cursor, p.start]);
    cursor = Math.max(cursor, p.end);
  }
  if (cursor < b) segments.push([cursor, b]);
  return segments;
}

/** Validated pauses as UTC ms; an open pause runs to infinity and is clipped by activeSegments. */
export function pauseSpans(pauses: readonly PauseInterval[]): { start: number; end: number }[] {
  return pauses.map((p) => {
    const start = assertInstant(p.start);
    const end = p.end == null ? Number.POSITIVE_INFINITY : assertInstant(p.end);
    if (end < start) throw new RangeError('pause ends before it starts');
    return { start, end };
  });
}
