import { CallbackPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { CALLBACK_POLICY_KEY, DEFAULT_CALLBACK_POLICY } from './domain/policy.ts';

export const CALLBACK_SETTINGS = [
  defineSetting({
    key: CALLBACK_POLICY_KEY,
    module: 'callbacks',
    schema: CallbackPolicySchema,
    default: DEFAULT_CALLBACK_POLICY,
    read: 'callback:read',
    write: 'settings:manage',
    label: 'settings.keys.callbacks.policy',
    // Calling a customer back every minute is harassment, not a retry.
    bounds: { retryAfterMinutes: { min: 10 }, repeatWindowDays: { min: 7 }, handoffGraceMinutes: { min: 5 } },
  }),
];
