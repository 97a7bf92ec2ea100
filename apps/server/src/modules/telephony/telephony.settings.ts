import { DEFAULT_TELEPHONY_POLICY, TelephonyPolicySchema, type TelephonyPolicy } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const TELEPHONY_POLICY_KEY = 'telephony.policy';

export const TELEPHONY_SETTINGS = [
  defineSetting({
    key: TELEPHONY_POLICY_KEY,
    module: 'telephony',
    schema: TelephonyPolicySchema,
    default: DEFAULT_TELEPHONY_POLICY,
    // Holds the shared secret: only those who may change settings read it.
    read: 'settings:manage',
    write: 'settings:manage',
    label: 'settings.keys.telephony.policy',
  }),
];

export async function telephonyPolicy(db: Db): Promise<TelephonyPolicy> {
  return (await readSetting(db, TELEPHONY_POLICY_KEY, TelephonyPolicySchema, DEFAULT_TELEPHONY_POLICY)).value;
}
