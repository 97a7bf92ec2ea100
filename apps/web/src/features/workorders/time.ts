import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The business time zone: appointments, SLA deadlines and slots are agreed in Beijing time. */
export const BUSINESS_TZ = 'Asia/Shanghai';

/** An instant as Beijing wall-clock time, whatever the browser's own zone is. */
export const bj = (iso: string): Dayjs => dayjs(iso).tz(BUSINESS_TZ);
