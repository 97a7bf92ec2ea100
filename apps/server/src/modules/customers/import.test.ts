import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../../test/factories/catalog.ts';
import { startWorld, type Client, type World } from '../../../test/factories/world.ts';
import { newId } from '../../platform/ids/index.ts';
import { IMPORT_COLUMNS } from './domain/customer-import.ts';

let w: World;
let agent: Client;
let modelId: string;
let existingId: string;

const HEADERS = IMPORT_COLUMNS.map(([, zh]) => zh);

beforeAll(async () => {
  w = await startWorld('2026-06-15T04:00:00.000Z');
  ({ modelId } = await makeCatalog(w.db, 'WM'));
  agent = await w.as(await w.user('agent'));
  const c = await agent.send('POST', '/api/v1/customers', {
    name: '老客户',
    phones: [{ phone: '13911110000' }],
  });
  existingId = c.body.customer.id;
  await agent.send('POST', `/api/v1/customers/${existingId}/products`, { modelId, serial: 'OLD-1' });
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** GBK bytes of a text (Node encodes only UTF-8): each character found by decoding the two-byte space. */
function gbk(text: string): Buffer {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) map.set(dec.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return Buffer.from(
    [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : map.get(ch)!)),
  );
}
const csv = (rows: string[][]) => [HEADERS, ...rows].map((r) => r.join(',')).join('\r\n');

function upload(file: Buffer, query = '', as: Client = agent, name = 'customers.xlsx') {
  const b = `----anxin${newId()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return as.send('POST', `/api/v1/customers/import${query}`, body, {
    'content-type': `multipart/form-data; boundary=${b}`,
  });
}
const row = (name: string, phone: string, serial: string, over: Partial<Record<number, string>> = {}) => {
  const r = [name, phone, '440106', '天河路 1 号', 'WM-1', serial, '2026-05-01', '京东'];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v!;
  return r;
};

const TABLES = [
  'customers',
  'customer_phones',
  'customer_addresses',
  'customer_name_tokens',
  'installed_products',
  'events',
] as const;
async function counts() {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = Number(
      (
        await w.db.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
}
const issues = (res: { body: { errors: { path: string; rule: string }[] } }) =>
  res.body.errors.map((e) => `${e.path}:${e.rule}`);

describe('customer import', () => {
  it('imports nothing when any row is bad and reports every bad row', async () => {
    await w.runtime.outbox.idle();
    const before = await counts();
    const res = await upload(
      await workbook([
        row('甲', '13800000001', 'NEW-1'),
        row('乙', '13800000002', 'NEW-2', { 2: '999999' }),
        row('丙', '13800000003', 'NEW-3', { 4: 'NOPE-9' }),
        row('丁', '13800000004', 'new-1'),
        row('戊', '13800000005', 'OLD-1'),
        row('己', '', 'NEW-6'),
        row('庚', 'abc', 'NEW-7', { 6: '2026-07-01' }),
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('customer.import_invalid');
    expect(res.body.params).toEqual({ count: 7 });
    expect(issues(res)).toEqual([
      'rows.3.regionCode:unknown_region',
      'rows.4.modelCode:unknown_code',
      'rows.5.serial:unique',
      'rows.6.serial:unique',
      'rows.7.phones:required',
      'rows.8.phones:invalid_format',
      'rows.8.purchaseDate:not_in_future',
    ]);
    expect(res.body.errors[1].params).toEqual({ code: 'NOPE-9' });
    expect(await counts()).toEqual(before);
  });

  it('checks only on a dry run, then commits every row with the create paths’ events', async () => {
    const file = await workbook([
      row('甲', '13800000001', 'NEW-1'),
      row('甲', '13800000001', 'NEW-2', { 7: '' }),
      row('老客户', '13911110000', 'NEW-3'),
      row('乙', '138-0000-0002、020 8888 1234', 'NEW-4', { 6: '' }),
    ]);
    await w.runtime.outbox.idle();
    const before = await counts();
    const dry = await upload(file, '?dryRun=true');
    expect(dry.status).toBe(200);
    const expected = {
      customersCreated: 2,
      customersMatched: 1,
      productsCreated: 4,
      matched: [{ row: 4, customerId: existingId, phone: '13911110000' }],
    };
    expect(dry.body).toEqual({ dryRun: true, ...expected });
    expect(await counts()).toEqual(before);

    const beforeEvents = (await w.db.db.selectFrom('events').select('id').execute()).map((e) => e.id);
    const res = await upload(file);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dryRun: false, ...expected });
    const after = await counts();
    expect(after.customers! - before.customers!).toBe(2);
    expect(after.installed_products! - before.installed_products!).toBe(4);
    const events = await w.db.db
      .selectFrom('events')
      .select(['type', 'request_id'])
      .where('id', 'not in', beforeEvents)
      .execute();
    const byType = (type: string) => events.filter((e) => e.type === type).length;
    expect(byType('customer.created')).toBe(2);
    expect(byType('customer.product_registered')).toBe(4);
    expect(new Set(events.map((e) => e.request_id)).size).toBe(1);
    const lookup = await agent.get('/api/v1/customers/lookup?q=13800000002');
    const id = lookup.body.items[0].id;
    const detail = await agent.get(`/api/v1/customers/${id}`);
    expect(detail.body).toMatchObject({
      name: '乙',
      phones: [{ phone: '13800000002', isPrimary: true }, { phone: '02088881234' }],
      addresses: [{ districtCode: '440106', detail: '天河路 1 号', isDefault: true }],
      products: [{ serial: 'NEW-4', purchaseDate: null, salesChannel: '京东' }],
    });
    const old = await agent.get(`/api/v1/customers/${existingId}`);
    expect(old.body.products.map((p: { serial: string }) => p.serial).sort()).toEqual(['NEW-3', 'OLD-1']);
  });

  it('reads CSV in UTF-8 with a BOM and in GBK', async () => {
    const utf8 = Buffer.from(`\uFEFF${csv([row('辛', '13800000011', 'CSV-1')])}`, 'utf8');
    const a = await upload(utf8, '', agent, 'c.csv');
    expect(a.status).toBe(200);
    expect(a.body.customersCreated).toBe(1);
    const b = await upload(gbk(csv([row('壬', '13800000012', 'CSV-2')])), '', agent, 'c.csv');
    expect(b.status).toBe(200);
    const lookup = await agent.get('/api/v1/customers/lookup?q=13800000012');
    expect(lookup.body.items[0].name).toBe('壬');
  });

  it('serves a template that imports as empty and explains each column', async () => {
    const t = await agent.get('/api/v1/customers/import/template');
    expect(t.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.raw as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(wb.worksheets[1]!.rowCount).toBeGreaterThanOrEqual(HEADERS.length + 1);
    const res = await upload(t.raw as Buffer, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customersCreated: 0, productsCreated: 0 });
  });

  it('refuses files that are not the template, over the row limit, or from someone who may not create customers', async () => {
    expect((await upload(Buffer.from('a,b\r\n1,2'), '', agent, 'x.csv')).body.errors[0].rule).toBe(
      'invalid_format',
    );
    const admin = await w.as(await w.user('admin'));
    const set = await admin.send('PUT', '/api/v1/settings/customers.import', {
      value: { maxRows: 1 },
      version: 0,
    });
    expect(set.status).toBeLessThan(300);
    const two = await upload(
      await workbook([row('癸', '13800000021', 'X-1'), row('癸', '13800000021', 'X-2')]),
    );
    expect(two.status).toBe(400);
    expect(two.body.errors[0]).toMatchObject({ path: 'file', rule: 'max', params: { max: 1 } });
    const tech = await w.as(await w.user('technician'));
    expect((await upload(await workbook([row('癸', '13800000021', 'X-1')]), '', tech)).status).toBe(403);
    expect((await tech.get('/api/v1/customers/import/template')).status).toBe(403);
  });
});
