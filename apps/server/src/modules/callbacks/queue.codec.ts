import type { CallbackQueueSort } from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import type { QueueKey } from './callbacks.repository.ts';

/** Opaque to clients: the sort it belongs to and the last row's key and id. */
export const encodeQueueCursor = (s: CallbackQueueSort, k: QueueKey): string =>
  Buffer.from(JSON.stringify({ s, k: k.k, i: k.i })).toString('base64url');

export function decodeQueueCursor(raw: string | undefined, sort: CallbackQueueSort): QueueKey | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {
      s?: unknown;
      k?: unknown;
      i?: unknown;
    };
    if (c.s === sort && typeof c.i === 'string' && (typeof c.k === 'string' || c.k === null))
      return { k: c.k, i: c.i };
  } catch {
    /* reported below */
  }
  throw fieldError('cursor', 'invalid', 'The cursor is not valid for this sort; start again without it');
}
