import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiAs,
  beijingDate,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  workThrough,
  type Api,
  type Caller,
} from '../factories.ts';
import { pickDate, shot, usePeople } from '../harness.ts';

// RMA cases (issue #14) against the real 三包 engine (modules/warranty): the remedies allowed are
// its verdicts on data this journey makes, never the day's demo data.
const POLL = { timeout: 20_000 };
const OUTLET = 'GD001';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);

interface RmaCase {
  id: string;
  number: string;
  status: string;
  version: number;
  evaluation: { remedies: { remedy: string; allowed: boolean; rule: string }[] };
  refundFen: number | null;
  newSerial: string | null;
}

/** A product of a new customer in GD001's area, bought `daysAgo` days ago (Beijing). */
async function product(admin: Api, daysAgo: number): Promise<Caller> {
  const where = await coverageOf(admin, OUTLET);
  const caller = await createCaller(admin, where);
  const serial = `${caller.serial}R`;
  const p = await admin<{ id: string }>('POST', `/api/v1/customers/${caller.customerId}/products`, {
    modelId: caller.modelId,
    serial,
    purchaseDate: beijingDate(-daysAgo),
  });
  return { ...caller, productId: p.id, serial };
}

/** Opens the case's drawer from the workbench and takes one action through its dialog. */
async function act(page: Page, action: string, fill?: (p: Page) => Promise<void>) {
  await page.getByTestId(`rma-action-${action}`).click(POLL);
  if (fill) await fill(page);
  await page.getByTestId('rma-action-submit').click();
  await page.getByTestId(`rma-action-${action}`).waitFor({ state: 'detached', ...POLL });
}

async function inspectWithPhoto(page: Page, caseId: string) {
  await act(page, 'start_inspection');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('rma-photo-upload').click();
  await (await chooser).setFiles({ name: '检测.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await page.locator(`[data-testid="rma-photos"] img[src*="${caseId}"]`).first().waitFor(POLL);
}

const people = usePeople();
const { errors } = people;
const open = (username: string) => people.open(username);
const requestContext = () => people.requestContext();

describe('RMA', () => {
  it('(a) a 7-day return: requested from the work order, allowed by the engine, inspected with a photo, refunded and closed', async () => {
    const admin = await apiAs(await requestContext(), people.app.url, 'admin');
    const agentApi = await apiAs(await requestContext(), people.app.url, 'agent');
    const caller = await product(admin, 3);
    const order = await createRepairAwaitingDispatch(agentApi, caller);

    // --- the agent asks for the refund from the work order (a performance fault within 7 days)
    const agent = await open('agent');
    await agent.goto(`${people.app.url}/workorders/${order.id}`);
    await agent.getByTestId('rma-request-open').click(POLL);
    await agent.getByRole('radio', { name: '退货' }).check();
    await agent.getByTestId('rma-remedy').click();
    await agent
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '退货退款' })
      .click();
    await agent.getByRole('switch').click();
    await agent.getByTestId('rma-description').fill('购买三天，压缩机不启动');
    await agent.getByTestId('rma-request-submit').click();
    await agent.getByText(/已创建退换货单 RM/).waitFor(POLL);
    const cases = await admin<{ items: RmaCase[] }>('GET', `/api/v1/rma?orderId=${order.id}`);
    expect(cases.items).toHaveLength(1);
    const created = cases.items[0]!;
    expect(created.status).toBe('eligible');

    // --- the workbench: inspection with a photo, approval, pick-up, refund, closing
    const desk = await open('admin');
    await desk.goto(`${people.app.url}/rma?case=${created.id}`);
    await desk.getByTestId('rma-evaluation').waitFor(POLL);
    await inspectWithPhoto(desk, created.id);
    await act(desk, 'approve', (p) => p.getByTestId('rma-findings').fill('压缩机启动电容失效，确认性能故障'));
    await act(desk, 'ship', async (p) => {
      await p.getByTestId('rma-pickup-carrier').fill('顺丰速运');
      await p.getByTestId('rma-pickup-tracking').fill('SF9988776655');
      await pickDate(p, 'rma-picked-up-on', beijingDate(0));
    });
    await act(desk, 'record_refund', async (p) => {
      await p.getByTestId('rma-refund').fill('1999');
      await pickDate(p, 'rma-refunded-on', beijingDate(0));
    });
    await act(desk, 'close', async (p) => {
      await p.getByTestId('rma-responsible').click();
      await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '生产者' }).click();
    });
    await desk.getByTestId('rma-drawer').getByText('已结案').waitFor(POLL);
    await shot(desk, 'rma-return-closed');
    const done = await admin<RmaCase>('GET', `/api/v1/rma/${created.id}`);
    expect(done).toMatchObject({ status: 'closed', refundFen: 199_900 });
    expect(errors).toEqual([]);
  });

  it('(b) an exchange after two failed repairs: the engine allows it, the new unit is dispatched and recorded', async () => {
    const admin = await apiAs(await requestContext(), people.app.url, 'admin');
    const agentApi = await apiAs(await requestContext(), people.app.url, 'agent');
    const where = await coverageOf(admin, OUTLET);
    const caller = await product(admin, 60);
    // Two repairs of the same fault, both done.
    for (let i = 0; i < 2; i++)
      await workThrough(admin, (await createRepairAwaitingDispatch(agentApi, caller)).id, where.outletId);
    const third = await createRepairAwaitingDispatch(agentApi, caller);

    const created = await admin<RmaCase>('POST', '/api/v1/rma', {
      kind: 'exchange',
      remedy: 'exchange',
      installedProductId: caller.productId,
      orderId: third.id,
      performanceFault: true,
      cause: 'repeated_repair_failure',
      description: '两次修理后仍不制冷',
    });
    expect(created.status).toBe('eligible');
    expect(created.evaluation.remedies.find((r) => r.remedy === 'exchange')?.allowed).toBe(true);

    const desk = await open('admin');
    await desk.goto(`${people.app.url}/rma?case=${created.id}`);
    await desk.getByTestId('rma-evaluation').waitFor(POLL);
    await inspectWithPhoto(desk, created.id);
    await act(desk, 'approve', (p) => p.getByTestId('rma-findings').fill('第三次同一故障'));
    await act(desk, 'ship', async (p) => {
      await p.getByTestId('rma-pickup-carrier').fill('德邦物流');
      await p.getByTestId('rma-pickup-tracking').fill('DB1200');
      await pickDate(p, 'rma-picked-up-on', beijingDate(0));
      await p.getByTestId('rma-dispatch-carrier').fill('德邦物流');
      await p.getByTestId('rma-dispatch-tracking').fill('DB1201');
      await pickDate(p, 'rma-dispatched-on', beijingDate(0));
    });
    await act(desk, 'record_exchange', async (p) => {
      await p.getByTestId('rma-new-serial').fill(`${caller.serial}-NEW`);
      await pickDate(p, 'rma-exchanged-on', beijingDate(0));
    });
    await desk.getByTestId('rma-drawer').getByText('已换新').first().waitFor(POLL);
    await shot(desk, 'rma-exchange-done');
    const done = await admin<RmaCase>('GET', `/api/v1/rma/${created.id}`);
    expect(done).toMatchObject({ status: 'exchanged', newSerial: `${caller.serial}-NEW` });
    expect(errors).toEqual([]);
  });
});
