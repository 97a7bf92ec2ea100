import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../platform/db/transaction.ts';
import {
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { getDeliveryContract, listContractsToBook, markContractFulfilment } from './index.ts';

// Monday 2026-12-07 10:00 Beijing.
const NOW = '2026-12-07T02:00:00.000Z';
const P = '/api/v1/sales';

let w: World;
let refs: Refs;
let agent: Client;
let warehouse: Client;
let managerA: Client;
let managerB: Client;
let seq = 0;

const body = (over: Record<string, unknown> = {}) => ({
  contractNo: `HT-${++seq}`,
  salesperson: '王导购',
  customerName: '张三',
  phones: ['138 0013 8000'],
  regionCode: '440106',
  addressDetail: '天河路 1 号 1201',
  orderDate: '2026-12-06',
  requestedDate: '2026-12-10',
  lines: [
    { model: 'SF-301', productName: '三人布艺沙发', category: '沙发', quantity: 1, unitPriceFen: 680000 },
  ],
  ...over,
});
const db = () => w.db.db;
const receive = (model: string, quantity: number) =>
  warehouse.send('POST', `${P}/stock/receipts`, { model, productName: model, quantity });
const check = (id: string, version: number) =>
  warehouse.send('POST', `${P}/contracts/${id}/stock-check`, { version });
const tableCount = async (table: 'sales_contracts' | 'sales_contract_lines' | 'sales_stock_ledger') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  warehouse = await w.as(await w.user('warehouse'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('contract entry', () => {
  it('names every missing and inconsistent field at once and stores nothing', async () => {
    const before = await tableCount('sales_contracts');
    const res = await agent.send('POST', `${P}/contracts`, {
      contractNo: '',
      salesperson: '王导购',
      phones: ['12345', '13800138000'],
      regionCode: '999999',
      orderDate: '2026-12-06',
      requestedDate: '2026-12-01',
      lines: [{ model: 'SF-301', quantity: 0, unitPriceFen: 100 }],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('sales.contract_invalid');
    const named = res.body.errors.map((e: { path: string; rule: string }) => `${e.path}:${e.rule}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'contractNo:too_small',
        'customerName:required',
        'addressDetail:required',
        'lines.0.productName:required',
        'lines.0.category:required',
        'lines.0.quantity:too_small',
        'phones.0:invalid_format',
        'regionCode:unknown_region',
        'requestedDate:order',
      ]),
    );
    expect(res.body.params.count).toBe(res.body.errors.length);
    expect(await tableCount('sales_contracts')).toBe(before);
  });

  it('stores a good contract in the day’s batch, finds or creates the customer, and refuses its number twice', async () => {
    const b = body({ specialRequests: '电梯到 12 楼' });
    const res = await agent.send('POST', `${P}/contracts`, b);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      contractNo: b.contractNo,
      source: 'form',
      status: 'entered',
      batchDate: '2026-12-07',
      availableDate: null,
      phones: ['13800138000'],
      regionName: expect.stringContaining('天河'),
      totalFen: 680000,
    });
    expect(res.body.customerId).toBeTruthy();
    // The warehouse may not see customers' numbers.
    expect((await warehouse.get(`${P}/contracts/${res.body.id}`)).body.phones).toEqual(['138****8000']);
    const again = await agent.send('POST', `${P}/contracts`, body({ contractNo: b.contractNo }));
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([expect.objectContaining({ path: 'contractNo', rule: 'unique' })]);
    // The same phone finds the same customer.
    const second = await agent.send('POST', `${P}/contracts`, body());
    expect(second.body.customerId).toBe(res.body.customerId);
  });

  it('takes contracts from a partner system with an API token (source api)', async () => {
    const admin = await w.as(await w.user('admin'));
    const token = await admin.send('POST', '/api/v1/auth/tokens', {
      name: 'ERP',
      permissions: ['sales:read', 'sales:write'],
      expiresAt: '2027-06-01T00:00:00.000Z',
    });
    expect(token.status).toBe(201);
    const payload = body();
    const post = (key?: string) =>
      w.built.app.inject({
        method: 'POST',
        url: `${P}/contracts`,
        headers: { authorization: `Bearer ${token.body.token}`, ...(key ? { 'idempotency-key': key } : {}) },
        payload,
      });
    // An integration's write must carry an Idempotency-Key, so its retry never enters twice.
    const bare = await post();
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].path).toBe('headers.idempotency-key');
    const res = await post('erp-contract-0001');
    expect(res.statusCode).toBe(201);
    expect(res.json().source).toBe('api');
    const retry = await post('erp-contract-0001');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(res.json().id);
  });

  it('puts a contract entered after the 17:00 cut-off on the Friday into Monday’s batch', async () => {
    w.clock.set('2026-12-04T09:30:00.000Z'); // Friday 17:30 Beijing
    try {
      const res = await agent.send('POST', `${P}/contracts`, body({ orderDate: '2026-12-04' }));
      expect(res.status).toBe(201);
      expect(res.body.batchDate).toBe('2026-12-07');
    } finally {
      w.clock.set(NOW);
    }
  });

  it('keeps a store to its own contracts and store', async () => {
    const own = await managerA.send('POST', `${P}/contracts`, body());
    expect(own.status).toBe(201);
    expect(own.body.storeOutletId).toBe(refs.outletA);
    const other = await managerA.send('POST', `${P}/contracts`, body({ storeOutletId: refs.outletB }));
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([
      expect.objectContaining({ path: 'storeOutletId', rule: 'not_in_outlet' }),
    ]);
    expect((await managerB.get(`${P}/contracts/${own.body.id}`)).status).toBe(404);
    const list = await managerB.get(`${P}/contracts`);
    expect(list.body.items.every((c: { storeOutletId: string }) => c.storeOutletId === refs.outletB)).toBe(
      true,
    );
  });
});

describe('stock check and factory orders', () => {
  it('reserves what is in stock, orders the rest from the factory the next working day and shows the date', async () => {
    await receive('BED-180', 1);
    const c = (
      await agent.send(
        'POST',
        `${P}/contracts`,
        body({
          lines: [
            { model: 'BED-180', productName: '1.8 米床', category: '床', quantity: 1, unitPriceFen: 500000 },
            { model: 'WARD-4', productName: '四门衣柜', category: '衣柜', quantity: 2, unitPriceFen: 300000 },
          ],
        }),
      )
    ).body;
    const checked = await check(c.id, c.version);
    expect(checked.status).toBe(200);
    expect(checked.body.status).toBe('stock_checked');
    expect(checked.body.lines.map((l: { state: string }) => l.state)).toEqual(['reserved', 'factory_order']);
    // Ordered Tuesday 12-08, 7 working days' lead → Thursday 12-17.
    expect(checked.body.lines[1]).toMatchObject({
      factoryOrderDate: '2026-12-08',
      expectedDate: '2026-12-17',
    });
    expect(checked.body.availableDate).toBe('2026-12-17');
    const list = await agent.get(`${P}/factory-orders`);
    expect(list.body.date).toBe('2026-12-08');
    expect(list.body.items).toEqual([
      expect.objectContaining({
        contractNo: c.contractNo,
        model: 'WARD-4',
        quantity: 2,
        expectedDate: '2026-12-17',
      }),
    ]);
    // A second check is refused by the state table.
    expect((await check(c.id, checked.body.version)).status).toBe(409);

    // The factory's goods arrive: the waiting line is reserved and the contract is available today.
    const got = await receive('WARD-4', 3);
    expect(got.status).toBe(201);
    expect(got.body).toMatchObject({ reservedLines: 1, stock: { onHand: 3, reserved: 2, available: 1 } });
    const after = (await agent.get(`${P}/contracts/${c.id}`)).body;
    expect(after.lines[1].state).toBe('reserved');
    expect(after.availableDate).toBe('2026-12-07');
  });

  it('never gives the same unit to two contracts and never goes below zero', async () => {
    await receive('TV-55', 1);
    const mk = async () =>
      (
        await agent.send(
          'POST',
          `${P}/contracts`,
          body({
            lines: [
              { model: 'TV-55', productName: '55 寸电视', category: '电视', quantity: 1, unitPriceFen: 1 },
            ],
          }),
        )
      ).body;
    const [a, b] = [await mk(), await mk()];
    const results = await Promise.all([check(a.id, a.version), check(b.id, b.version)]);
    const states = results.map((r) => r.body.lines[0].state).sort();
    expect(states).toEqual(['factory_order', 'reserved']);
    const stock = (await agent.get(`${P}/stock`)).body.items.find(
      (s: { model: string }) => s.model === 'TV-55',
    );
    expect(stock).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
    // Cancelling the reserved one gives the unit back (ledger: receipt, reserve, release).
    const reservedOne = results.find((r) => r.body.lines[0].state === 'reserved')!.body;
    const cancelled = await agent.send('POST', `${P}/contracts/${reservedOne.id}/cancel`, {
      version: reservedOne.version,
      reason: '客户退订',
    });
    expect(cancelled.body.status).toBe('cancelled');
    const ledger = await db()
      .selectFrom('sales_stock_ledger')
      .select(['kind', 'on_hand_after', 'reserved_after'])
      .where('model', '=', 'TV-55')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(ledger.map((l) => l.kind)).toEqual(['receipt', 'reserve', 'release']);
    expect(ledger[2]).toMatchObject({ on_hand_after: 1, reserved_after: 0 });
    const shown = (await warehouse.get(`${P}/stock/ledger?model=TV-55`)).body.items;
    expect(shown.map((e: { kind: string }) => e.kind)).toEqual(['release', 'reserve', 'receipt']);
    expect(shown[0]).toMatchObject({ contractNo: reservedOne.contractNo, onHandAfter: 1, reservedAfter: 0 });
  });

  it('refuses the stock check to a store and to a stale version', async () => {
    const c = (await agent.send('POST', `${P}/contracts`, body())).body;
    expect((await managerA.send('POST', `${P}/contracts/${c.id}/stock-check`, { version: 1 })).status).toBe(
      403,
    );
    expect((await check(c.id, 7)).status).toBe(409);
  });
});

describe('the delivery interface', () => {
  it('lists checked contracts to book and records booking, exception, rebooking and delivery', async () => {
    await receive('SOFA-2', 1);
    const c = (
      await agent.send(
        'POST',
        `${P}/contracts`,
        body({
          lines: [
            { model: 'SOFA-2', productName: '双人沙发', category: '沙发', quantity: 1, unitPriceFen: 1 },
          ],
        }),
      )
    ).body;
    await check(c.id, c.version);
    const toBook = await listContractsToBook(db(), { from: '2026-12-07', to: '2026-12-07', limit: 100 });
    expect(toBook.map((x) => x.id)).toContain(c.id);
    const view = await getDeliveryContract(db(), c.id);
    expect(view).toMatchObject({
      contractNo: c.contractNo,
      availableDate: '2026-12-07',
      status: 'stock_checked',
    });
    expect(view!.lines[0]).toMatchObject({ model: 'SOFA-2', quantity: 1, needsInstallation: true });

    const step = (s: 'booked' | 'delivered' | 'exception') =>
      withTransaction(db(), w.db.dialect, ({ trx }) => markContractFulfilment(trx, c.id, s, NOW));
    await step('booked');
    expect((await listContractsToBook(db(), { limit: 500 })).map((x) => x.id)).not.toContain(c.id);
    await expect(step('booked')).rejects.toMatchObject({ code: 'state.invalid_transition' });
    await step('exception');
    await step('booked');
    await step('delivered');
    const stock = (await agent.get(`${P}/stock`)).body.items.find(
      (s: { model: string }) => s.model === 'SOFA-2',
    );
    expect(stock).toMatchObject({ onHand: 0, reserved: 0 });
    const history = (await agent.get(`${P}/contracts/${c.id}`)).body.history.map(
      (h: { type: string }) => h.type,
    );
    expect(history).toEqual([
      'sales.contract_entered',
      'sales.stock_checked',
      'sales.booked',
      'sales.exception',
      'sales.booked',
      'sales.delivered',
    ]);
  });

  it('refuses delivery while a line still waits for the factory, inside the caller’s transaction', async () => {
    const c = (
      await agent.send(
        'POST',
        `${P}/contracts`,
        body({
          lines: [{ model: 'NONE-1', productName: '缺货品', category: '其他', quantity: 1, unitPriceFen: 1 }],
        }),
      )
    ).body;
    await check(c.id, c.version);
    await withTransaction(db(), w.db.dialect, ({ trx }) => markContractFulfilment(trx, c.id, 'booked', NOW));
    await expect(
      withTransaction(db(), w.db.dialect, ({ trx }) => markContractFulfilment(trx, c.id, 'delivered', NOW)),
    ).rejects.toMatchObject({ code: 'sales.stock_insufficient' });
    expect((await getDeliveryContract(db(), c.id))!.status).toBe('booked');
  });
});

describe('Excel import', () => {
  const workbook = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow([
      '合同号',
      '导购',
      '客户姓名',
      '联系电话',
      '地区编码',
      '详细地址',
      '下单日期',
      '要求送货日期',
      '型号',
      '品名',
      '品类',
      '数量',
      '单价（元）',
      '需安装',
    ]);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const upload = (c: Client, file: Buffer) => {
    const boundary = '----anxin';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return c.send('POST', `${P}/contracts/import`, payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  };

  it('imports the good contracts and lists the refused ones with their rows and every broken field', async () => {
    const head = ['王导购', '李四', '13900139000', '440106', '天河路 2 号', '2026-12-06', '2026-12-09'];
    const file = await workbook([
      ['XL-1', ...head, 'SF-301', '沙发', '沙发', 1, '6800', '是'],
      ['XL-1', '', '', '', '', '', '', '', 'CJ-120', '茶几', '茶几', 2, '1200.5', '否'],
      [
        'XL-2',
        '王导购',
        '',
        '139',
        '440106',
        '天河路 3 号',
        '2026-12-06',
        '2026-12-01',
        'SF-301',
        '沙发',
        '沙发',
        'x',
        '6800',
        '是',
      ],
    ]);
    const res = await upload(agent, file);
    expect(res.status).toBe(200);
    expect(res.body.imported).toEqual([expect.objectContaining({ contractNo: 'XL-1', rows: [2, 3] })]);
    expect(res.body.rejected).toHaveLength(1);
    const r = res.body.rejected[0];
    expect(r).toMatchObject({ contractNo: 'XL-2', rows: [4] });
    expect(r.errors.map((e: { path: string; rule: string }) => `${e.path}:${e.rule}`)).toEqual(
      expect.arrayContaining([
        'customerName:required',
        'phones.0:invalid_format',
        'requestedDate:order',
        'lines.0.quantity:invalid_type',
      ]),
    );
    const xl1 = (await agent.get(`${P}/contracts?q=XL-1`)).body.items[0];
    expect(xl1).toMatchObject({ source: 'excel', totalFen: 680000 + 2 * 120050 });
    expect(xl1.lines[1]).toMatchObject({ model: 'CJ-120', needsInstallation: false });
  });

  it('reads the same columns from a CSV file (the shared import reader)', async () => {
    const headers = [
      '合同号',
      '导购',
      '客户姓名',
      '联系电话',
      '地区编码',
      '详细地址',
      '下单日期',
      '要求送货日期',
    ];
    const items = ['型号', '品名', '品类', '数量', '单价（元）', '需安装'];
    const line = [
      'CSV-1',
      '王导购',
      '李四',
      '13900139000',
      '440106',
      '天河路 2 号',
      '2026-12-06',
      '2026-12-09',
    ];
    const text = [
      [...headers, ...items],
      [...line, 'SF-301', '沙发', '沙发', '1', '6800', '是'],
    ]
      .map((r) => r.join(','))
      .join('\r\n');
    const res = await upload(agent, Buffer.from(`\uFEFF${text}`, 'utf8'));
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([]);
    expect(res.body.imported).toMatchObject([{ contractNo: 'CSV-1', rows: [2] }]);
  });

  it('refuses a file that is not the template (read as CSV without the template headers)', async () => {
    const res = await upload(agent, Buffer.from('not a workbook'));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'file', rule: 'invalid_format' });
  });
});

describe('showroom samples', () => {
  it('go on display with the store manager’s approval as the store’s installed product, and off again', async () => {
    const created = await managerA.send('POST', `${P}/samples`, {
      storeOutletId: refs.outletA,
      model: `${refs.categoryCode}-1`,
      productName: '样机洗衣机',
      category: refs.categoryCode,
      serialNo: 'smp-0001',
      storePhone: '020-87654321',
      displayFrom: '2026-12-07',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending_display',
      serialNo: 'SMP-0001',
      installedProductId: null,
    });
    const agentDecides = await agent.send('POST', `${P}/samples/${created.body.id}/decision`, {
      action: 'approve',
      version: 1,
    });
    expect(agentDecides.status).toBe(403);
    const approved = await managerA.send('POST', `${P}/samples/${created.body.id}/decision`, {
      action: 'approve',
      version: 1,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('on_display');
    const productId = approved.body.installedProductId;
    expect(productId).toBeTruthy();
    const product = await db()
      .selectFrom('installed_products')
      .select(['serial', 'sales_channel'])
      .where('id', '=', productId)
      .executeTakeFirstOrThrow();
    expect(product).toEqual({ serial: 'SMP-0001', sales_channel: '卖场样品' });
    const removal = await managerA.send('POST', `${P}/samples/${created.body.id}/removal`, {
      version: approved.body.version,
      reason: '换新款',
      displayUntil: '2026-12-20',
    });
    expect(removal.body.status).toBe('pending_removal');
    const removed = await managerA.send('POST', `${P}/samples/${created.body.id}/decision`, {
      action: 'approve',
      version: removal.body.version,
    });
    expect(removed.body).toMatchObject({
      status: 'removed',
      installedProductId: productId,
      displayUntil: '2026-12-20',
    });
    expect((await managerB.get(`${P}/samples/${created.body.id}`)).status).toBe(404);
  });

  it('names an unknown model, a taken serial and another store', async () => {
    const res = await managerA.send('POST', `${P}/samples`, {
      storeOutletId: refs.outletB,
      model: 'NO-SUCH',
      productName: '样机',
      category: 'x',
      serialNo: 'SMP-0001',
      displayFrom: '2026-12-07',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string; rule: string }) => `${e.path}:${e.rule}`)).toEqual([
      'storeOutletId:not_in_outlet',
      'model:not_found',
      'storePhone:required',
      'serialNo:unique',
    ]);
  });
});
