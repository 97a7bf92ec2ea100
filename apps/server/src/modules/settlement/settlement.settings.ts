import { FeeScheduleSchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_FEE_SCHEDULE, FEE_SCHEDULE_KEY } from './domain/schedule.ts';

export const SETTLEMENT_SETTINGS = [
  defineSetting({
    key: FEE_SCHEDULE_KEY,
    module: 'settlement',
    schema: FeeScheduleSchema,
    default: DEFAULT_FEE_SCHEDULE,
    read: 'settlement:read',
    write: 'settlement:manage',
    label: 'settings.keys.settlement.fee_schedule',
  }),
];
