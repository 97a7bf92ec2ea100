import {
  CLOSED_STATUSES as CLOSED,
  OPEN_STATUSES as OPEN,
  type SlaMetric,
  type SlaState,
  type Urgency,
  type WorkOrderStatusName,
  type WorkOrderType,
} from '@anxin/contracts';

/*
 * The work-order vocabularies as plain values. The contracts hold the same lists next to zod
 * schemas; importing values from there would pull zod into these chunks. The `Record`s below are
 * exhaustive over the contracts' types, so a new status or type fails `tsc` until it is added.
 */
export const WORK_ORDER_TYPES = [
  'install',
  'repair',
  'maintenance',
  'consult',
  'complaint',
  'return',
] as const satisfies readonly WorkOrderType[];
export const WORK_ORDER_CHANNELS = [
  'hotline',
  'store',
  'web',
  'mini_program',
  'api',
  'email',
  'portal',
] as const;
export type Channel = (typeof WORK_ORDER_CHANNELS)[number];
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const satisfies readonly Urgency[];
export const SLA_STATES = [
  'on_track',
  'at_risk',
  'breached',
  'unknown',
] as const satisfies readonly SlaState[];
export const SLA_METRICS = [
  'first_contact',
  'response',
  'arrival',
  'resolution',
] as const satisfies readonly SlaMetric[];

export const STATUS_COLOR: Record<WorkOrderStatusName, string> = {
  new: 'blue',
  accepted: 'geekblue',
  remote_resolved: 'cyan',
  awaiting_dispatch: 'orange',
  dispatched_outlet: 'purple',
  outlet_accepted: 'purple',
  outlet_rejected: 'red',
  assigned: 'magenta',
  scheduled: 'magenta',
  departed: 'processing',
  arrived: 'processing',
  in_progress: 'processing',
  awaiting_parts: 'gold',
  completed: 'green',
  awaiting_callback: 'lime',
  closed: 'default',
  cancelled: 'default',
};
export const WORK_ORDER_STATUSES = Object.keys(STATUS_COLOR) as WorkOrderStatusName[];
// Status groups come from the transition table in contracts; mutable copies for list filters.
export const CLOSED_STATUSES: WorkOrderStatusName[] = [...CLOSED];
export const OPEN_STATUSES: WorkOrderStatusName[] = [...OPEN];

export const TYPE_COLOR: Record<WorkOrderType, string> = {
  install: 'blue',
  repair: 'volcano',
  maintenance: 'green',
  consult: 'cyan',
  complaint: 'red',
  return: 'purple',
};

export const URGENCY_COLOR: Record<Urgency, string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  critical: 'red',
};
export const SLA_COLOR: Record<SlaState, string> = {
  on_track: 'success',
  at_risk: 'warning',
  breached: 'error',
  unknown: 'processing',
};
