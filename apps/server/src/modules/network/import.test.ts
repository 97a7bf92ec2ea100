import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../../test/factories/catalog.ts';
import { startWorld, type Client, type World } from '../../../test/factories/world.ts';
import { newId } from '../../platform/ids/index.ts';
import { OUTLET_IMPORT_COLUMNS } from './domain/outlet-import.ts';
import { TECHNICIAN_IMPORT_COLUMNS } from './domain/technician-import.ts';

let w: World;
let admin: Client;
let outletA: string;

const OUTLET_HEADERS = OUTLET_IMPORT_COLUMNS.map(([, zh]) => zh);
const TECH_HEADERS = TECHNICIAN_IMPORT_COLUMNS.map(([, zh]) => zh);

beforeAll(async () => {
  w = await startWorld('2026-06-15T04:00:00.000Z');
  await makeCatalog(w.db, 'AC');
  await makeCatalog(w.db, 'WM');
  admin = await w.as(await w.user('admin'));
  const a = await admin.send('POST', '/api/v1/outlets', {
    code: 'OLD-1',
    name: '老网点',
    type: 'self_built',
    provinceCode: '44',
    cityCode: '4401',
    districtCode: '440106',
    address: '天河路 1 号',
    serviceAreas: ['4401'],
    categories: ['AC'],
  });
  expect(a.status).toBe(201);
  outletA = a.body.id;
  const t = await admin.send('POST', '/api/v1/technicians', {
    outletId: outletA,
    name: '老师傅',
    phone: '13900000000',
  });
  expect(t.status).toBe(201);
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

async function workbook(headers: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const csv = (headers: string[], rows: string[][]) =>
  Buffer.from(`\uFEFF${[headers, ...rows].map((r) => r.join(',')).join('\r\n')}`, 'utf8');

function upload(url: string, file: Buffer, as: Client = admin, name = 'f.xlsx') {
  const b = `----anxin${newId()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return as.send('POST', url, body, { 'content-type': `multipart/form-data; boundary=${b}` });
}
const O = '/api/v1/outlets/import';
const T = '/api/v1/technicians/import';

/** An outlet row in template order; `over` replaces cells by column index. */
const outlet = (code: string, over: Partial<Record<number, string>> = {}) => {
  const r = [
    code,
    `网点${code}`,
    '委托',
    '',
    '李经理',
    '020-88881234',
    '440106',
    '天河路 2 号',
    '440106、4401',
    'AC、WM',
    '',
    '',
  ];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v!;
  return r;
};
const tech = (name: string, phone: string, over: Partial<Record<number, string>> = {}) => {
  const r = [name, phone, 'OLD-1', '', '', 'AC:3、WM'];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v!;
  return r;
};

const TABLES = [
  'outlets',
  'outlet_service_areas',
  'outlet_categories',
  'technicians',
  'technician_skills',
  'events',
] as const;
async function counts() {
  await w.runtime.outbox.idle();
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
async function newEvents(before: string[]) {
  return w.db.db.selectFrom('events').select(['type', 'request_id']).where('id', 'not in', before).execute();
}
const eventIds = async () => (await w.db.db.selectFrom('events').select('id').execute()).map((e) => e.id);

describe('outlet import', () => {
  it('imports nothing when any row is bad and reports every bad row and column', async () => {
    const before = await counts();
    const res = await upload(
      O,
      await workbook(OUTLET_HEADERS, [
        outlet('NEW-1'),
        outlet('NEW-2', { 2: '直营' }),
        outlet('NEW-3', { 6: '999999', 8: '4401、99' }),
        outlet('NEW-1'),
        outlet('OLD-1', { 9: 'AC、TV' }),
        outlet('NEW-6', { 1: '', 10: '-3', 11: 'E' }),
        outlet('新网点'),
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('outlet.import_invalid');
    expect(res.body.params).toEqual({ count: 10 });
    expect(issues(res)).toEqual([
      'rows.3.type:invalid_value',
      'rows.4.regionCode:unknown_region',
      'rows.4.serviceAreas:unknown_region',
      'rows.5.code:unique',
      'rows.6.code:unique',
      'rows.6.categories:unknown_category',
      'rows.7.name:required',
      'rows.7.dailyCapacity:range',
      'rows.7.grade:invalid_value',
      'rows.8.code:invalid_format',
    ]);
    expect(res.body.errors[0].params).toEqual({ values: ['自建', '委托'] });
    expect(await counts()).toEqual(before);
  });

  it('checks only on a dry run, then creates every outlet with its areas and the create event (CSV)', async () => {
    const file = csv(OUTLET_HEADERS, [
      outlet('CSV-1', { 2: '自建', 3: '经销商', 11: 'a' }),
      outlet('CSV-2', { 8: '44', 10: '35' }),
    ]);
    const before = await counts();
    const dry = await upload(`${O}?dryRun=true`, file, admin, 'o.csv');
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, created: 2 });
    expect(await counts()).toEqual(before);
    const ids = await eventIds();
    const res = await upload(O, file, admin, 'o.csv');
    expect(res.body).toEqual({ dryRun: false, created: 2 });
    const after = await counts();
    expect(after.outlets! - before.outlets!).toBe(2);
    expect(after.outlet_service_areas! - before.outlet_service_areas!).toBe(3);
    const events = await newEvents(ids);
    expect(events.filter((e) => e.type === 'outlet.created')).toHaveLength(2);
    expect(new Set(events.map((e) => e.request_id)).size).toBe(1);
    const list = await admin.get('/api/v1/outlets?q=CSV-1');
    expect(list.body.items[0]).toMatchObject({
      code: 'CSV-1',
      type: 'self_built',
      kind: 'dealer',
      grade: 'A',
      districtCode: '440106',
      cityCode: '4401',
      serviceAreas: [{ code: '4401' }, { code: '440106' }],
      categories: ['AC', 'WM'],
    });
  });

  it('serves a template that imports as empty and refuses a file without its headers', async () => {
    const t = await admin.get('/api/v1/outlets/import/template');
    expect(t.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.raw as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...OUTLET_HEADERS]);
    expect(wb.worksheets[1]!.rowCount).toBeGreaterThan(OUTLET_HEADERS.length);
    const res = await upload(`${O}?dryRun=true`, t.raw as Buffer);
    expect(res.body).toEqual({ dryRun: true, created: 0 });
    const bad = await upload(O, Buffer.from('a,b\r\n1,2'), admin, 'x.csv');
    expect(bad.body.errors[0]).toMatchObject({ path: 'file', rule: 'invalid_format' });
  });
});

describe('technician import', () => {
  it('imports nothing when any row is bad and reports every bad row and column', async () => {
    const before = await counts();
    const res = await upload(
      T,
      await workbook(TECH_HEADERS, [
        tech('甲', '13800000001'),
        tech('乙', '13800000001'),
        tech('丙', '13900000000', { 2: 'NOPE' }),
        tech('丁', 'abc', { 3: '7', 5: 'TV:2' }),
        tech('戊', '', { 2: '' }),
        tech('己', '', { 2: '', 3: '3' }),
        tech('庚', '', { 3: '4' }),
        tech('辛', '', { 5: 'AC:9' }),
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('technician.import_invalid');
    expect(issues(res)).toEqual([
      'rows.3.phone:unique',
      'rows.4.phone:unique',
      'rows.4.outletCode:not_found',
      'rows.5.phone:invalid_format',
      'rows.5.tier:range',
      'rows.5.skills:unknown_category',
      'rows.6.outletCode:required',
      'rows.7.provinceCode:required',
      'rows.8.outletCode:not_allowed',
      'rows.9.skills:invalid_format',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('creates every technician with skills and the create event, from XLSX and CSV', async () => {
    const before = await counts();
    const ids = await eventIds();
    const res = await upload(
      T,
      await workbook(TECH_HEADERS, [
        tech('王师傅', '13800000011'),
        tech('总部专家', '', { 2: '', 3: '4', 5: '' }),
      ]),
    );
    expect(res.body).toEqual({ dryRun: false, created: 2 });
    const c = await upload(T, csv(TECH_HEADERS, [tech('赵师傅', '13800000012', { 3: '2' })]), admin, 't.csv');
    expect(c.body).toEqual({ dryRun: false, created: 1 });
    const after = await counts();
    expect(after.technicians! - before.technicians!).toBe(3);
    expect(after.technician_skills! - before.technician_skills!).toBe(4);
    expect((await newEvents(ids)).filter((e) => e.type === 'technician.created')).toHaveLength(3);
    const list = await admin.get(`/api/v1/technicians?outletId=${outletA}&limit=50`);
    expect(list.body.items.find((x: { name: string }) => x.name === '王师傅')).toMatchObject({
      phone: '13800000011',
      tier: 1,
      skills: [
        { categoryCode: 'AC', level: 3 },
        { categoryCode: 'WM', level: 1 },
      ],
    });
  });

  it('applies the form’s scope: an outlet manager imports only into outlets they manage', async () => {
    const other = await admin.send('POST', '/api/v1/outlets', {
      code: 'OTHER',
      name: '别家网点',
      type: 'entrusted',
      provinceCode: '44',
      cityCode: '4401',
      districtCode: '440106',
      address: '天河路 3 号',
      serviceAreas: ['4401'],
      categories: ['AC'],
    });
    const manager = await w.as(await w.user('outlet_manager', { outletId: other.body.id }));
    const before = await counts();
    const res = await upload(
      T,
      csv(TECH_HEADERS, [tech('钱师傅', '13800000021'), tech('孙师傅', '', { 2: 'OTHER' })]),
      manager,
      't.csv',
    );
    expect(res.status).toBe(422);
    expect(issues(res)).toEqual(['rows.2.outletCode:not_found']);
    expect(await counts()).toEqual(before);
    const tpl = await manager.get('/api/v1/technicians/import/template');
    expect(tpl.status).toBe(200);
    expect((await upload(O, csv(OUTLET_HEADERS, [outlet('M-1')]), manager, 'o.csv')).status).toBe(403);
    const techUser = await w.as(await w.user('technician'));
    expect((await techUser.get('/api/v1/technicians/import/template')).status).toBe(403);
  });
});
