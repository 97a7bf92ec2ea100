import ExcelJS from 'exceljs';
import { EXAMPLE_MARK, IMPORT_COLUMNS, type ImportField } from './domain/customer-import.ts';

/** What each column holds, for the template's second sheet (the people filling it in read Chinese). */
const EXPLAIN: Record<ImportField, [required: string, text: string]> = {
  name: ['必填', '客户姓名，最多 80 字。同一电话的多行只建一位客户，取第一行的姓名和地址。'],
  phones: [
    '必填',
    '手机号或带区号的固话，多个用“、”分隔。任一号码已属于系统中的客户时，产品登记到该客户名下（不新建客户）。',
  ],
  regionCode: ['必填', '区县的 6 位行政区划代码（GB/T 2260），例如 440106 = 广东省广州市天河区。'],
  address: ['必填', '街道门牌等详细地址，最多 200 字。'],
  modelCode: ['必填', '产品型号编码，必须是产品目录中在用的型号。'],
  serial: ['必填', '产品序列号（不区分大小写），在文件内和系统中都不能重复。'],
  purchaseDate: ['选填', '购买日期，格式 YYYY-MM-DD，不能晚于今天。'],
  channel: ['选填', '购买渠道，例如 京东、门店，最多 60 字。'],
};

/**
 * The customer import template: the header row, one example row (its name starts with 【示例】,
 * so the import skips it and the untouched template imports as empty) and a sheet explaining
 * each column. CSV files use the same header row.
 */
export async function customerImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户与产品');
  ws.addRow(IMPORT_COLUMNS.map(([, zh]) => zh)).font = { bold: true };
  ws.addRow([
    `${EXAMPLE_MARK}张三`,
    '13800138000',
    '440106',
    '天河路 1 号 1201',
    'WM-1',
    'SN-0001',
    '2026-06-01',
    '京东',
  ]).font = { italic: true, color: { argb: 'FF888888' } };
  IMPORT_COLUMNS.forEach((_, i) => {
    ws.getColumn(i + 1).width = i === 3 ? 28 : 16;
  });
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列名', '是否必填', '说明']).font = { bold: true };
  for (const [field, zh] of IMPORT_COLUMNS) help.addRow([zh, ...EXPLAIN[field]]);
  help.addRow([]);
  help.addRow([
    '',
    '',
    `姓名以“${EXAMPLE_MARK}”开头的行是示例，导入时会跳过。任何一行有错时整个文件都不导入。`,
  ]);
  help.getColumn(1).width = 14;
  help.getColumn(2).width = 10;
  help.getColumn(3).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
