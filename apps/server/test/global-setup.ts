import { pgReachable, usePostgres, TEST_PG_URL } from './pg.ts';

/** The PostgreSQL suite must never pass by silently skipping: no server means a failed run. */
export default async function setup(): Promise<void> {
  if (!usePostgres()) return;
  if (!(await pgReachable())) {
    throw new Error(`ANXIN_TEST_DB=postgres but PostgreSQL is not reachable at ${TEST_PG_URL}`);
  }
}
