import { z } from 'zod';
import type { VisitSlots } from '@anxin/contracts';

/** Business settings of the work-order module (key `workorders.policy`), editable as data. */
export const WORKORDER_POLICY_KEY = 'workorders.policy';
export const WorkOrderPolicySchema = z.strictObject({
  /** A closed order may be reopened this many days after closing. */
  reopenWindowDays: z.number().int().min(0).max(365),
  /** Upper bound of one Excel export (rows), so an export cannot take the database down. */
  exportMaxRows: z.number().int().min(1).max(1_000_000),
});
export type WorkOrderPolicy = z.infer<typeof WorkOrderPolicySchema>;
export const DEFAULT_WORKORDER_POLICY: WorkOrderPolicy = { reopenWindowDays: 30, exportMaxRows: 100_000 };

/**
 * Business setting `workorders.visit_slots`: the arrival windows every channel offers. The
 * afternoon ends at 17:00 so that it fits the common 08:30–17:30 technician shift (the assignment
 * rules refuse a window outside working time).
 */
export const VISIT_SLOTS_KEY = 'workorders.visit_slots';
export const DEFAULT_VISIT_SLOTS: VisitSlots = {
  slots: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
    { start: '18:00', end: '21:00' },
  ],
};
