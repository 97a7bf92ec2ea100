import { describe, expect, it } from 'vitest';
import { apiAs, coverageOf, uniqueSuffix } from '../factories.ts';
import { shot, usePeople } from '../harness.ts';

// Customer import (客户与已购产品导入, issue #21 item 3): an agent uploads a CSV with bad rows and
// sees every bad row with its column and reason, nothing stored; then the corrected file goes in
// and the new customer is found by phone. The model and phones are this journey's own.
const POLL = { timeout: 30_000 };
const HEADERS = '客户姓名,电话,区县代码,详细地址,产品型号,序列号,购买日期,购买渠道';

const people = usePeople({ width: 1400, height: 900 });
const { errors } = people;

const csv = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[HEADERS, ...lines].join('\r\n')}`, 'utf8'),
});

describe('customer import', () => {
  it('reports every bad row and stores nothing, then imports the corrected file', async () => {
    const suffix = uniqueSuffix();
    const admin = await apiAs(await people.requestContext(), people.app.url, 'admin');
    const where = await coverageOf(admin, 'GD001');
    const modelCode = `IMP-${suffix}`;
    await admin('POST', '/api/v1/catalog/models', {
      brand: '安心',
      categoryCode: where.categoryCode,
      modelCode,
      name: `导入机型 ${suffix}`,
    });
    const phone = `1370013${suffix}`;
    const good = `导入客户${suffix},${phone},${where.district},测试路 8 号,${modelCode},IMP${suffix}A,2026-01-05,京东`;
    const bad = [
      good.replace(`,${where.district},`, ',999999,'),
      `另一位${suffix},,${where.district},测试路 9 号,NOPE-${suffix},IMP${suffix}A,2099-01-01,`,
    ];

    const page = await people.open('agent');
    for (const locale of ['zh-CN', 'en-US'] as const) {
      await page.goto(`${people.app.url}/agent`);
      if (locale === 'en-US') {
        await page.getByTestId('locale-switch').click();
        await page.getByTestId('locale-en-US').click();
      }
      await page.getByTestId('customer-import-open').click();
      await page.locator('input[type=file]').setInputFiles(csv('bad.csv', bad));
      await page.getByTestId('customer-import-run').click();
      const report = page.getByTestId('customer-import-errors');
      await report.waitFor(POLL);
      await expect.poll(() => report.locator('tbody tr').count(), POLL).toBe(5);
      const text = await report.innerText();
      expect(text).toContain(locale === 'zh-CN' ? '地区代码无效' : 'Unknown region code');
      expect(text).toContain(locale === 'zh-CN' ? '代码不存在' : 'Unknown code');
      await shot(page, `customer-import-report-${locale}`);
    }
    const none = await admin<{ items: unknown[] }>('GET', `/api/v1/customers/lookup?q=${phone}`);
    expect(none.items).toEqual([]);

    await page.locator('input[type=file]').setInputFiles(csv('good.csv', [good]));
    await page.getByTestId('customer-import-run').click();
    await page.getByTestId('customer-import-done').waitFor(POLL);
    await shot(page, 'customer-import-done-en-US');
    const found = await admin<{ items: { name: string }[] }>('GET', `/api/v1/customers/lookup?q=${phone}`);
    expect(found.items.map((c) => c.name)).toEqual([`导入客户${suffix}`]);
    expect(errors).toEqual([]);
  });
});

// Outlet import (网点与服务区域导入): an admin uploads a file whose second row has an unknown type
// and a taken code, sees each bad cell by row and column, nothing stored; then the corrected file.
const OUTLET_HEADERS =
  '网点编码,网点名称,网点类型,网点性质,联系人,联系电话,区县代码,详细地址,服务区域,服务品类,日接单量,等级';

describe('outlet import', () => {
  it('reports the bad row and stores nothing, then imports the corrected file', async () => {
    const suffix = uniqueSuffix();
    const admin = await apiAs(await people.requestContext(), people.app.url, 'admin');
    const where = await coverageOf(admin, 'GD001');
    const row = (code: string, type: string) =>
      `${code},导入网点${code},${type},网点,李经理,02088881234,${where.district},测试路 1 号,${where.district},${where.categoryCode},20,B`;
    const file = (name: string, lines: string[]) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${[OUTLET_HEADERS, ...lines].join('\r\n')}`, 'utf8'),
    });
    const code = `IMP${suffix}`;

    const page = await people.open('admin');
    await page.goto(`${people.app.url}/outlets`);
    await page.getByTestId('outlet-import').click();
    await page
      .locator('input[type=file]')
      .setInputFiles(file('bad.csv', [row(code, '委托'), row('GD001', '直营')]));
    await page.getByTestId('outlet-import-run').click();
    const report = page.getByTestId('outlet-import-errors');
    await report.waitFor(POLL);
    await expect.poll(() => report.locator('tbody tr').count(), POLL).toBe(2);
    const text = await report.innerText();
    expect(text).toContain('网点类型');
    expect(text).toContain('不是可选的值');
    expect(text).toContain('已存在或重复');
    await shot(page, 'outlet-import-report-zh-CN');
    const none = await admin<{ items: unknown[] }>('GET', `/api/v1/outlets?q=${code}`);
    expect(none.items).toEqual([]);

    await page.locator('input[type=file]').setInputFiles(file('good.csv', [row(code, '委托')]));
    await page.getByTestId('outlet-import-run').click();
    await page.getByTestId('outlet-import-done').waitFor(POLL);
    await shot(page, 'outlet-import-done-zh-CN');
    const found = await admin<{ items: { id: string; code: string; type: string }[] }>(
      'GET',
      `/api/v1/outlets?q=${code}`,
    );
    expect(found.items).toMatchObject([{ code, type: 'entrusted' }]);

    // Technicians into the new outlet, in English: an unknown outlet code is reported, then the fix.
    const techs = (name: string, lines: string[]) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `\uFEFF${['姓名,手机号,网点编码,级别,省份代码,技能', ...lines].join('\r\n')}`,
        'utf8',
      ),
    });
    const tech = (outlet: string) =>
      `导入师傅${suffix},1370014${suffix},${outlet},1,,${where.categoryCode}:3`;
    await page.goto(`${people.app.url}/technicians`);
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-en-US').click();
    await page.getByTestId('technician-import').click();
    await page.locator('input[type=file]').setInputFiles(techs('bad.csv', [tech(`NO${suffix}`)]));
    await page.getByTestId('technician-import-run').click();
    const techReport = page.getByTestId('technician-import-errors');
    await techReport.waitFor(POLL);
    expect(await techReport.innerText()).toContain('Outlet code');
    await shot(page, 'technician-import-report-en-US');
    await page.locator('input[type=file]').setInputFiles(techs('good.csv', [tech(code)]));
    await page.getByTestId('technician-import-run').click();
    await page.getByTestId('technician-import-done').waitFor(POLL);
    const staff = await admin<{ items: { name: string; skills: { level: number }[] }[] }>(
      'GET',
      `/api/v1/technicians?outletId=${found.items[0]!.id}`,
    );
    expect(staff.items).toMatchObject([{ name: `导入师傅${suffix}`, skills: [{ level: 3 }] }]);
    expect(errors).toEqual([]);
  });
});
