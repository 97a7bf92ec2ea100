import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Fen → yuan text with two decimals, from integers only (1234567 → "12,345.67"). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan typed in a form → integer fen (rounded to the fen, never a float on the wire). */
export const toFen = (yuanValue: number): number => Math.round(yuanValue * 100);

/** An instant in Beijing time, as every page shows it. */
export const bjTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm') : '—';
