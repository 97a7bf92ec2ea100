import type { AssignmentTarget, CourseStatus, LearnerStatus, Role } from '@anxin/contracts';
import { dateFromDay, dayFromDate } from '../../../platform/calendar/dates.ts';

/**
 * The edition state table: a draft is edited and published; a published edition is retired (by
 * hand, or when the next edition is published). Nothing goes back to draft: editing a published
 * or used edition makes the next draft edition instead.
 */
export const COURSE_RULES = [
  { action: 'edit', from: ['draft'], to: 'draft' },
  { action: 'publish', from: ['draft'], to: 'published' },
  { action: 'retire', from: ['published'], to: 'retired' },
] as const satisfies readonly { action: string; from: readonly CourseStatus[]; to: CourseStatus }[];
export type CourseAction = (typeof COURSE_RULES)[number]['action'];

export const allows = (action: CourseAction, from: CourseStatus): boolean =>
  (COURSE_RULES.find((r) => r.action === action)!.from as readonly CourseStatus[]).includes(from);

/**
 * The certification's last valid day: `months` calendar months after the pass date (clamped to
 * the month's end, so 2026-01-31 + 1 month is 2026-02-28).
 */
export function expiryAfter(passedOn: string, months: number): string {
  const [y, m, d] = passedOn.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + months;
  const year = Math.floor(idx / 12);
  const month = (idx % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The technician as assignment targets see them. */
export interface LearnerFacts {
  technicianId: string;
  outletId: string | null;
  roles: readonly Role[];
}
export interface AssignmentRow {
  id: string;
  seriesId: string;
  targetKind: AssignmentTarget;
  targetId: string;
  dueOn: string;
}

/** Whether an assignment reaches a technician (by name, by their outlet, or by a role they hold). */
export function reaches(a: Pick<AssignmentRow, 'targetKind' | 'targetId'>, t: LearnerFacts): boolean {
  if (a.targetKind === 'technician') return a.targetId === t.technicianId;
  if (a.targetKind === 'outlet') return a.targetId === t.outletId;
  return (t.roles as readonly string[]).includes(a.targetId);
}

/**
 * A technician's assigned courses: one per series, due on the earliest due date among the
 * assignments that reach them (assigning a course twice never makes it two courses).
 */
export function coursesOf(assignments: readonly AssignmentRow[], t: LearnerFacts): Map<string, string> {
  const due = new Map<string, string>();
  for (const a of assignments)
    if (reaches(a, t) && (!due.has(a.seriesId) || a.dueOn < due.get(a.seriesId)!))
      due.set(a.seriesId, a.dueOn);
  return due;
}

/** Where a technician stands: passed wins; past the due date unpassed is overdue. */
export function learnerStatus(f: {
  passed: boolean;
  attemptsUsed: number;
  maxAttempts: number;
  started: boolean;
  dueOn: string;
  today: string;
}): LearnerStatus {
  if (f.passed) return 'passed';
  if (f.dueOn < f.today) return 'overdue';
  if (f.attemptsUsed >= f.maxAttempts) return 'failed';
  return f.started || f.attemptsUsed > 0 ? 'in_progress' : 'not_started';
}

export const daysBetween = (from: string, to: string): number => dayFromDate(to) - dayFromDate(from);
export const addDays = (date: string, days: number): string => dateFromDay(dayFromDate(date) + days);
