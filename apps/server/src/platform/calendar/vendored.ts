import raw from './data/holiday-cn.json' with { type: 'json' };
import type { HolidayData } from './holiday-data.ts';

/** The holiday-cn snapshot shipped with this release (see data/README.md to refresh it). */
export const HOLIDAY_CN: HolidayData = raw;
