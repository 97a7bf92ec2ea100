import {
  DEFAULT_MAINTENANCE_POLICY,
  MaintenancePolicySchema,
  type MaintenancePolicy,
} from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const MAINTENANCE_POLICY_KEY = 'maintenance.policy';

export const MAINTENANCE_SETTINGS = [
  defineSetting({
    key: MAINTENANCE_POLICY_KEY,
    module: 'maintenance',
    schema: MaintenancePolicySchema,
    default: DEFAULT_MAINTENANCE_POLICY,
    read: 'maintenance:read',
    write: 'maintenance:manage',
    label: 'settings.keys.maintenance.policy',
  }),
];

export async function maintenancePolicy(db: Db): Promise<MaintenancePolicy> {
  return (await readSetting(db, MAINTENANCE_POLICY_KEY, MaintenancePolicySchema, DEFAULT_MAINTENANCE_POLICY))
    .value;
}
