import { DEFAULT_RECALL_POLICY, RecallPolicySchema, type RecallPolicy } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const RECALL_POLICY_KEY = 'recalls.policy';

export const RECALL_SETTINGS = [
  defineSetting({
    key: RECALL_POLICY_KEY,
    module: 'recalls',
    schema: RecallPolicySchema,
    default: DEFAULT_RECALL_POLICY,
    read: 'recalls:read',
    write: 'recalls:manage',
    label: 'settings.keys.recalls.policy',
  }),
];

export async function recallPolicy(db: Db): Promise<RecallPolicy> {
  return (await readSetting(db, RECALL_POLICY_KEY, RecallPolicySchema, DEFAULT_RECALL_POLICY)).value;
}
