import { CardsPolicySchema, DEFAULT_CARDS_POLICY } from '@anxin/contracts';
import { CARDS_POLICY_KEY } from './context.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const CARDS_SETTINGS = [
  defineSetting({
    key: CARDS_POLICY_KEY,
    module: 'cards',
    schema: CardsPolicySchema,
    default: DEFAULT_CARDS_POLICY,
    read: 'product:read',
    write: 'settings:manage',
    label: 'settings.keys.cards.policy',
  }),
];
