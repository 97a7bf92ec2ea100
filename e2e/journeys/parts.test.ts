import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiAs,
  beijingDate,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  dispatchAndAccept,
  move,
  scheduleFirstFree,
  uniqueSuffix,
  type Api,
  type Order,
} from '../factories.ts';
import { drawSignature, shot, usePeople } from '../harness.ts';
import { stockZhCN } from '../../apps/web/src/features/parts/locales/stock.zh-CN.ts';

const POLL = { timeout: 20_000 };
const OUTLET = 'GD001';
const TECHNICIAN = '张伟';

/** Confirms the open Ant Design pop-confirm (its primary button). */
async function popConfirm(page: Page): Promise<void> {
  await page.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').click();
}

/**
 * An order of GD001 on site with 张伟 (in progress), made for this journey: a new customer of the
 * outlet's area with a new model, and a catalogue part that fits only that model, stocked at HQ.
 * The part costs 250 元, above the default approval threshold (200 元), so it needs a signature.
 */
async function setUp(admin: Api, agent: Api) {
  const where = await coverageOf(admin, OUTLET, TECHNICIAN);
  const caller = await createCaller(admin, where);
  const created = await createRepairAwaitingDispatch(agent, caller);
  let { order } = await scheduleFirstFree(
    admin,
    await dispatchAndAccept(admin, created.id, where.outletId),
    TECHNICIAN,
  );
  for (const to of ['departed', 'arrived', 'in_progress']) order = await move(admin, order, to);
  const code = `E2E-STARTER-${uniqueSuffix()}`;
  const item = await admin<{ id: string; code: string }>('POST', '/api/v1/parts/items', {
    code,
    nameZh: '压缩机启动器',
    kind: 'part',
    partClass: 'compressor',
    serialized: true,
    listPriceFen: 38_000,
    costPriceFen: 25_000,
    warrantyClaimable: true,
    modelIds: [caller.modelId],
  });
  await admin('POST', '/api/v1/parts/stock/receive', {
    locationId: 'loc-hq',
    lines: [{ itemId: item.id, qty: 3 }],
  });
  return { order, item, outletId: where.outletId };
}

const statusOf = async (api: Api, o: Order) =>
  (await api<Order>('GET', `/api/v1/work-orders/${o.id}`)).status;

const people = usePeople();
const { errors } = people;
const open = (username: string, viewport?: { width: number; height: number }) =>
  people.open(username, viewport ? { viewport } : {});
const requestContext = () => people.requestContext();

