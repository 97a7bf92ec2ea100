import type { DeliverySort } from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import type { BookingKey } from './delivery.repository.ts';

/** Opaque to clients: the sort it belongs to and the last row's day and id. */
export const encodeBookingCursor = (s: DeliverySort, k: BookingKey): string =>
  Buffer.from(JSON.stringify({ s, d: k.date, i: k.id })).toString('base64url');

export function decodeBookingCursor(raw: string | undefined, sort: DeliverySort): BookingKey | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (c.s === sort && typeof c.d === 'string' && typeof c.i === 'string') return { date: c.d, id: c.i };
  } catch {
    /* reported below */
  }
  throw fieldError('cursor', 'invalid', 'The cursor is not valid for this sort; start again without it');
}
