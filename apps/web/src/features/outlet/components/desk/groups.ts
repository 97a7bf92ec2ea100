import {
  APPOINTABLE_STATUSES,
  AWAITING_CLOSE_STATUSES,
  IN_SERVICE_STATUSES,
  isStatusIn,
  TECHNICIAN_ACTIVE_STATUSES,
  type WorkOrderStatusName,
} from '@anxin/contracts';

/** The desk's order lists and the statuses each shows. */
export type Group = 'toAssign' | 'toSchedule' | 'scheduled' | 'inService' | 'done' | 'all';
export const GROUPS: Record<Group, WorkOrderStatusName[] | undefined> = {
  toAssign: ['outlet_accepted'],
  toSchedule: ['assigned'],
  scheduled: ['scheduled'],
  inService: [...IN_SERVICE_STATUSES],
  done: [...AWAITING_CLOSE_STATUSES],
  all: undefined,
};
/** The outlet reschedules an order that has a technician and has not set off yet. */
export const RESCHEDULABLE = APPOINTABLE_STATUSES.filter((s) => isStatusIn(TECHNICIAN_ACTIVE_STATUSES, s));
