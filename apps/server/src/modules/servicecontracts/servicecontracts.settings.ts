import {
  DEFAULT_SERVICE_CONTRACT_POLICY,
  ServiceContractPolicySchema,
  type ServiceContractPolicy,
} from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const SERVICE_CONTRACT_POLICY_KEY = 'servicecontracts.policy';

export const SERVICE_CONTRACT_SETTINGS = [
  defineSetting({
    key: SERVICE_CONTRACT_POLICY_KEY,
    module: 'servicecontracts',
    schema: ServiceContractPolicySchema,
    default: DEFAULT_SERVICE_CONTRACT_POLICY,
    read: 'servicecontract:read',
    write: 'servicecontract:manage',
    label: 'settings.keys.servicecontracts.policy',
  }),
];

export async function serviceContractPolicy(db: Db): Promise<ServiceContractPolicy> {
  return (
    await readSetting(
      db,
      SERVICE_CONTRACT_POLICY_KEY,
      ServiceContractPolicySchema,
      DEFAULT_SERVICE_CONTRACT_POLICY,
    )
  ).value;
}