describe('spare parts', () => {
  it('a technician requests a part, the warehouse approves with a signature and ships it to the van, it is used at completion, the old part comes back, passes inspection and is paid on the outlet statement', async () => {
    const admin = await apiAs(await requestContext(), people.app.url, 'admin');
    const agent = await apiAs(await requestContext(), people.app.url, 'agent');
    const { order, item, outletId } = await setUp(admin, agent);

    // --- the technician, on site, requests the part from HQ on the phone: the order waits (待件)
    const phone = await open('technician', { width: 390, height: 844 });
    await phone.goto(`${people.app.url}/m/jobs/${order.id}`);
    await phone.getByTestId('job-parts').waitFor(POLL);
    await phone.getByTestId('job-parts-add').click();
    await phone.getByTestId('parts-pick-search').fill(item.code);
    await phone.getByTestId(`parts-pick-${item.code}`).click(POLL);
    await phone.getByTestId('pick-request').click();
    await popConfirm(phone);
    await expect.poll(() => statusOf(admin, order), POLL).toBe('awaiting_parts');
    await phone.getByTestId('job-parts-list').waitFor(POLL);
    await shot(phone, 'parts-technician-requested');
    const [request] = (
      await admin<{ items: Array<{ id: string; number: string; status: string; approvalReason: string }> }>(
        'GET',
        `/api/v1/parts/requests?orderId=${order.id}`,
      )
    ).items;
    expect(request).toMatchObject({ status: 'pending_approval', approvalReason: 'value' });

    // --- the warehouse approves it with a drawn signature and ships it with a tracking number
    const warehouse = await open('warehouse');
    await warehouse.goto(`${people.app.url}/parts?tab=approvals`);
    await warehouse.getByTestId(`parts-approve-${request!.number}`).click(POLL);
    await drawSignature(warehouse);
    await warehouse.getByTestId('parts-approve-signature').waitFor(POLL);
    await shot(warehouse, 'parts-approve');
    await warehouse.getByTestId('parts-approve-submit').click();
    await warehouse.goto(`${people.app.url}/parts?tab=shipping`);
    await warehouse.getByTestId(`parts-ship-${request!.number}`).click(POLL);
    await warehouse.getByTestId('parts-ship-carrier').fill('顺丰');
    await warehouse.getByTestId('parts-ship-tracking').fill('SF1234567890');
    await warehouse.getByTestId('parts-ship-submit').click();
    await expect
      .poll(
        async () => (await admin<{ status: string }>('GET', `/api/v1/parts/requests/${request!.id}`)).status,
        POLL,
      )
      .toBe('shipped');

    // --- the technician confirms receipt into the van, resumes, and records the part used
    await phone.reload();
    await phone.getByTestId(`request-receive-${request!.id}`).click(POLL);
    await popConfirm(phone);
    await expect
      .poll(
        async () => (await admin<{ status: string }>('GET', `/api/v1/parts/requests/${request!.id}`)).status,
        POLL,
      )
      .toBe('received');
    await phone.getByTestId('job-start').click(POLL);
    await expect.poll(() => statusOf(admin, order), POLL).toBe('in_progress');
    const parts = await admin<{ usages: Array<{ id: string; status: string }> }>(
      'GET',
      `/api/v1/parts/orders/${order.id}`,
    );
    const usage = parts.usages[0]!;
    // Completion is refused while the part is reserved and not confirmed used.
    const early = await admin<{ code?: string }>('POST', `/api/v1/work-orders/${order.id}/transitions`, {
      to: 'completed',
      version: (await admin<Order>('GET', `/api/v1/work-orders/${order.id}`)).version,
    }).catch((e: Error) => ({ code: e.message }));
    expect(JSON.stringify(early)).toContain('parts.unconsumed_reservations');
    await phone.getByTestId(`consume-new-${usage.id}`).fill('NEW-SN-0001');
    await phone.getByTestId(`consume-old-${usage.id}`).fill('OLD-SN-0001');
    await phone.getByTestId('consume-submit').click();
    await expect
      .poll(
        async () =>
          (await admin<{ usages: Array<{ status: string }> }>('GET', `/api/v1/parts/orders/${order.id}`))
            .usages[0]?.status,
        POLL,
      )
      .toBe('consumed');
    await shot(phone, 'parts-technician-consumed');
    let done = await admin<Order>('GET', `/api/v1/work-orders/${order.id}`);
    done = await move(admin, done, 'completed');
    expect(done.status).toBe('completed');

    // --- the outlet manager sends the old part back to HQ
    const manager = await open('outlet_manager');
    await manager.goto(`${people.app.url}/parts?tab=outlet`);
    const old = (
      await admin<{ items: Array<{ id: string; orderId: string }> }>(
        'GET',
        `/api/v1/parts/old-parts?outletId=${outletId}`,
      )
    ).items.find((r) => r.orderId === order.id)!;
    expect(old).toBeTruthy();
    await manager.getByRole('tab', { name: stockZhCN.outlet.oldParts }).click(POLL);
    await manager.getByTestId(`parts-old-select-${old.id}`).check(POLL);
    await manager.getByTestId('parts-old-ship').click();
    await manager.getByTestId('parts-old-carrier').fill('顺丰');
    await manager.getByTestId('parts-old-tracking').fill('SF0987654321');
    await manager.getByTestId('parts-old-ship-ok').click();
    const oldStatus = async () =>
      (
        await admin<{ items: Array<{ id: string; status: string }> }>(
          'GET',
          `/api/v1/parts/old-parts?outletId=${outletId}`,
        )
      ).items.find((r) => r.id === old.id)?.status;
    await expect.poll(oldStatus, POLL).toBe('in_transit');

    // --- the warehouse receives and inspects it: passed
    await warehouse.goto(`${people.app.url}/parts?tab=old-parts`);
    await warehouse.getByTestId('parts-old-status-all').click(POLL);
    await warehouse.getByTestId(`parts-old-receive-${old.id}`).click(POLL);
    await expect.poll(oldStatus, POLL).toBe('received');
    await warehouse.getByTestId(`parts-old-pass-${old.id}`).click(POLL);
    await warehouse.getByTestId('parts-old-pass-confirm').click();
    await expect.poll(oldStatus, POLL).toBe('passed');
    await shot(warehouse, 'parts-old-parts');

    // --- finance generates GD001's statement for the month: the claim is a line of its own
    const month = beijingDate().slice(0, 7);
    const finance = await open('finance');
    const financeApi = await apiAs(finance.request, people.app.url, 'finance');
    await financeApi('POST', '/api/v1/settlement/statements', { month, outletId });
    await finance.goto(`${people.app.url}/settlement?month=${month}`);
    await finance.getByTestId(`stl-open-${OUTLET}`).click(POLL);
    const claim = finance.locator('tr[data-kind="fee"]', { hasText: '压缩机启动器' }).first();
    await claim.waitFor(POLL);
    await claim.scrollIntoViewIfNeeded();
    await shot(finance, 'parts-claim-on-statement');
    expect(errors).toEqual([]);
  });
});
