import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  address,
  startTestApp,
  seedCatalog,
  type Client,
  type TestApp,
} from '../../../test/factories/customers.ts';

let t: TestApp;
let agent: Client;
let warehouse: Client;
let dispatcher: Client;
let wang: { id: string; version: number };

const newCustomer = (name: string, phone: string, extra: Record<string, unknown> = {}) =>
  agent.send('POST', '/api/v1/customers', { name, phones: [{ phone }], addresses: [address()], ...extra });

beforeAll(async () => {
  t = await startTestApp(['admin', 'agent', 'warehouse', 'dispatcher']);
  agent = await t.as('agent');
  warehouse = await t.as('warehouse');
  dispatcher = await t.as('dispatcher');
  const { modelId } = await seedCatalog(await t.as('admin'));
  const res = await newCustomer('王小明', '+86 138-1234-5678', {
    phones: [{ phone: '138 1234 5678' }, { phone: '020-8888 6666', label: 'home' }],
  });
  expect(res.status).toBe(201);
  wang = res.body.customer;
  await newCustomer('李华', '13998765432');
  await agent.send('POST', `/api/v1/customers/${wang.id}/products`, {
    modelId,
    serial: 'sn-2026-0001',
    purchaseDate: '2026-01-10',
  });
});
afterAll(async () => t?.close());

const lookup = async (who: Client, q: string) => {
  const res = await who.get(`/api/v1/customers/lookup?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body as {
    detected: string[];
    items: Array<{
      id: string;
      name: string;
      matchedBy: string;
      phones: Array<{ phone: string; masked: boolean }>;
      products: Array<{ serial: string; warranty: { status: string } }>;
    }>;
  };
};

describe('create and search', () => {
  it('stores phones normalised, with one primary and the region name', async () => {
    const got = await agent.get(`/api/v1/customers/${wang.id}`);
    expect(got.body.phones.map((p: { phone: string }) => p.phone)).toEqual(['13812345678', '02088886666']);
    expect(got.body.phones[0].isPrimary).toBe(true);
    expect(got.body.addresses[0]).toMatchObject({
      districtCode: '440106',
      regionName: '广东省 广州市 天河区',
      isDefault: true,
    });
    expect(got.body.products[0]).toMatchObject({
      serial: 'SN-2026-0001',
      warranty: { status: 'in_warranty', unitUntil: '2027-01-10' },
    });
  });

  it('finds by full phone, prefix, 4+ digit suffix, name prefix and serial', async () => {
    expect((await lookup(agent, '13812345678')).items.map((i) => i.name)).toEqual(['王小明']);
    expect((await lookup(agent, '138')).items.map((i) => i.name)).toEqual(['王小明']);
    expect((await lookup(agent, '5678')).items.map((i) => i.name)).toEqual(['王小明']);
    expect((await lookup(agent, '8765432')).items.map((i) => i.name)).toEqual(['李华']);
    expect((await lookup(agent, '王小')).items.map((i) => [i.name, i.matchedBy])).toEqual([
      ['王小明', 'name'],
    ]);
    expect((await lookup(agent, '小明')).items.map((i) => i.name)).toEqual(['王小明']);
    expect((await lookup(agent, '明王')).items).toHaveLength(0);
    const bySerial = await lookup(agent, 'sn-2026');
    expect(bySerial.items.map((i) => [i.name, i.matchedBy])).toEqual([['王小明', 'serial']]);
    expect(bySerial.items[0]!.products[0]!.warranty.status).toBe('in_warranty');
    expect((await lookup(agent, 'SN-2026-0001')).items).toHaveLength(1);
    expect((await lookup(agent, '13700000000')).items).toHaveLength(0);
  });

  it('masks phone numbers for roles without customer:phone_unmasked', async () => {
    expect((await lookup(agent, '138')).items[0]!.phones[0]).toEqual(
      expect.objectContaining({ phone: '13812345678', masked: false }),
    );
    const masked = await lookup(dispatcher, '13812345678');
    expect(masked.items[0]!.phones.map((p) => p.phone)).toEqual(['138****5678', '020****6666']);
    expect(masked.items[0]!.phones.every((p) => p.masked)).toBe(true);
    const list = await dispatcher.get('/api/v1/customers');
    expect(JSON.stringify(list.body)).not.toContain('13812345678');
    expect((await dispatcher.get(`/api/v1/customers/${wang.id}`)).body.phones[0].phone).toBe('138****5678');
    // The default warehouse role has no customer:read at all.
    expect((await warehouse.get('/api/v1/customers/lookup?q=138')).status).toBe(403);
  });

  it('lists newest first with a keyset cursor', async () => {
    const p1 = await agent.get('/api/v1/customers?limit=1');
    expect(p1.body.items.map((i: { name: string }) => i.name)).toEqual(['李华']);
    const p2 = await agent.get(`/api/v1/customers?limit=1&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((i: { name: string }) => i.name)).toEqual(['王小明']);
    expect(p2.body.nextCursor).toBeNull();
  });
});

