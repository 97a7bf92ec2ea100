import { CommunityPolicySchema, DEFAULT_COMMUNITY_POLICY, type CommunityPolicy } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const COMMUNITY_POLICY_KEY = 'community.policy';

export const COMMUNITY_SETTINGS = [
  defineSetting({
    key: COMMUNITY_POLICY_KEY,
    module: 'community',
    schema: CommunityPolicySchema,
    default: DEFAULT_COMMUNITY_POLICY,
    read: 'community:read',
    write: 'community:manage',
    label: 'settings.keys.community.policy',
  }),
];

export async function communityPolicy(db: Db): Promise<CommunityPolicy> {
  return (await readSetting(db, COMMUNITY_POLICY_KEY, CommunityPolicySchema, DEFAULT_COMMUNITY_POLICY)).value;
}
