import { DEFAULT_REPORTSUBS_POLICY, ReportSubsPolicySchema, type ReportSubsPolicy } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const REPORTSUBS_POLICY_KEY = 'reportsubs.policy';

export const REPORTSUBS_SETTINGS = [
  defineSetting({
    key: REPORTSUBS_POLICY_KEY,
    module: 'reportsubs',
    schema: ReportSubsPolicySchema,
    default: DEFAULT_REPORTSUBS_POLICY,
    read: 'reports:subscribe',
    write: 'settings:manage',
    label: 'settings.keys.reportsubs.policy',
  }),
];

export async function reportSubsPolicy(db: Db): Promise<ReportSubsPolicy> {
  return (await readSetting(db, REPORTSUBS_POLICY_KEY, ReportSubsPolicySchema, DEFAULT_REPORTSUBS_POLICY))
    .value;
}
