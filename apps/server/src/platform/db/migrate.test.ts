import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createTestDb, ownTables, type TestDb } from '../../../test/harness.ts';
import { migrate, type Migration } from './migrate.ts';
import { migrations } from '../../migrations/index.ts';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.drop();
  t = undefined;
});

const tableNames = async (db: Kysely<any>): Promise<string[]> =>
  (await ownTables(db)).map((x) => x.name).sort();

describe('migrations', () => {
  it('apply once and are recorded, a second run applies nothing', async () => {
    t = await createTestDb({ migrate: false });
    const first = await migrate(t.db, t.dialect, migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const second = await migrate(t.db, t.dialect, migrations);
    expect(second.applied).toEqual([]);
  });

  it('a failing migration leaves the schema and the record unchanged', async () => {
    t = await createTestDb();
    const before = await tableNames(t.db);
    const failing: Migration = {
      name: '9999_failing',
      up: async (db) => {
        await db.schema
          .createTable('half_done')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .execute();
        await db.insertInto('half_done').values({ id: 'x' }).execute();
        await sql`select * from no_such_table`.execute(db);
      },
    };
    await expect(migrate(t.db, t.dialect, [...migrations, failing])).rejects.toThrow();
    expect(await tableNames(t.db)).toEqual(before);
    const rec = await t.db
      .selectFrom('anxin_migrations')
      .select('name')
      .where('name', '=', '9999_failing')
      .execute();
    expect(rec).toEqual([]);
  });

  it('refuses migrations listed out of order', async () => {
    t = await createTestDb({ migrate: false });
    const [a, b] = [migrations[0]!, { ...migrations[0]!, name: '0000_before' }];
    await expect(migrate(t.db, t.dialect, [a, b])).rejects.toThrow(/in order/);
  });
});
