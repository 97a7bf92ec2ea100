import type { RmaSort } from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import type { RmaKey } from './rma.repository.ts';

/** Opaque to clients: the sort it belongs to and the last row's request day and id. */
export const encodeRmaCursor = (s: RmaSort, k: RmaKey): string =>
  Buffer.from(JSON.stringify({ s, d: k.on, i: k.id })).toString('base64url');

export function decodeRmaCursor(raw: string | undefined, sort: RmaSort): RmaKey | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (c.s === sort && typeof c.d === 'string' && typeof c.i === 'string') return { on: c.d, id: c.i };
  } catch {
    /* reported below */
  }
  throw fieldError('cursor', 'invalid', 'The cursor is not valid for this sort; start again without it');
}
