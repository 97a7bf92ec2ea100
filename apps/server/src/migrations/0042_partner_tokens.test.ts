import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0042 partner tokens', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0042', ['admin', 'outlet_manager', 'technician', 'agent']);
  });
  afterAll(() => t.drop());

  it('lets outlet managers make API tokens, and no one else newly', async () => {
    const holders = async () =>
      (
        await t.db
          .selectFrom('role_permissions')
          .select('role')
          .where('permission', '=', 'token:manage')
          .orderBy('role')
          .execute()
      ).map((r) => r.role);
    expect(await holders()).not.toContain('outlet_manager');
    await migrateThrough(t, '0042_partner_tokens');
    expect(await holders()).toEqual(['outlet_manager']);
    // Running again changes nothing.
    await migrateThrough(t, '0042_partner_tokens');
    expect(await holders()).toEqual(['outlet_manager']);
  });
});
