import type { CUSTOMER_TIERS } from './customer-vocab.ts';

/**
 * Work orders (工单): the vocabularies, apart from the zod schemas in workorders.ts, so that a
 * page needing only a status list does not pull zod into its bundle (the phone's first load).
 */
export const WORK_ORDER_TYPES = [
  'install',
  'repair',
  'maintenance',
  'consult',
  'complaint',
  'return',
] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];

export const WORK_ORDER_STATUSES = [
  'new',
  'accepted',
  'remote_resolved',
  'awaiting_dispatch',
  'dispatched_outlet',
  'outlet_accepted',
  'outlet_rejected',
  'assigned',
  'scheduled',
  'departed',
  'arrived',
  'in_progress',
  'awaiting_parts',
  'completed',
  'awaiting_callback',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatusName = (typeof WORK_ORDER_STATUSES)[number];

export const WORK_ORDER_CHANNELS = [
  'hotline',
  'store',
  'web',
  'mini_program',
  'api',
  'email',
  'portal',
] as const;
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];
/** `unknown`: a clock that cannot be computed (no calendar data for the year: it fails closed). */
export const SLA_STATES = ['on_track', 'at_risk', 'breached', 'unknown'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const SLA_METRICS = ['first_contact', 'response', 'arrival', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const SLA_CLOCK_MODES = ['business_hours', 'working_days', 'calendar'] as const;
