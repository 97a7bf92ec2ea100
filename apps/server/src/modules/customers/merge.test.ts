import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids/index.ts';
import {
  address,
  startTestApp,
  seedCatalog,
  type Client,
  type TestApp,
} from '../../../test/factories/customers.ts';

let t: TestApp;
let agent: Client;
let dispatcher: Client;
let modelId: string;

beforeAll(async () => {
  t = await startTestApp(['admin', 'agent', 'dispatcher']);
  agent = await t.as('agent');
  dispatcher = await t.as('dispatcher');
  ({ modelId } = await seedCatalog(await t.as('admin')));
});
afterAll(async () => t?.close());

const create = async (name: string, phones: string[], addresses: unknown[] = []) =>
  (
    await agent.send('POST', '/api/v1/customers', {
      name,
      phones: phones.map((phone) => ({ phone })),
      addresses,
    })
  ).body.customer;

/** A bare work order row: the work-orders module is not here yet, only its table. */
async function insertOrder(customerId: string): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.db.db
    .insertInto('work_orders')
    .values({
      id,
      number: `WX-${id.slice(-8)}`,
      type: 'repair',
      status: 'new',
      channel: 'hotline',
      customer_id: customerId,
      product_id: null,
      category_code: null,
      fault_description: '',
      fault_code_id: null,
      symptom_codes: '[]',
      urgency: 'normal',
      customer_tier: 'standard',
      contact_name: 'x',
      contact_phone: '13800000000',
      province_code: null,
      city_code: null,
      district_code: null,
      address: null,
      lat: null,
      lng: null,
      preferred_windows: '[]',
      appointment_start: null,
      appointment_end: null,
      outlet_id: null,
      technician_id: null,
      escalation_tier: 1,
      remote_guidance: null,
      cancel_reason: null,
      linked_ref: null,
      parent_order_id: null,
      sla_state: 'on_track',
      sla_due_at: null,
      paused_since: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      completed_at: null,
      closed_at: null,
      version: 1,
    } as never)
    .execute();
  return id;
}

describe('merge', () => {
  it('moves phones (dedup), addresses, products and work orders in one go', async () => {
    const target = await create('张三', ['13811110000']);
    const source = await create('张三丰', ['13811110000', '13922220000'], [address()]);
    await agent.send('POST', `/api/v1/customers/${source.id}/products`, {
      modelId,
      serial: 'M-1',
      purchaseDate: '2026-01-01',
    });
    const orderId = await insertOrder(source.id);

    expect(
      (
        await dispatcher.send('POST', `/api/v1/customers/${target.id}/merge`, {
          sourceId: source.id,
          version: target.version,
        })
      ).status,
    ).toBe(403);
    const res = await agent.send('POST', `/api/v1/customers/${target.id}/merge`, {
      sourceId: source.id,
      version: target.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.phones.map((p: { phone: string }) => p.phone).sort()).toEqual([
      '13811110000',
      '13922220000',
    ]);
    expect(res.body.phones.filter((p: { isPrimary: boolean }) => p.isPrimary)).toHaveLength(1);
    expect(res.body.addresses).toHaveLength(1);
    expect(res.body.addresses[0].isDefault).toBe(true);
    expect(res.body.version).toBe(target.version + 1);

    const detail = await agent.get(`/api/v1/customers/${target.id}`);
    expect(detail.body.products.map((p: { serial: string }) => p.serial)).toEqual(['M-1']);
    const order = await t.db.db
      .selectFrom('work_orders')
      .select('customer_id')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order.customer_id).toBe(target.id);
    const src = await t.db.db
      .selectFrom('customers')
      .select(['merged_into_id'])
      .where('id', '=', source.id)
      .executeTakeFirstOrThrow();
    expect(src.merged_into_id).toBe(target.id);
    const row = await t.db.db
      .selectFrom('customers')
      .select('district_code')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.district_code).toBe('440106');

    const types = await t.db.db
      .selectFrom('events')
      .select(['stream_id', 'type'])
      .where('type', 'like', 'customer.merged%')
      .execute();
    expect(types).toEqual(
      expect.arrayContaining([
        { stream_id: target.id, type: 'customer.merged' },
        { stream_id: source.id, type: 'customer.merged_into' },
      ]),
    );

    // Merged customers are gone from search and cannot be edited or merged again.
    const found = await agent.get('/api/v1/customers/lookup?q=张三');
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    const again = await agent.send('POST', `/api/v1/customers/${target.id}/merge`, {
      sourceId: source.id,
      version: res.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ path: 'sourceId' });
    expect(
      (await agent.send('PATCH', `/api/v1/customers/${source.id}`, { version: 2, name: 'x' })).status,
    ).toBe(409);
  });

  it('refuses a stale target version and self-merge, changing nothing', async () => {
    const target = await create('钱七', ['13733330000']);
    const source = await create('钱七七', ['13744440000']);
    const stale = await agent.send('POST', `/api/v1/customers/${target.id}/merge`, {
      sourceId: source.id,
      version: target.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    const src = await t.db.db
      .selectFrom('customer_phones')
      .select('customer_id')
      .where('phone', '=', '13744440000')
      .executeTakeFirstOrThrow();
    expect(src.customer_id).toBe(source.id);
    const self = await agent.send('POST', `/api/v1/customers/${target.id}/merge`, {
      sourceId: target.id,
      version: target.version,
    });
    expect(self.body.errors[0]).toMatchObject({ path: 'sourceId', rule: 'distinct' });
  });
});
