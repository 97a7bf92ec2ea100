import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, ownTables, type TestDb } from '../../test/harness.ts';
import { migrate } from '../platform/db/migrate.ts';
import { migrations } from './index.ts';

describe('0020 customer erasure', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ migrate: false });
    const before = migrations.filter((m) => m.name < '0020');
    await migrate(t.db, t.dialect, before);
    await sql`insert into roles (name, description, default_scope) values ('admin', '', 'all')`.execute(t.db);
  });
  afterAll(() => t.drop());

  it('adds customers.erased_at and grants customer:privacy to an existing admin role', async () => {
    await migrate(
      t.db,
      t.dialect,
      migrations.filter((m) => m.name <= '0020_customer_erasure'),
    );
    const perms = await t.db
      .selectFrom('role_permissions')
      .select('permission')
      .where('role', '=', 'admin')
      .execute();
    expect(perms.map((p) => p.permission)).toEqual(['customer:privacy']);
    const cols = (await ownTables(t.db)).find((x) => x.name === 'customers')!.columns;
    expect(cols.map((c) => c.name)).toContain('erased_at');
  });
});
