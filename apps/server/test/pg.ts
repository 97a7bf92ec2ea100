import pg from 'pg';

export const TEST_PG_URL = process.env.ANXIN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const usePostgres = (): boolean => process.env.ANXIN_TEST_DB === 'postgres';

export async function pgReachable(url = TEST_PG_URL): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function withPgClient<T>(fn: (c: pg.Client) => Promise<T>, url = TEST_PG_URL): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
