import { SlaPolicySetSchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_SLA_POLICIES } from './domain/defaults.ts';
import { SLA_POLICIES_KEY } from './sla.service.ts';

export const SLA_SETTINGS = [
  defineSetting({
    key: SLA_POLICIES_KEY,
    module: 'sla',
    schema: SlaPolicySetSchema,
    default: DEFAULT_SLA_POLICIES,
    read: 'sla:read',
    write: 'sla:manage',
    label: 'settings.keys.sla.policies',
  }),
];
