import { createTestDb, type TestDb } from '../harness.ts';
import { TEST_PG_URL } from '../pg.ts';
import { openPostgres } from '../../src/platform/db/dialect/postgres.ts';
import { openSqlite } from '../../src/platform/db/dialect/sqlite.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import type { DbHandle } from '../../src/platform/db/types.ts';
import { createLogger } from '../../src/platform/logging/index.ts';
import { migrations } from '../../src/migrations/index.ts';
import * as m0003 from '../../src/migrations/0003_jobs_outbox.ts';

/** Test support for the jobs, outbox and notify suites. */

export const silentLogger = createLogger('silent');

/** A fresh test database including 0003, whether or not the lead has registered it yet. */
export async function createJobsTestDb(): Promise<TestDb> {
  const t = await createTestDb({ migrate: false });
  const list = migrations.some((m) => m.name === '0003_jobs_outbox')
    ? migrations
    : [...migrations, { name: '0003_jobs_outbox', up: m0003.up }].sort((a, b) =>
        a.name.localeCompare(b.name),
      );
  await migrate(t.db, t.dialect, list);
  return t;
}

/** A second connection to the same database: what another node or process would hold. */
export function openSecondHandle(t: TestDb): DbHandle {
  return t.dialect === 'postgres'
    ? openPostgres({ connectionString: TEST_PG_URL, schema: t.location, max: 2 })
    : openSqlite(t.location);
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
  stepMs = 50,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
