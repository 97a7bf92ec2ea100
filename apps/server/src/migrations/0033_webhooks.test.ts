import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTables, type TestDb } from '../../test/harness.ts';
import { databaseBefore, migrateThrough } from '../../test/migration-steps.ts';

describe('0033 webhooks', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await databaseBefore('0033', ['admin']);
  });
  afterAll(() => t.drop());

  it('creates the endpoint and delivery tables; statuses are CHECK-constrained', async () => {
    await migrateThrough(t, '0033_webhooks');
    const tables = new Set((await ownTables(t.db)).map((x) => x.name));
    expect(tables).toContain('webhook_endpoints');
    expect(tables).toContain('webhook_deliveries');
    const at = '2026-06-15T04:00:00.000Z';
    const endpoint = {
      id: 'e1',
      url: 'https://hooks.example.com/x',
      description: '',
      event_types: '["customer.created"]',
      secret: 'whsec_x',
      status: 'active' as const,
      consecutive_failures: 0,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await t.db.insertInto('webhook_endpoints').values(endpoint).execute();
    await expect(
      t.db
        .insertInto('webhook_endpoints')
        .values({ ...endpoint, id: 'e2', status: 'broken' as never })
        .execute(),
    ).rejects.toThrow();
    const delivery = {
      id: 'd1',
      endpoint_id: 'e1',
      event_id: 'ev1',
      event_type: 'customer.created',
      status: 'pending' as const,
      attempts: 0,
      created_at: at,
      updated_at: at,
    };
    await t.db.insertInto('webhook_deliveries').values(delivery).execute();
    // One delivery per (endpoint, event).
    await expect(
      t.db
        .insertInto('webhook_deliveries')
        .values({ ...delivery, id: 'd2' })
        .execute(),
    ).rejects.toThrow();
  });
});
