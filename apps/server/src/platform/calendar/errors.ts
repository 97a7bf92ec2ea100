import type { ErrorCode } from '@anxin/contracts';

/**
 * A computation touched a year whose State Council schedule is not in the data. We fail closed
 * rather than guess weekends: a wrong SLA deadline is worse than a visible error an admin can fix
 * by loading the year's data. The HTTP layer maps `code` to 422.
 */
export class CalendarNoDataError extends Error {
  readonly code = 'calendar.no_data_for_year' satisfies ErrorCode;
  readonly year: number;

  constructor(year: number) {
    super(
      `no holiday data for ${year}: load the State Council schedule for ${year} or add it as provisional`,
    );
    this.name = 'CalendarNoDataError';
    this.year = year;
  }
}

/** Invalid calendar configuration (business hours, overrides, data): a programming or admin input error. */
export class CalendarConfigError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarConfigError';
  }
}
