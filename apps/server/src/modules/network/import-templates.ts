import ExcelJS from 'exceljs';
import { EXAMPLE_MARK } from './domain/import-cells.ts';
import { OUTLET_IMPORT_COLUMNS, type OutletImportField } from './domain/outlet-import.ts';
import { TECHNICIAN_IMPORT_COLUMNS, type TechnicianImportField } from './domain/technician-import.ts';

/** What each column holds, for the template's second sheet (the people filling it in read Chinese). */
const OUTLET_HELP: Record<OutletImportField, [required: string, text: string]> = {
  code: ['必填', '网点编码，字母、数字、_ 或 -，最多 20 位；在文件内和系统中都不能重复。'],
  name: ['必填', '网点名称，最多 120 字。'],
  type: ['必填', '自建 或 委托。'],
  kind: ['选填', '网点、经销商 或 区域代理，默认 网点。'],
  contactName: ['选填', '联系人姓名，最多 40 字。'],
  contactPhone: ['选填', '联系电话，最多 32 位。'],
  regionCode: ['必填', '网点所在区县的 6 位行政区划代码（GB/T 2260），例如 440106 = 广州市天河区。'],
  address: ['必填', '街道门牌等详细地址，最多 200 字。'],
  serviceAreas: [
    '必填',
    '服务区域的行政区划代码，多个用“、”分隔：2 位 = 整个省，4 位 = 整个市，6 位 = 区县。',
  ],
  categories: ['必填', '服务的产品品类编码，多个用“、”分隔，必须是产品目录中在用的品类。'],
  dailyCapacity: ['选填', '每日可接工单数，0 到 10000 的整数，默认 20。'],
  grade: ['选填', '网点等级 A、B、C 或 D，默认 B。'],
};

const TECHNICIAN_HELP: Record<TechnicianImportField, [required: string, text: string]> = {
  name: ['必填', '工程师姓名，最多 40 字。'],
  phone: ['选填', '手机号或带区号的固话；在文件内和系统中的工程师之间都不能重复。'],
  outletCode: ['1、2 级必填', '所属网点的编码（网点须已在系统中，可先导入网点）；3、4 级总部人员留空。'],
  tier: ['选填', '1 = 工程师，2 = 网点高级工程师，3 = 省级总部工程师，4 = 总部专家；默认 1。'],
  provinceCode: ['3 级必填', '省份的 2 位行政区划代码，例如 44 = 广东省。'],
  skills: ['选填', '品类编码:等级（1–5），多个用“、”分隔，例如 AC:3、WM:2；只写编码为 1 级。'],
};

const EXAMPLE_STYLE: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF888888' } };

async function template<F extends string>(
  sheet: string,
  columns: readonly (readonly [F, string])[],
  help: Record<F, [string, string]>,
  example: string[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(columns.map(([, zh]) => zh)).font = { bold: true };
  ws.addRow(example).font = EXAMPLE_STYLE;
  columns.forEach((_, i) => {
    ws.getColumn(i + 1).width = 16;
  });
  const h = wb.addWorksheet('填写说明');
  h.addRow(['列名', '是否必填', '说明']).font = { bold: true };
  for (const [field, zh] of columns) h.addRow([zh, ...help[field]]);
  h.addRow([]);
  h.addRow([
    '',
    '',
    `名称以“${EXAMPLE_MARK}”开头的行是示例，导入时会跳过。任何一行有错时整个文件都不导入。也可另存为 CSV（UTF-8 或 GBK）导入。`,
  ]);
  h.getColumn(1).width = 14;
  h.getColumn(2).width = 12;
  h.getColumn(3).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The outlet and service-area template: headers, one example row (skipped on import), a help sheet. */
export const outletImportTemplate = () =>
  template('网点与服务区域', OUTLET_IMPORT_COLUMNS, OUTLET_HELP, [
    'WD-001',
    `${EXAMPLE_MARK}天河服务网点`,
    '委托',
    '网点',
    '李经理',
    '02088881234',
    '440106',
    '天河路 1 号',
    '440106、440104',
    'AC、WM',
    '20',
    'B',
  ]);

/** The technician template: headers, one example row (skipped on import), a help sheet. */
export const technicianImportTemplate = () =>
  template('工程师', TECHNICIAN_IMPORT_COLUMNS, TECHNICIAN_HELP, [
    `${EXAMPLE_MARK}王师傅`,
    '13800138000',
    'WD-001',
    '1',
    '',
    'AC:3、WM:2',
  ]);
