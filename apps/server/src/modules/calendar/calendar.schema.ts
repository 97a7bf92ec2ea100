import type { CalendarTables } from '../../platform/calendar/calendar.schema.ts';

/**
 * The tenant calendar's rows: the table types live beside the platform calendar that reads them
 * (platform/calendar/from-rows.ts builds a calendar from rows handed to it), but only this module
 * queries and edits them (checked by test/ownership/table-ownership.test.ts).
 */
export const OWNED_TABLES = [
  'calendar_overrides',
  'business_hours',
] as const satisfies readonly (keyof CalendarTables)[];
