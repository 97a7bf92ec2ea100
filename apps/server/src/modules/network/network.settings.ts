import {
  CertificationSettingsSchema,
  CoverageTargetsSchema,
  DEFAULT_NETWORK_IMPORT_POLICY,
  NetworkImportPolicySchema,
} from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import {
  CERTIFICATION_SETTINGS_KEY,
  COVERAGE_TARGETS_KEY,
  DEFAULT_CERTIFICATION_SETTINGS,
  DEFAULT_COVERAGE_TARGETS,
  NETWORK_IMPORT_KEY,
} from './network.deps.ts';

export const NETWORK_SETTINGS = [
  defineSetting({
    key: COVERAGE_TARGETS_KEY,
    module: 'network',
    schema: CoverageTargetsSchema,
    default: DEFAULT_COVERAGE_TARGETS,
    read: 'outlet:read',
    write: 'outlet:manage',
    label: 'settings.keys.network.coverage_targets',
  }),
  defineSetting({
    key: CERTIFICATION_SETTINGS_KEY,
    module: 'network',
    schema: CertificationSettingsSchema,
    default: DEFAULT_CERTIFICATION_SETTINGS,
    read: 'technician:read',
    write: 'outlet:manage',
    label: 'settings.keys.network.certifications',
  }),
  defineSetting({
    key: NETWORK_IMPORT_KEY,
    module: 'network',
    schema: NetworkImportPolicySchema,
    default: DEFAULT_NETWORK_IMPORT_POLICY,
    read: 'outlet:read',
    write: 'settings:manage',
    label: 'settings.keys.network.import',
  }),
];
