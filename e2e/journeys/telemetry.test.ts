import { describe, expect, it } from 'vitest';
import { apiAs, coverageOf, createCaller, uniqueSuffix } from '../factories.ts';
import { shot, usePeople } from '../harness.ts';

// Equipment alerts (设备预警, issue #18 item 2): a manager registers a device on a new customer's
// product and rotates its token on the page (one-time reveal); the device posts a burst of fault
// readings with that token; the dispatcher sees ONE alert on the page, with ONE order, and opens
// it. The customer, product, rule and device are this journey's own.
const POLL = { timeout: 30_000 };

const people = usePeople({ width: 1440, height: 900 });
const { errors } = people;
const open = (username: string) => people.open(username);

describe('equipment alerts', () => {
  it('turns a burst of device fault readings into one alert and one order the dispatcher opens', async () => {
    const suffix = uniqueSuffix();
    const apiContext = { request: await people.requestContext() };
    const admin = await apiAs(apiContext.request, people.app.url, 'admin');
    const where = await coverageOf(admin, 'GD001');
    const caller = await createCaller(admin, {
      district: where.district,
      categoryCode: where.categoryCode,
      suffix,
    });
    const managerContext = { request: await people.requestContext() };
    const manager = await apiAs(managerContext.request, people.app.url, 'manager');
    const code = `J${suffix}`;
    await manager('POST', '/api/v1/telemetry/rules', {
      name: `旅程故障 ${code}`,
      condition: { kind: 'fault_code', codes: [code] },
      severity: 'critical',
      orderType: 'repair',
    });
    const serial = `IOT-E2E-${suffix}`;
    const registered = await manager<{ device: { id: string }; token: string }>(
      'POST',
      '/api/v1/telemetry/devices',
      {
        productId: caller.productId,
        serial,
      },
    );

    // The manager rotates the token on the page: the new one is shown once, the old one stops working.
    const mgr = await open('manager');
    await mgr.goto(`${people.app.url}/telemetry?tab=devices`);
    const row = mgr.getByTestId('telemetry-devices').locator('tr', { hasText: serial });
    await row.waitFor(POLL);
    await row.getByRole('button', { name: '更换令牌' }).click();
    await mgr.getByRole('button', { name: /确\s*定|OK/ }).click();
    const tokenText = mgr.getByTestId('telemetry-token');
    await tokenText.waitFor(POLL);
    const token = (await tokenText.innerText()).trim();
    expect(token).toMatch(/^axd_/);
    expect(token).not.toBe(registered.token);
    await mgr.getByRole('button', { name: '已复制，关闭' }).waitFor(POLL);
    await mgr.waitForTimeout(600); // the dialog's opening animation
    await shot(mgr, 'telemetry-token-zh');
    await mgr.getByRole('button', { name: '已复制，关闭' }).click();

    // The device: no session, its token only. The old token is refused; a burst of batches is taken.
    const device = { request: await people.requestContext() };
    const post = (t: string, k: number) =>
      device.request.post(`${people.app.url}/api/v1/telemetry/readings`, {
        headers: { authorization: `Bearer ${t}` },
        data: {
          readings: [
            { messageId: `b${k}-1`, at: new Date().toISOString(), runningHours: 800 + k, faultCodes: [code] },
            { messageId: `b${k}-2`, at: new Date().toISOString(), metrics: { dischargeTemp: 70 } },
          ],
        },
      });
    const old = await post(registered.token, 0);
    expect(old.status()).toBe(401);
    expect(old.headers()['content-type']).toContain('application/problem+json');
    const burst = await Promise.all([1, 2, 3, 4, 5, 6].map((k) => post(token, k)));
    expect(burst.map((r) => r.status())).toEqual([200, 200, 200, 200, 200, 200]);

    // The dispatcher sees one open alert for the device, with its order, and opens it.
    const dispatcher = await open('dispatcher');
    const alertRow = dispatcher.getByTestId('telemetry-alerts').locator('tr', { hasText: serial });
    await expect
      .poll(
        async () => {
          await dispatcher.goto(`${people.app.url}/telemetry`);
          await dispatcher.getByTestId('telemetry-alerts').waitFor(POLL);
          return alertRow.getByTestId('telemetry-alert-order').count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    expect(await alertRow.count()).toBe(1);
    await shot(dispatcher, 'telemetry-alerts-zh');
    const alerts = await manager<{ items: Array<{ count: number; workOrderNumber: string }> }>(
      'GET',
      `/api/v1/telemetry/alerts?deviceId=${registered.device.id}`,
    );
    expect(alerts.items).toHaveLength(1);
    expect(alerts.items[0]!.count).toBe(6);
    const number = alerts.items[0]!.workOrderNumber;
    await alertRow.getByTestId('telemetry-alert-order').click();
    await dispatcher.getByTestId('wo-detail').waitFor(POLL);
    await dispatcher.getByText(number).first().waitFor(POLL);
    await dispatcher.getByText(`故障码：${code}`).first().waitFor(POLL);
    await shot(dispatcher, 'telemetry-order-zh');

    // The same page in English.
    await dispatcher.goto(`${people.app.url}/telemetry`);
    await dispatcher.getByTestId('locale-switch').click();
    await dispatcher.getByTestId('locale-en-US').click();
    await dispatcher.getByText('Equipment alerts').first().waitFor(POLL);
    await alertRow.waitFor(POLL);
    await shot(dispatcher, 'telemetry-alerts-en');
    await dispatcher.getByRole('tab', { name: 'Alert rules' }).click();
    await dispatcher.getByTestId('telemetry-rules').locator('tr', { hasText: code }).waitFor(POLL);
    await dispatcher.waitForTimeout(600); // the tab's slide-in
    await shot(dispatcher, 'telemetry-rules-en');
    expect(errors).toEqual([]);
  }, 400_000);
});
