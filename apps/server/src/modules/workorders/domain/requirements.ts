import type { FieldError, TransitionData } from '@anxin/contracts';
import type { TransitionRule } from './lifecycle.ts';
import { windowErrors } from './windows.ts';

export interface TransitionInput {
  reason?: string | undefined;
  data: TransitionData;
}

const DAY_MS = 86_400_000;

/** Field errors for what the rule requires but the request lacks (the reopen window is separate). */
export function missingRequirements(rule: TransitionRule, input: TransitionInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const need = (path: string, present: unknown) => {
    if (present === undefined || present === null || present === '') {
      errors.push({ path, rule: 'required', message: `${path} is required for ${rule.from} → ${rule.to}` });
    }
  };
  for (const r of rule.requires ?? []) {
    if (r === 'reason') need('reason', input.reason);
    if (r === 'outletId') need('data.outletId', input.data.outletId);
    if (r === 'technicianId') need('data.technicianId', input.data.technicianId);
    if (r === 'guidance') need('data.guidance', input.data.guidance);
    if (r === 'appointment') {
      need('data.appointment', input.data.appointment);
      if (input.data.appointment)
        errors.push(...windowErrors(input.data.appointment, now, 'data.appointment'));
    }
  }
  return errors;
}

/** Reopening is allowed for `windowDays` after closing; the window is a business setting. */
export function withinReopenWindow(closedAt: string | null, now: Date, windowDays: number): boolean {
  if (!closedAt) return false;
  return now.getTime() - Date.parse(closedAt) <= windowDays * DAY_MS;
}
