import { expect } from 'vitest';

/**
 * Every row of a cursor list, walked a page of `limit` at a time until `nextCursor` is null:
 * each page at most `limit` rows, a bounded number of pages (a cursor that never ends fails).
 */
export async function walkPages<T = any>(
  client: { get(url: string): Promise<{ status: number; body: any }> },
  url: string,
  limit: number,
): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  const sep = url.includes('?') ? '&' : '?';
  do {
    const r = await client.get(
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.length).toBeLessThanOrEqual(limit);
    rows.push(...(r.body.items as T[]));
    cursor = r.body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  expect(cursor).toBeNull();
  return { rows, pages };
}
