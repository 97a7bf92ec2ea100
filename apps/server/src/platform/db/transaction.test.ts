import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/harness.ts';
import { withTransaction } from './transaction.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const row = (key: string) => ({
  key,
  value: '1',
  version: 1,
  updated_at: '2026-01-01T00:00:00.000Z',
  updated_by: null,
});
const count = async (key: string) =>
  (await t.db.selectFrom('settings').select('key').where('key', '=', key).execute()).length;

describe('withTransaction', () => {
  it('retries the whole transaction on a busy/serialization error; the failed attempt leaves nothing', async () => {
    let attempts = 0;
    const hooks: number[] = [];
    await withTransaction(t.db, t.dialect, async (tx) => {
      attempts++;
      await tx.trx
        .insertInto('settings')
        .values(row(`retry-${attempts}`))
        .execute();
      tx.afterCommit(() => void hooks.push(attempts));
      if (attempts === 1)
        throw Object.assign(new Error('database is locked'), {
          code: t.dialect === 'sqlite' ? 'SQLITE_BUSY' : '40001',
        });
    });
    expect(attempts).toBe(2);
    expect(await count('retry-1')).toBe(0);
    expect(await count('retry-2')).toBe(1);
    expect(hooks).toEqual([2]);
  });

  it('does not retry other errors and runs no after-commit hook on rollback', async () => {
    let attempts = 0;
    let hookRan = false;
    await expect(
      withTransaction(t.db, t.dialect, async (tx) => {
        attempts++;
        await tx.trx.insertInto('settings').values(row('boom')).execute();
        tx.afterCommit(() => void (hookRan = true));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(attempts).toBe(1);
    expect(hookRan).toBe(false);
    expect(await count('boom')).toBe(0);
  });

  it('enforces foreign keys on SQLite as on PostgreSQL', async () => {
    await expect(
      t.db.insertInto('user_roles').values({ user_id: 'no-such-user', role: 'admin' }).execute(),
    ).rejects.toThrow();
  });
});
