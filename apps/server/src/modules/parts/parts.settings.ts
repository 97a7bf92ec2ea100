import { DEFAULT_PARTS_POLICY, PartsPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { PARTS_POLICY_KEY } from './context.ts';

export const PARTS_SETTINGS = [
  defineSetting({
    key: PARTS_POLICY_KEY,
    module: 'parts',
    schema: PartsPolicySchema,
    default: DEFAULT_PARTS_POLICY,
    read: 'parts:read',
    write: 'settings:manage',
    label: 'settings.keys.parts.policy',
  }),
];