describe('validation and concurrency', () => {
  it('rejects a bad region code naming the field, and changes nothing', async () => {
    const before = await t.db.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await newCustomer('赵六', '13700001111', {
      addresses: [address(), address({ districtCode: '110101' })],
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'request.validation_failed',
      errors: [{ path: 'addresses.1.districtCode', rule: 'unknown_region' }],
    });
    const after = await t.db.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('rejects a phone that is neither mobile nor landline', async () => {
    const res = await newCustomer('赵六', '12345');
    expect(res.body.errors[0]).toMatchObject({
      path: 'phones.0.phone',
      rule: 'invalid_format',
      params: { format: 'phone' },
    });
  });

  it('updates with the current version and refuses a stale one with 409', async () => {
    const ok = await agent.send('PATCH', `/api/v1/customers/${wang.id}`, {
      version: wang.version,
      tier: 'vip',
      phones: [{ phone: '13812345678' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tier: 'vip', version: wang.version + 1 });
    expect(ok.body.phones).toHaveLength(1);
    const addrId = ok.body.addresses[0].id;
    const moved = await agent.send('PATCH', `/api/v1/customers/${wang.id}`, {
      version: ok.body.version,
      addresses: [
        address({ id: addrId, detail: '天河路 2 号' }),
        address({ provinceCode: '110000', cityCode: '110100', districtCode: '110105', isDefault: true }),
      ],
    });
    expect(moved.status).toBe(200);
    expect(
      moved.body.addresses.map((a: { id: string; detail: string; isDefault: boolean }) => [
        a.id === addrId,
        a.detail,
        a.isDefault,
      ]),
    ).toEqual([
      [false, '天河路 1 号', true],
      [true, '天河路 2 号', false],
    ]);
    const row = await t.db.db
      .selectFrom('customers')
      .select('district_code')
      .where('id', '=', wang.id)
      .executeTakeFirstOrThrow();
    expect(row.district_code).toBe('110105');
    const foreign = await agent.send('PATCH', `/api/v1/customers/${wang.id}`, {
      version: moved.body.version,
      addresses: [address({ id: 'not-mine' })],
    });
    expect(foreign.body.errors[0]).toMatchObject({ path: 'addresses.0.id', rule: 'not_found' });
    const stale = await agent.send('PATCH', `/api/v1/customers/${wang.id}`, {
      version: wang.version,
      name: '王大明',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    expect((await agent.get(`/api/v1/customers/${wang.id}`)).body.name).toBe('王小明');
    const events = await t.db.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', wang.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'customer.created',
      'customer.product_registered',
      'customer.updated',
      'customer.updated',
    ]);
  });

  it('flags likely duplicates on create and on request', async () => {
    const samePhone = await newCustomer('小明', '13812345678');
    expect(samePhone.status).toBe(201);
    expect(samePhone.body.duplicates).toEqual([{ id: wang.id, name: '王小明', reasons: ['phone'] }]);
    const sameNameDistrict = await newCustomer('李华', '13600002222');
    expect(sameNameDistrict.body.duplicates.map((d: { reasons: string[] }) => d.reasons)).toEqual([
      ['name_district'],
    ]);
    const dup = await agent.get(`/api/v1/customers/${wang.id}/duplicates`);
    expect(dup.body.items.map((d: { id: string }) => d.id)).toEqual([samePhone.body.customer.id]);
  });

  it('keeps the name-substring index current on rename and rebuildable after bulk loads', async () => {
    const li = (await lookup(agent, '李华')).items[0]!;
    const res = await agent.send('PATCH', `/api/v1/customers/${li.id}`, {
      version: (await agent.get(`/api/v1/customers/${li.id}`)).body.version,
      kind: 'company',
      companyName: '广州安心电器有限公司',
    });
    expect(res.status).toBe(200);
    expect((await lookup(agent, '安心电器')).items.map((i) => i.id)).toEqual([li.id]);
    await t.db.db.deleteFrom('customer_name_tokens').execute();
    expect((await lookup(agent, '安心电器')).items).toHaveLength(0);
    await t.built.modules.customers.reindexNameTokens(2);
    expect((await lookup(agent, '安心电器')).items.map((i) => i.id)).toEqual([li.id]);
  });
});
