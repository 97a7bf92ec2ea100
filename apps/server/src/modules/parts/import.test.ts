import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../../test/factories/catalog.ts';
import { startWorld, type Client, type World } from '../../../test/factories/world.ts';
import { newId } from '../../platform/ids/index.ts';
import { IMPORT_COLUMNS, yuanToFen } from './domain/catalog-import.ts';
import { HQ_LOCATION_ID } from './stock-ledger.ts';

let w: World;
let wh: Client;
let modelId: string;

beforeAll(async () => {
  w = await startWorld('2026-06-15T04:00:00.000Z');
  modelId = (await makeCatalog(w.db, 'WM')).modelId;
  wh = await w.as(await w.user('warehouse'));
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  ws.addRow(IMPORT_COLUMNS.map(([, zh]) => zh));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function upload(file: Buffer) {
  const b = `----anxin${newId()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="parts.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return wh.send('POST', '/api/v1/parts/items/import', body, {
    'content-type': `multipart/form-data; boundary=${b}`,
  });
}
const row = (code: string, over: Partial<Record<number, string | number>> = {}) => {
  const r: (string | number)[] = [
    code,
    '主控板',
    'Main board',
    '配件',
    '电控',
    '块',
    '是',
    '320.50',
    200,
    '是',
    '否',
    'WM-1',
    '2027-01-01',
  ];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v!;
  return r;
};

describe('catalogue import', () => {
  it('converts yuan to fen exactly', () => {
    expect(yuanToFen('320.5')).toBe(32050);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
  });

  it('imports nothing when any row is bad, naming every issue by row and field', async () => {
    const res = await upload(
      await workbook([
        row('IMP-1'),
        row('IMP-2', { 3: '零件', 7: '1.234' }),
        row('IMP-3', { 11: 'WM-1、NOPE' }),
        row('IMP-1'),
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('parts.import_invalid');
    expect(res.body.params).toEqual({ count: 4 });
    expect(res.body.errors.map((e: { path: string; rule: string }) => `${e.path}:${e.rule}`)).toEqual([
      'rows.3.kind:invalid_value',
      'rows.3.listPriceFen:decimals',
      'rows.4.modelIds:unknown_code',
      'rows.5.code:unique',
    ]);
    const n = await w.db.db.selectFrom('part_items').select('id').where('code', 'like', 'IMP-%').execute();
    expect(n).toEqual([]);
  });

  it('creates, then updates by code in one go', async () => {
    const first = await upload(await workbook([row('IMP-1'), row('IMP-2', { 12: '', 10: '是', 11: '' })]));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, errors: [] });
    const again = await upload(await workbook([row('IMP-1', { 1: '新主控板' }), row('IMP-9')]));
    expect(again.body).toEqual({ created: 1, updated: 1, errors: [] });
    const list = await wh.get('/api/v1/parts/items?q=IMP-');
    const byCode = Object.fromEntries(list.body.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode['IMP-1']).toMatchObject({
      nameZh: '新主控板',
      kind: 'part',
      unit: '块',
      serialized: true,
      listPriceFen: 32050,
      costPriceFen: 20000,
      modelIds: [modelId],
      discontinueOn: '2027-01-01',
      version: 2,
    });
    expect(byCode['IMP-2']).toMatchObject({ universal: true, modelIds: [], discontinueOn: null });
  });

  it('reads the same columns from a CSV file (the shared import reader)', async () => {
    const lines = [IMPORT_COLUMNS.map(([, zh]) => zh), row('IMP-C1', { 1: '风扇电机' }).map(String)];
    const res = await upload(Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}`, 'utf8'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 1, updated: 0, errors: [] });
    const item = (await wh.get('/api/v1/parts/items?q=IMP-C1')).body.items[0];
    expect(item).toMatchObject({ nameZh: '风扇电机', listPriceFen: 32050, modelIds: [modelId] });
  });

  it('serves the template and refuses a file that is not a workbook', async () => {
    const t = await wh.get('/api/v1/parts/items/template.xlsx');
    expect(t.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.raw as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('编码');
    const bad = await upload(Buffer.from('not a workbook'));
    expect(bad.status).toBe(400);
  });
});

describe('ledger export', () => {
  it('exports the filtered ledger, watermarked and audited', async () => {
    const item = (await wh.get('/api/v1/parts/items?q=IMP-1')).body.items[0];
    await wh.send('POST', '/api/v1/parts/stock/receive', {
      locationId: HQ_LOCATION_ID,
      lines: [{ itemId: item.id, qty: 3 }],
    });
    const res = await wh.get(`/api/v1/parts/ledger/export.xlsx?itemId=${item.id}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('IMP-1');
    expect(sheet.getRow(2).getCell(5).value).toBe('入库');
    expect(wb.worksheets.map((s) => s.name)).toContain('导出信息');
    const audit = await w.db.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'export.recorded')
      .execute();
    expect(audit.some((e) => String(e.data).includes('parts_ledger'))).toBe(true);
  });
});
