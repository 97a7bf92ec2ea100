import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../test/factories/catalog.ts';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { seedWarrantyPolicies } from './warranty.ts';

// The warranty seed on its own: only categories that exist get a policy, and a second run adds none.
describe('warranty demo seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await makeCatalog(t, 'fridge');
    await makeCatalog(t, 'furniture');
  });
  afterAll(() => t?.drop());

  it('publishes the 三包, online and furniture policies of the present categories once', async () => {
    const h = { db: t.db, dialect: t.dialect };
    expect(await seedWarrantyPolicies(h, new Date('2026-11-22T06:30:00Z'))).toBe(3);
    expect(await seedWarrantyPolicies(h, new Date('2026-11-22T06:30:00Z'))).toBe(0);
    const rows = await t.db
      .selectFrom('warranty_policies')
      .select(['policy_key', 'kind', 'status', 'version', 'params'])
      .orderBy('policy_key')
      .execute();
    expect(rows.map((r) => [r.policy_key, r.kind, r.status, r.version])).toEqual([
      ['fridge', 'sanbao_1995', 'published', 1],
      ['fridge@online', 'online_7day', 'published', 1],
      ['furniture', 'furniture', 'published', 1],
    ]);
    expect(JSON.parse(rows[0]!.params)).toMatchObject({
      unitWarrantyMonths: 12,
      mainPartsWarrantyMonths: 36,
      dailyRatePermille: 1,
      performanceFaultCodes: ['RF-F01', 'RF-F04'],
    });
  });
});
