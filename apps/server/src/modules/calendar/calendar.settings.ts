import { defineSetting } from '../../platform/settings/registry.ts';
import { PROVISIONAL_YEARS_KEY, ProvisionalYearsSchema } from './calendar.service.ts';

export const CALENDAR_SETTINGS = [
  defineSetting({
    key: PROVISIONAL_YEARS_KEY,
    module: 'calendar',
    schema: ProvisionalYearsSchema,
    default: [] as number[],
    read: 'calendar:read',
    write: 'calendar:manage',
    label: 'settings.keys.calendar.provisional_years',
  }),
];
