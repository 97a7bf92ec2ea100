import { defineSetting } from '../../platform/settings/registry.ts';
import { VisitSlotsSchema } from '@anxin/contracts';
import {
  DEFAULT_VISIT_SLOTS,
  DEFAULT_WORKORDER_POLICY,
  VISIT_SLOTS_KEY,
  WORKORDER_POLICY_KEY,
  WorkOrderPolicySchema,
} from './domain/settings.ts';

export const WORKORDER_SETTINGS = [
  defineSetting({
    key: WORKORDER_POLICY_KEY,
    module: 'workorders',
    schema: WorkOrderPolicySchema,
    default: DEFAULT_WORKORDER_POLICY,
    read: 'workorder:read',
    write: 'settings:manage',
    label: 'settings.keys.workorders.policy',
    bounds: { exportMaxRows: { max: 500_000 } },
  }),
  defineSetting({
    key: VISIT_SLOTS_KEY,
    module: 'workorders',
    schema: VisitSlotsSchema,
    default: DEFAULT_VISIT_SLOTS,
    read: 'workorder:read',
    write: 'settings:manage',
    label: 'settings.keys.workorders.visit_slots',
  }),
];
