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
let modelId: string;
let a: string;
let b: string;

beforeAll(async () => {
  t = await startTestApp(['admin', 'agent'], '2026-06-15T10:00:00Z'); // 18:00 in Shanghai
  agent = await t.as('agent');
  ({ modelId } = await seedCatalog(await t.as('admin')));
  a = (
    await agent.send('POST', '/api/v1/customers', {
      name: '甲',
      phones: [{ phone: '13511112222' }],
      addresses: [address()],
    })
  ).body.customer.id;
  b = (await agent.send('POST', '/api/v1/customers', { name: '乙', phones: [{ phone: '13533334444' }] })).body
    .customer.id;
});
afterAll(async () => t?.close());

const register = (customerId: string, body: Record<string, unknown>) =>
  agent.send('POST', `/api/v1/customers/${customerId}/products`, { modelId, ...body });
const productCount = async () =>
  Number(
    (
      await t.db.db
        .selectFrom('installed_products')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('installed products', () => {
  it('registers a product with warranty computed from the category terms', async () => {
    const res = await register(a, {
      serial: 'ac-0001',
      purchaseDate: '2025-06-15',
      installDate: '2025-06-20',
      salesChannel: '京东',
      invoiceNo: 'INV-1',
      warrantyCardNo: 'W-1',
      activateWarranty: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      serial: 'AC-0001',
      brand: 'Anxin',
      categoryCode: 'AC',
      modelCode: 'AC-100',
      warrantyActivatedAt: '2026-06-15T10:00:00.000Z',
      warranty: {
        status: 'in_warranty',
        startsOn: '2025-06-15',
        unitUntil: '2026-06-15',
        mainPartsUntil: '2028-06-15',
        asOf: '2026-06-15',
      },
    });
    expect(res.body.addressId).not.toBeNull();
    const older = await register(a, { serial: 'AC-0002', purchaseDate: '2024-02-29' });
    expect(older.body.warranty).toMatchObject({
      status: 'main_parts_only',
      unitUntil: '2025-02-28',
      mainPartsUntil: '2027-02-28',
    });
    const noDate = await register(a, { serial: 'AC-0003' });
    expect(noDate.body.warranty.status).toBe('unknown');
  });

  it('refuses a serial registered elsewhere with 409 naming serial, changing nothing', async () => {
    const before = await productCount();
    const res = await register(b, { serial: 'AC-0001', purchaseDate: '2026-01-01' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'resource.already_exists',
      errors: [{ path: 'serial', rule: 'unique' }],
    });
    expect(await productCount()).toBe(before);
    const events = await t.db.db.selectFrom('events').select('type').where('stream_id', '=', b).execute();
    expect(events.map((e) => e.type)).toEqual(['customer.created']);
  });

  it('names the field for unknown model, future purchase date, foreign address and unknown customer', async () => {
    expect((await register(a, { serial: 'X-1', modelId: 'nope' })).body).toMatchObject({
      code: 'product.model_unknown',
      params: { modelId: 'nope' },
      errors: [{ path: 'modelId', rule: 'product.model_unknown' }],
    });
    expect((await register(a, { serial: 'X-1', purchaseDate: '2026-06-16' })).body.errors[0]).toMatchObject({
      path: 'purchaseDate',
      rule: 'not_in_future',
    });
    expect((await register(b, { serial: 'X-1', addressId: 'other' })).body.errors[0]).toMatchObject({
      path: 'addressId',
      rule: 'not_found',
    });
    expect((await register('missing', { serial: 'X-1' })).status).toBe(404);
    expect((await register(a, { serial: 'bad serial!' })).body.errors[0]).toMatchObject({ path: 'serial' });
  });

  it('recomputes warranty as the business date moves, and lists them on the customer', async () => {
    t.clock.set('2026-06-15T16:00:00Z'); // 2026-06-16 00:00 in Shanghai
    const list = await agent.get(`/api/v1/customers/${a}/products`);
    const first = list.body.items.find((p: { serial: string }) => p.serial === 'AC-0001');
    expect(first.warranty).toMatchObject({ status: 'main_parts_only', asOf: '2026-06-16' });
    expect((await agent.get(`/api/v1/installed-products/${first.id}`)).body.warranty.status).toBe(
      'main_parts_only',
    );
  });

  it('exposes findCustomerByPhone and registerProductForCustomer for the portal', async () => {
    const customers = t.built.modules.customers;
    const found = await customers.findCustomerByPhone('+86 135-3333-4444');
    expect(found?.id).toBe(b);
    expect(await customers.findCustomerByPhone('13500000000')).toBeUndefined();
    const p = await customers.registerProductForCustomer(b, {
      modelId,
      serial: 'PORTAL-1',
      purchaseDate: '2026-05-01',
      salesChannel: null,
      invoiceNo: null,
      installDate: null,
      warrantyCardNo: null,
      activateWarranty: false,
      addressId: null,
    });
    expect(p.warranty.status).toBe('in_warranty');
    const created = await customers.createIndividualCustomer({ name: '丙', phone: '137-0000-9999' });
    expect((await customers.findCustomerByPhone('13700009999'))?.id).toBe(created.id);
    expect(await customers.listProducts(created.id)).toEqual([]);
    expect((await customers.listProducts(b)).map((x) => x.serial)).toEqual(['PORTAL-1']);
  });
});
