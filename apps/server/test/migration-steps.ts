import { sql } from 'kysely';
import { migrate } from '../src/platform/db/migrate.ts';
import { migrations } from '../src/migrations/index.ts';
import { createTestDb, type TestDb } from './harness.ts';

/**
 * A database as it stood before migration `prefix` (e.g. '0023'), with the given roles already
 * there: the state a running installation upgrades from, so grants to existing roles are tested.
 */
export async function databaseBefore(prefix: string, roles: readonly string[]): Promise<TestDb> {
  const t = await createTestDb({ migrate: false });
  await migrate(
    t.db,
    t.dialect,
    migrations.filter((m) => m.name < prefix),
  );
  for (const role of roles)
    await sql`insert into roles (name, description, default_scope) values (${role}, '', 'all')
      on conflict do nothing`.execute(t.db);
  return t;
}

/** Runs every migration up to and including `name` (e.g. '0023_rma'). */
export const migrateThrough = (t: TestDb, name: string): Promise<unknown> =>
  migrate(
    t.db,
    t.dialect,
    migrations.filter((m) => m.name <= name),
  );

/** The permissions a role holds, sorted; only those starting with one of `prefixes` when given. */
export async function permissionsOf(t: TestDb, role: string, ...prefixes: string[]): Promise<string[]> {
  const rows = await t.db
    .selectFrom('role_permissions')
    .select('permission')
    .where('role', '=', role)
    .execute();
  return rows
    .map((p) => p.permission)
    .filter((p) => !prefixes.length || prefixes.some((x) => p.startsWith(x)))
    .sort();
}
