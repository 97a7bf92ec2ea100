import { SERVICE_ENDED_STATUSES, type SlaMetric, type WorkOrderStatusName } from '@anxin/contracts';

/**
 * Which status ends which clock. A step past a stop (cancel, remote resolution) ends every clock
 * still running, since the service it measures will no longer happen.
 */
const STOPS: Record<SlaMetric, readonly WorkOrderStatusName[]> = {
  first_contact: ['accepted'],
  response: ['outlet_accepted', 'assigned'],
  arrival: ['arrived'],
  resolution: ['completed', 'remote_resolved'],
};
const ENDS_ALL = SERVICE_ENDED_STATUSES;

/**
 * Reopening (closed → awaiting_dispatch) and a redo after an unsatisfied callback (awaiting_callback
 * → awaiting_dispatch, 返修) mean a new visit: the visit clocks start again from that instant under
 * the same budgets (the redo's own SLA, not the first visit's 达成); first contact already happened.
 */
const RESTART_ON_REOPEN: readonly SlaMetric[] = ['response', 'arrival', 'resolution'];
const SENT_BACK_FROM: readonly WorkOrderStatusName[] = ['closed', 'awaiting_callback'];
export const restartsClock = (
  metric: SlaMetric,
  from: WorkOrderStatusName,
  to: WorkOrderStatusName,
): boolean =>
  SENT_BACK_FROM.includes(from) && to === 'awaiting_dispatch' && RESTART_ON_REOPEN.includes(metric);

export const stopsClock = (metric: SlaMetric, to: WorkOrderStatusName): boolean =>
  STOPS[metric].includes(to) || ENDS_ALL.includes(to);
