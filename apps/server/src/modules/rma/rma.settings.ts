import { DEFAULT_RMA_POLICY, RmaPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { RMA_POLICY_KEY } from './context.ts';

export const RMA_SETTINGS = [
  defineSetting({
    key: RMA_POLICY_KEY,
    module: 'rma',
    schema: RmaPolicySchema,
    default: DEFAULT_RMA_POLICY,
    read: 'rma:read',
    write: 'settings:manage',
    label: 'settings.keys.rma.policy',
  }),
];
