import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export { toFen, yuan } from '../../../components/money.ts';

/** An instant in Beijing time, as every page shows it. */
export const bjTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm') : '—';
