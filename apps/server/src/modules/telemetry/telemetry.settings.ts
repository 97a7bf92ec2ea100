import { DEFAULT_TELEMETRY_POLICY, TelemetryPolicySchema, type TelemetryPolicy } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const TELEMETRY_POLICY_KEY = 'telemetry.policy';

export const TELEMETRY_SETTINGS = [
  defineSetting({
    key: TELEMETRY_POLICY_KEY,
    module: 'telemetry',
    schema: TelemetryPolicySchema,
    default: DEFAULT_TELEMETRY_POLICY,
    read: 'telemetry:read',
    write: 'telemetry:manage',
    label: 'settings.keys.telemetry.policy',
  }),
];

export async function telemetryPolicy(db: Db): Promise<TelemetryPolicy> {
  return (await readSetting(db, TELEMETRY_POLICY_KEY, TelemetryPolicySchema, DEFAULT_TELEMETRY_POLICY)).value;
}
