import { DEFAULT_KNOWLEDGE_POLICY, KnowledgePolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const KNOWLEDGE_POLICY_KEY = 'knowledge.policy';

export const KNOWLEDGE_SETTINGS = [
  defineSetting({
    key: KNOWLEDGE_POLICY_KEY,
    module: 'knowledge',
    schema: KnowledgePolicySchema,
    default: DEFAULT_KNOWLEDGE_POLICY,
    read: 'knowledge:read',
    write: 'settings:manage',
    label: 'settings.keys.knowledge.policy',
  }),
];
