import { WORK_ORDER_STATUSES } from '@anxin/contracts';

export type { AnalyticsCounts, AnalyticsFigure } from '@anxin/contracts';

/** Every status but the two final ones: the "still open" figure's list filter. */
export const OPEN_WORK_ORDER_STATUSES_FOR_ANALYTICS = WORK_ORDER_STATUSES.filter(
  (s) => s !== 'closed' && s !== 'cancelled',
);
