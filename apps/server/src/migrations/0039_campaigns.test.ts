import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough, permissionsOf } from '../../test/migration-steps.ts';

describe('0039 campaigns', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0039', ['admin', 'agent', 'quality', 'manager', 'technician']);
  });
  afterAll(() => t.drop());

  it('creates the tables, one target per campaign and customer, and grants the roles', async () => {
    await migrateThrough(t, '0039_campaigns');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    for (const name of ['campaigns', 'campaign_targets', 'campaign_attempts', 'campaign_opt_outs'])
      expect(tables).toContain(name);
    const at = '2026-06-20T04:00:00.000Z';
    await t.db
      .insertInto('campaigns')
      .values({
        id: 'c1',
        name: '售后大回访',
        purpose: 'quarterly_review',
        script: '',
        questions: '[]',
        filters: '{}',
        status: 'draft',
        built_at: null,
        created_by: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    const target = {
      id: 't1',
      campaign_id: 'c1',
      customer_id: 'cust1',
      product_id: null,
      status: 'pending' as const,
      attempts: 0,
      next_attempt_at: at,
      claimed_by: null,
      claimed_at: null,
      completed: 0,
      created_at: at,
      updated_at: at,
    };
    await t.db.insertInto('campaign_targets').values(target).execute();
    await expect(
      t.db
        .insertInto('campaign_targets')
        .values({ ...target, id: 't2' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto('campaign_targets')
        .values({ ...target, id: 't3', customer_id: 'cust2', status: 'lost' as never })
        .execute(),
    ).rejects.toThrow();
    expect(await permissionsOf(t, 'agent', 'campaigns:')).toEqual(['campaigns:call', 'campaigns:read']);
    expect(await permissionsOf(t, 'quality', 'campaigns:')).toEqual([
      'campaigns:call',
      'campaigns:manage',
      'campaigns:read',
    ]);
    expect(await permissionsOf(t, 'manager', 'campaigns:')).toEqual(['campaigns:manage', 'campaigns:read']);
    expect(await permissionsOf(t, 'technician', 'campaigns:')).toEqual([]);
  });
});
