import { DEFAULT_TRAINING_POLICY, TrainingPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { TRAINING_POLICY_KEY } from './context.ts';

export const TRAINING_SETTINGS = [
  defineSetting({
    key: TRAINING_POLICY_KEY,
    module: 'training',
    schema: TrainingPolicySchema,
    default: DEFAULT_TRAINING_POLICY,
    read: 'training:read',
    write: 'settings:manage',
    label: 'settings.keys.training.policy',
  }),
];
