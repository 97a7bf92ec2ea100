import { CampaignPolicySchema, DEFAULT_CAMPAIGN_POLICY, type CampaignPolicy } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const CAMPAIGN_POLICY_KEY = 'campaigns.policy';

export const CAMPAIGN_SETTINGS = [
  defineSetting({
    key: CAMPAIGN_POLICY_KEY,
    module: 'campaigns',
    schema: CampaignPolicySchema,
    default: DEFAULT_CAMPAIGN_POLICY,
    read: 'campaigns:read',
    write: 'campaigns:manage',
    label: 'settings.keys.campaigns.policy',
  }),
];

export async function campaignPolicy(db: Db): Promise<CampaignPolicy> {
  return (await readSetting(db, CAMPAIGN_POLICY_KEY, CampaignPolicySchema, DEFAULT_CAMPAIGN_POLICY)).value;
}
