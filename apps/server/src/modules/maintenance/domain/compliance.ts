import type { PmCompliance } from '@anxin/contracts';
import { dateFromDay, dayFromDate } from '../../../platform/calendar/dates.ts';

/** One maintenance run as PM compliance sees it. */
export interface RunFact {
  dueOn: string;
  /** Business date its order was completed (or closed); null while not done. */
  doneOn: string | null;
  /** Its order was cancelled: neither done nor open. */
  cancelled: boolean;
}

/**
 * PM compliance (保养及时率): of the runs due in [from, to], those whose order was completed no
 * later than the due date plus `graceDays`, ÷ those due. Overdue open: runs due on or before the
 * period's end and before `today` whose order is neither done nor cancelled.
 */
export function pmCompliance(
  runs: readonly RunFact[],
  p: { from: string; to: string; today: string; graceDays: number },
): PmCompliance {
  const due = runs.filter((r) => r.dueOn >= p.from && r.dueOn <= p.to);
  const onTime = due.filter((r) => r.doneOn !== null && r.doneOn <= plusDays(r.dueOn, p.graceDays)).length;
  const overdueOpen = runs.filter(
    (r) => r.dueOn <= p.to && r.dueOn < p.today && r.doneOn === null && !r.cancelled,
  ).length;
  return {
    due: due.length,
    onTime,
    compliancePct: due.length ? pct(onTime, due.length) : null,
    overdueOpen,
    graceDays: p.graceDays,
  };
}

const plusDays = (date: string, n: number) => dateFromDay(dayFromDate(date) + n);
const pct = (n: number, d: number) => Math.round((n / d) * 1000) / 10;
