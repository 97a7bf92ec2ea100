import type { FieldError, TimeWindow } from '@anxin/contracts';

/**
 * A time window the customer or the agent proposes: it must end after it starts and must not lie
 * wholly in the past (a window already under way is fine: the technician may still make it).
 */
export function windowErrors(w: TimeWindow, now: Date, path: string): FieldError[] {
  const start = Date.parse(w.start);
  const end = Date.parse(w.end);
  const errors: FieldError[] = [];
  if (!(end > start))
    errors.push({ path: `${path}.end`, rule: 'after_start', message: 'end must be after start' });
  else if (!(end > now.getTime()))
    errors.push({ path: `${path}.end`, rule: 'not_in_past', message: 'the window has already ended' });
  return errors;
}

/** Stored canonically as UTC ISO strings so comparisons in SQL stay lexical. */
export const normaliseWindow = (w: TimeWindow): TimeWindow => ({
  start: new Date(w.start).toISOString(),
  end: new Date(w.end).toISOString(),
});
