import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anxin/contracts';
import { createTestApp, userSession, type TestApp } from '../../../test/app.ts';

interface Client {
  get(url: string): Promise<{ status: number; body: any }>;
  send(
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<{ status: number; body: any }>;
}

let ta: TestApp;
let admin: Client;
let agent: Client;

async function as(role: Role): Promise<Client> {
  const s = await userSession(ta, { username: role, roles: [role] });
  const wrap = (r: { statusCode: number; body: string }) => ({
    status: r.statusCode,
    body: r.body ? JSON.parse(r.body) : null,
  });
  return {
    get: async (url) => wrap(await s.req({ method: 'GET', url })),
    send: async (method, url, payload) => wrap(await s.req({ method, url, ...(payload ? { payload } : {}) })),
  };
}

async function seedCatalog(c: Client, code: string): Promise<void> {
  expect(
    (
      await c.send('POST', '/api/v1/catalog/categories', {
        code,
        nameZh: code,
        nameEn: code,
        unitWarrantyMonths: 12,
        mainPartsWarrantyMonths: 36,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await c.send('POST', '/api/v1/catalog/models', {
        brand: 'Anxin',
        categoryCode: code,
        modelCode: `${code}-100`,
        name: `${code} 100`,
      })
    ).status,
  ).toBe(201);
}

beforeAll(async () => {
  ta = await createTestApp();
  admin = await as('admin');
  agent = await as('agent');
});
afterAll(async () => ta?.close());

describe('catalog', () => {
  it('creates categories and edits warranty terms with an audit event', async () => {
    await seedCatalog(admin, 'WM');
    const upd = await admin.send('PATCH', '/api/v1/catalog/categories/WM', { unitWarrantyMonths: 24 });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ code: 'WM', unitWarrantyMonths: 24, mainPartsWarrantyMonths: 36 });
    const events = await ta.t.db
      .selectFrom('events')
      .selectAll()
      .where('stream_type', '=', 'product_category')
      .where('stream_id', '=', 'WM')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['product_category.created', 'product_category.updated']);
    expect(JSON.parse(events[1]!.data)).toMatchObject({
      before: { unitWarrantyMonths: 12 },
      after: { unitWarrantyMonths: 24 },
    });
  });

  it('lets every signed-in role read the category names (finance words statements with them)', async () => {
    await seedCatalog(admin, 'NAMES');
    const finance = await as('finance');
    const res = await finance.get('/api/v1/catalog/categories');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { code: string }) => c.code)).toContain('NAMES');
    expect((await finance.send('POST', '/api/v1/catalog/categories', { code: 'X' })).status).toBe(403);
  });

  it('keeps terms to settings:manage and models to product:write', async () => {
    expect(
      (await agent.send('PATCH', '/api/v1/catalog/categories/WM', { unitWarrantyMonths: 99 })).status,
    ).toBe(403);
    const m = await agent.send('POST', '/api/v1/catalog/models', {
      brand: 'Anxin',
      categoryCode: 'WM',
      modelCode: 'WM-200',
      name: 'WM 200',
    });
    expect(m.status).toBe(201);
    const dup = await agent.send('POST', '/api/v1/catalog/models', {
      brand: 'Anxin',
      categoryCode: 'WM',
      modelCode: 'WM-200',
      name: 'again',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0]).toMatchObject({ path: 'modelCode', rule: 'unique' });
    const bad = await agent.send('POST', '/api/v1/catalog/models', {
      brand: 'Anxin',
      categoryCode: 'NOPE',
      modelCode: 'X-1',
      name: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'categoryCode', rule: 'not_found' });
    const list = await agent.get('/api/v1/catalog/models?categoryCode=WM');
    expect(list.body.items.map((x: { modelCode: string }) => x.modelCode).sort()).toEqual([
      'WM-100',
      'WM-200',
    ]);
  });

  it('builds the fault tree and validates codes for work orders', async () => {
    await seedCatalog(admin, 'TV');
    const fault = await admin.send('POST', '/api/v1/catalog/categories/TV/fault-codes', {
      code: 'F01',
      kind: 'fault',
      nameZh: '不开机',
      nameEn: 'No power',
    });
    expect(fault.status).toBe(201);
    const s1 = await admin.send('POST', '/api/v1/catalog/categories/TV/fault-codes', {
      code: 'S01',
      kind: 'symptom',
      parentId: fault.body.id,
      nameZh: '指示灯不亮',
      nameEn: 'No LED',
    });
    expect(s1.status).toBe(201);
    const orphan = await admin.send('POST', '/api/v1/catalog/categories/TV/fault-codes', {
      code: 'S02',
      kind: 'symptom',
      nameZh: 'x',
      nameEn: 'x',
    });
    expect(orphan.body.errors[0]).toMatchObject({ path: 'parentId', rule: 'required' });
    const otherCat = await admin.send('POST', '/api/v1/catalog/categories/WM/fault-codes', {
      code: 'S03',
      kind: 'symptom',
      parentId: fault.body.id,
      nameZh: 'x',
      nameEn: 'x',
    });
    expect(otherCat.body.errors[0]).toMatchObject({ path: 'parentId', rule: 'not_found' });

    const tree = await agent.get('/api/v1/catalog/categories/TV/fault-codes');
    expect(tree.status).toBe(200);
    expect(tree.body.faults).toHaveLength(1);
    expect(tree.body.faults[0].symptoms.map((s: { code: string }) => s.code)).toEqual(['S01']);

    const cat = ta.modules.catalog;
    await expect(cat.validateFaultCodes('TV', fault.body.id, [s1.body.id])).resolves.toBeUndefined();
    await expect(cat.validateFaultCodes('WM', fault.body.id, [])).rejects.toMatchObject({
      errors: [{ path: 'faultCodeId' }],
    });
    await expect(cat.validateFaultCodes('TV', fault.body.id, [fault.body.id])).rejects.toMatchObject({
      errors: [{ path: 'symptomCodes.0' }],
    });
    expect((await cat.getFaultCode(s1.body.id)).parentId).toBe(fault.body.id);
    expect((await cat.getCategory('TV')).unitWarrantyMonths).toBe(12);

    expect((await admin.send('DELETE', `/api/v1/catalog/fault-codes/${fault.body.id}`)).status).toBe(204);
    expect((await agent.get('/api/v1/catalog/categories/TV/fault-codes')).body.faults).toHaveLength(0);
    await expect(cat.validateFaultCodes('TV', fault.body.id, [])).rejects.toMatchObject({
      errors: [{ path: 'faultCodeId' }],
    });
  });
});
