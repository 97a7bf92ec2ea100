import { AnalyticsPolicySchema, DEFAULT_ANALYTICS_POLICY, type AnalyticsPolicy } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const ANALYTICS_POLICY_KEY = 'analytics.policy';

export const ANALYTICS_SETTINGS = [
  defineSetting({
    key: ANALYTICS_POLICY_KEY,
    module: 'analytics',
    schema: AnalyticsPolicySchema,
    default: DEFAULT_ANALYTICS_POLICY,
    read: 'analytics:read',
    write: 'settings:manage',
    label: 'settings.keys.analytics.policy',
  }),
];

export async function analyticsPolicy(db: Db): Promise<AnalyticsPolicy> {
  const v = (await readSetting(db, ANALYTICS_POLICY_KEY, AnalyticsPolicySchema, DEFAULT_ANALYTICS_POLICY))
    .value;
  return { ...DEFAULT_ANALYTICS_POLICY, ...v };
}
