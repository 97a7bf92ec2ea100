import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

let w: World;
let refs: Refs;
let agent: Client;
let admin: Client;

const NOW = '2026-11-22T02:00:00Z';

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  admin = await w.as(await w.user('admin'));
});
afterAll(() => w.close());

const newOrder = async (customerId: string, withProduct: boolean) => {
  const over = withProduct
    ? { customerId }
    : { customerId, productId: undefined, faultCodeId: undefined, symptomCodes: [] };
  const res = await agent.send('POST', '/api/v1/work-orders', createBody(refs, over));
  expect(res.status).toBe(201);
  return res.body.order as { id: string; number: string };
};
const close = (id: string, closedAt: string) =>
  forceState(w, id, { status: 'closed', closed_at: closedAt, completed_at: closedAt });

/** Every column statistics, classes and settlement read: all but contact name, phone, address. */
const statistics = async (customerId: string) =>
  (
    await w.db.db
      .selectFrom('work_orders')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('id')
      .execute()
  ).map(({ contact_name, contact_phone, address, lat, lng, ...kept }) => {
    void [contact_name, contact_phone, address, lat, lng];
    return kept;
  });
const customerVersion = async (id: string) =>
  (await admin.get(`/api/v1/customers/${id}`)).body.version as number;

describe('PIPL requests on a customer', () => {
  it('need customer:privacy: an agent gets 403 and nothing is exported or erased', async () => {
    expect((await agent.get(`/api/v1/customers/${refs.customerId}/personal-data`)).status).toBe(403);
    const erase = await agent.send('POST', `/api/v1/customers/${refs.customerId}/erase`, { version: 1 });
    expect(erase.status).toBe(403);
    expect((await admin.get(`/api/v1/customers/${refs.customerId}`)).body.erasedAt).toBeNull();
  });

  it('exports the customer’s own data unmasked, with their orders, audited with the exporter', async () => {
    const order = await newOrder(refs.customerId, true);
    const res = await admin.get(`/api/v1/customers/${refs.customerId}/personal-data`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('personal-data.json');
    expect(res.body.customer).toMatchObject({ name: '王小明', phones: [{ phone: '13812345678' }] });
    expect(res.body.orders.map((o: { number: string }) => o.number)).toContain(order.number);
    expect(res.body.products).toHaveLength(1);
    expect(res.body.notice).toContain(res.body.exportId);
    const audit = await admin.get(`/api/v1/audit?streamType=export&streamId=${res.body.exportId}`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        data: expect.objectContaining({
          kind: 'customer_personal_data',
          format: 'json',
          rows: 1 + 1 + res.body.orders.length,
          filter: { customerId: refs.customerId },
        }),
      }),
    ]);
  });

  it('refuses erasure while an order is open, changing nothing', async () => {
    const version = await customerVersion(refs.customerId);
    const res = await admin.send('POST', `/api/v1/customers/${refs.customerId}/erase`, { version });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'customer.erasure_blocked', params: { openOrders: 1 } });
    expect((await admin.get(`/api/v1/customers/${refs.customerId}`)).body).toMatchObject({
      name: '王小明',
      erasedAt: null,
      version,
    });
  });

  it('erases name, phones and addresses once orders are closed; order statistics stay as they were', async () => {
    const id = refs.customerId;
    const orders = await w.db.db
      .selectFrom('work_orders')
      .select('id')
      .where('customer_id', '=', id)
      .execute();
    for (const o of orders) await close(o.id, NOW);
    const before = await statistics(id);
    const eventsBefore = await w.db.db
      .selectFrom('events')
      .select('id')
      .where('stream_type', '=', 'work_order')
      .execute();
    const version = await customerVersion(id);

    const stale = await admin.send('POST', `/api/v1/customers/${id}/erase`, { version: version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');

    const res = await admin.send('POST', `/api/v1/customers/${id}/erase`, { version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerId: id, ordersAnonymised: orders.length, phonesRemoved: 1 });

    const after = await w.db.db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ name: '（已匿名）', address: null, note: null, lat: null, lng: null });
    expect(after.erased_at).not.toBeNull();
    expect(
      await w.db.db.selectFrom('customer_phones').select('id').where('customer_id', '=', id).execute(),
    ).toEqual([]);
    const addresses = await w.db.db
      .selectFrom('customer_addresses')
      .select('detail')
      .where('customer_id', '=', id)
      .execute();
    expect(addresses.every((a) => a.detail === '')).toBe(true);
    const contacts = await w.db.db
      .selectFrom('work_orders')
      .select(['contact_name', 'contact_phone', 'address'])
      .where('customer_id', '=', id)
      .execute();
    expect(
      contacts.every((c) => c.contact_phone === '' && c.address === null && c.contact_name === '（已匿名）'),
    ).toBe(true);
    // Counts, types, statuses, times, outlets, classes: unchanged; so is every order's history.
    expect(await statistics(id)).toEqual(before);
    expect(
      await w.db.db.selectFrom('events').select('id').where('stream_type', '=', 'work_order').execute(),
    ).toHaveLength(eventsBefore.length);
    // The customer's own history no longer names them, but records the erasure.
    const history = await w.db.db
      .selectFrom('events')
      .select(['type', 'data', 'actor_id', 'reason'])
      .where('stream_type', '=', 'customer')
      .where('stream_id', '=', id)
      .orderBy('id')
      .execute();
    expect(history.map((e) => e.data).join()).not.toContain('13812345678');
    expect(history.map((e) => e.data).join()).not.toContain('王小明');
    expect(history.at(-1)).toMatchObject({
      type: 'customer.erased',
      actor_id: admin.userId,
      reason: 'request',
    });
    // Nobody finds them by phone or name any more; acting on them is refused.
    expect((await agent.get('/api/v1/customers/lookup?q=13812345678')).body.items).toEqual([]);
    expect(
      (await agent.get(`/api/v1/customers/lookup?q=${encodeURIComponent('王小明')}`)).body.items,
    ).toEqual([]);
    const again = await admin.send('POST', `/api/v1/customers/${id}/erase`, { version: version + 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('customer.erased');
    expect((await admin.get(`/api/v1/customers/${id}/personal-data`)).body.code).toBe('customer.erased');
    const order = await agent.send(
      'POST',
      '/api/v1/work-orders',
      createBody(refs, { contactPhone: '13900001111' }),
    );
    expect(order.status).toBe(400);
    expect(order.body.errors).toEqual([expect.objectContaining({ path: 'customerId', rule: 'not_found' })]);
  });
});

