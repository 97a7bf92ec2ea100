import { BrandInboxPolicySchema, DEFAULT_BRAND_INBOX_POLICY, type BrandInboxPolicy } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const BRAND_INBOX_POLICY_KEY = 'brandinbox.policy';

export const BRAND_INBOX_SETTINGS = [
  defineSetting({
    key: BRAND_INBOX_POLICY_KEY,
    module: 'brandinbox',
    schema: BrandInboxPolicySchema,
    default: DEFAULT_BRAND_INBOX_POLICY,
    read: 'brandinbox:read',
    write: 'settings:manage',
    label: 'settings.keys.brandinbox.policy',
  }),
];

export async function brandInboxPolicy(db: Db): Promise<BrandInboxPolicy> {
  return (await readSetting(db, BRAND_INBOX_POLICY_KEY, BrandInboxPolicySchema, DEFAULT_BRAND_INBOX_POLICY))
    .value;
}
