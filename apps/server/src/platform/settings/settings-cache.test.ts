import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDb, type TestDb } from '../../../test/harness.ts';
import { withTransaction } from '../db/transaction.ts';
import { SYSTEM } from '../events/append.ts';
import { cacheSettings, invalidateSettings, readSetting, writeSetting } from './index.ts';

const KEY = 'test.cached';
const Schema = z.object({ n: z.number() });

describe('settings cache', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    cacheSettings(t.db, 0);
    await t.drop();
  });

  const put = (n: number) =>
    t.db
      .insertInto('settings')
      .values({
        key: KEY,
        value: JSON.stringify({ n }),
        version: 1,
        updated_at: '2026-01-01T00:00:00Z',
        updated_by: null,
      })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ n }) }))
      .execute();
  const read = async () => (await readSetting(t.db, KEY, Schema, { n: 0 })).value.n;

  it('reuses a read for the TTL, and a write through a transaction drops it at once', async () => {
    await put(1);
    cacheSettings(t.db, 60_000);
    expect(await read()).toBe(1);
    await put(2); // behind the cache's back: not seen within the TTL
    expect(await read()).toBe(1);
    invalidateSettings(KEY);
    expect(await read()).toBe(2);
    await withTransaction(t.db, t.dialect, ({ trx }) =>
      writeSetting(trx, KEY, Schema, { n: 3 }, 1, SYSTEM, new Date('2026-01-02T00:00:00Z')),
    );
    expect(await read()).toBe(3);
  });

  it('reads through every time when off, and expires after the TTL', async () => {
    cacheSettings(t.db, 0);
    await put(4);
    expect(await read()).toBe(4);
    cacheSettings(t.db, 20);
    expect(await read()).toBe(4);
    await put(5);
    await new Promise((r) => setTimeout(r, 40));
    expect(await read()).toBe(5);
  });
});
