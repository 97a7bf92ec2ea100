import { fieldError } from './errors.ts';

/** A keyset position: the last row's sort values and its id (the tie-breaker). */
export interface KeysetPos {
  keys: (string | number)[];
  id: string;
}

/** An opaque list cursor: the sort it belongs to and the last row's sort values and id. */
export const encodeCursor = (sort: string, pos: KeysetPos): string =>
  Buffer.from(JSON.stringify({ s: sort, k: pos.keys, i: pos.id })).toString('base64url');

/**
 * The position a cursor holds, or undefined without one. A cursor of another sort, or one that is
 * not ours, is a 400 on `cursor` (the client starts again without it).
 */
export function decodeCursor(raw: string | undefined, sort: string, arity: number): KeysetPos | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    const keys = c.k;
    if (
      c.s === sort &&
      typeof c.i === 'string' &&
      Array.isArray(keys) &&
      keys.length === arity &&
      keys.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)))
    )
      return { keys: keys as (string | number)[], id: c.i };
  } catch {
    /* reported below */
  }
  throw fieldError('cursor', 'invalid', 'The cursor is not valid for this sort; start again without it');
}

/**
 * One page from `limit + 1` rows: the first `limit` and, when there were more, the cursor after the
 * last of them.
 */
export function pageFrom<T>(
  rows: T[],
  limit: number,
  sort: string,
  posOf: (last: T) => KeysetPos,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(sort, posOf(last)) : null };
}

/**
 * One page of a list whose data scope is known only after the read (a label another module
 * holds): raw rows are read in batches after `after` and `view` maps each to its shown row or
 * null (hidden), until `limit` shown rows and one more, the end, or `maxBatches` reads. The cursor
 * is the last raw row passed over, so hidden rows are never read twice and a page is never cut
 * silently: a short page still says there is more.
 */
export async function scannedPage<T, U>(o: {
  sort: string;
  after: KeysetPos | undefined;
  limit: number;
  read: (after: KeysetPos | undefined, n: number) => Promise<T[]>;
  view: (rows: T[]) => Promise<(U | null)[]>;
  posOf: (row: T) => KeysetPos;
  maxBatches?: number;
}): Promise<{ page: U[]; nextCursor: string | null }> {
  const page: U[] = [];
  const batch = o.limit + 1;
  let after = o.after;
  for (let i = 0; i < (o.maxBatches ?? 20); i++) {
    const rows = await o.read(after, batch);
    const shown = await o.view(rows);
    for (let j = 0; j < rows.length; j++) {
      const s = shown[j];
      if (s != null && page.length === o.limit) return { page, nextCursor: encodeCursor(o.sort, after!) };
      if (s != null) page.push(s);
      after = o.posOf(rows[j]!);
    }
    if (rows.length < batch) return { page, nextCursor: null };
  }
  return { page, nextCursor: after ? encodeCursor(o.sort, after) : null };
}
