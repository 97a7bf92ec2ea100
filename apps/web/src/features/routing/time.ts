import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Plans are made in business time (Beijing), whatever the browser's own zone is. */
export const BUSINESS_TZ = 'Asia/Shanghai';
export const bj = (iso: string): Dayjs => dayjs(iso).tz(BUSINESS_TZ);
export const hhmm = (iso: string): string => bj(iso).format('HH:mm');
