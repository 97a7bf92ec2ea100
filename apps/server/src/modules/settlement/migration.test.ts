import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/harness.ts';
import { migrations } from '../../migrations/index.ts';
import { migrate } from '../../platform/db/migrate.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(async () => t?.drop());

describe('0016_settlement', () => {
  it('grants the new settlement and appeal permissions to the roles of an existing installation', async () => {
    const before = migrations.filter((m) => m.name < '0016');
    await migrate(t.db, t.dialect, before);
    // An installation whose roles were seeded before issue #7 (and edited: finance lost nothing).
    await t.db
      .insertInto('roles')
      .values(
        ['admin', 'outlet_manager', 'technician', 'finance', 'warehouse'].map((name) => ({
          name,
          description: '',
          default_scope: 'all',
        })),
      )
      .execute();
    await t.db
      .insertInto('role_permissions')
      .values({ role: 'finance', permission: 'appeal:read' })
      .execute();
    await migrate(t.db, t.dialect, migrations);
    const rows = await t.db
      .selectFrom('role_permissions')
      .select(['role', 'permission'])
      .where((eb) =>
        eb.or([eb('permission', 'like', 'appeal:%'), eb('permission', '=', 'settlement:respond')]),
      )
      .orderBy('role')
      .orderBy('permission')
      .execute();
    expect(rows.map((r) => `${r.role} ${r.permission}`)).toEqual([
      'admin appeal:create',
      'admin appeal:decide',
      'admin appeal:read',
      'admin settlement:respond',
      'finance appeal:decide',
      'finance appeal:read',
      'outlet_manager appeal:create',
      'outlet_manager appeal:read',
      'outlet_manager settlement:respond',
      'technician appeal:create',
      'technician appeal:read',
    ]);
  });
});