describe('retention', () => {
  it('registers customers.privacy with its bounds (audit records at least three years)', async () => {
    const s = await admin.get('/api/v1/settings/customers.privacy');
    expect(s.status).toBe(200);
    expect(s.body.value).toEqual({ closedOrderRetentionDays: 1095, auditLogRetentionDays: 1095 });
    const low = await admin.send('PUT', '/api/v1/settings/customers.privacy', {
      value: { closedOrderRetentionDays: 1095, auditLogRetentionDays: 100 },
      version: s.body.version,
    });
    expect(low.status).toBe(400);
    expect(JSON.stringify(low.body.errors)).toContain('auditLogRetentionDays');
  });

  it('erases customers whose last order closed past the retention, once; recent ones stay', async () => {
    const old = await newOrder(refs.vipCustomerId, false);
    await close(old.id, '2022-01-10T02:00:00Z');
    const recentCustomer = (
      await agent.send('POST', '/api/v1/customers', {
        name: '赵敏',
        phones: [{ phone: '13511112222' }],
        addresses: [
          { provinceCode: '44', cityCode: '4401', districtCode: '440106', detail: '体育西路 9 号' },
        ],
      })
    ).body.customer.id as string;
    const recent = await newOrder(recentCustomer, false);
    await close(recent.id, '2026-10-01T02:00:00Z');
    const before = await statistics(refs.vipCustomerId);

    const first = await w.built.modules.customers.sweepRetention();
    expect(first).toMatchObject({ customersErased: 1, failed: 0 });
    expect((await admin.get(`/api/v1/customers/${refs.vipCustomerId}`)).body.erasedAt).not.toBeNull();
    expect((await admin.get(`/api/v1/customers/${recentCustomer}`)).body.erasedAt).toBeNull();
    expect(await statistics(refs.vipCustomerId)).toEqual(before);
    const erased = await w.db.db
      .selectFrom('events')
      .select(['actor_kind', 'reason'])
      .where('stream_id', '=', refs.vipCustomerId)
      .where('type', '=', 'customer.erased')
      .execute();
    expect(erased).toEqual([{ actor_kind: 'system', reason: 'retention' }]);
    // Run twice: nothing left to do.
    expect(await w.built.modules.customers.sweepRetention()).toMatchObject({ customersErased: 0 });
  });

  it('redacts export records past the audit retention', async () => {
    await admin.get(`/api/v1/customers/${refs.vipCustomerId}/personal-data`).catch(() => undefined);
    const exportsBefore = (await admin.get('/api/v1/audit?streamType=export')).body.items as unknown[];
    expect(exportsBefore.length).toBeGreaterThan(0);
    w.clock.set(new Date(Date.parse(NOW) + 1100 * 86_400_000).toISOString());
    try {
      const r = await w.built.modules.customers.sweepRetention();
      expect(r.exportRecordsRedacted).toBe(exportsBefore.length);
      const items = (await admin.get('/api/v1/audit?streamType=export')).body.items as {
        actorId: string | null;
        data: Record<string, unknown>;
      }[];
      expect(items.every((e) => e.actorId === null && e.data.redacted === true && !e.data.filter)).toBe(true);
    } finally {
      w.clock.set(NOW);
    }
  });
});
