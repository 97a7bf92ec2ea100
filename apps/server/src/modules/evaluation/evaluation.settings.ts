import { KpiTargetsSchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_KPI_TARGETS, KPI_TARGETS_KEY } from './domain/defaults.ts';

export const EVALUATION_SETTINGS = [
  defineSetting({
    key: KPI_TARGETS_KEY,
    module: 'evaluation',
    schema: KpiTargetsSchema,
    default: DEFAULT_KPI_TARGETS,
    read: 'report:read',
    write: 'settings:manage',
    label: 'settings.keys.evaluation.kpi_targets',
  }),
];
