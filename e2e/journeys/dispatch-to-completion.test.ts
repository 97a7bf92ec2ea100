import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { workordersZhCN } from '../../apps/web/src/features/workorders/locales/zh-CN.ts';
import {
  apiAs,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  dispatchAndAccept,
  move,
  type Order,
} from '../factories.ts';
import {
  drawSignature,
  launchBrowser,
  shot,
  signIn,
  startApp,
  traceApi,
  type RunningApp,
} from '../harness.ts';

const PHOTO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/fault-photo.jpg');
/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 20_000 };
const OUTLET = 'GD001';
const TECHNICIAN = '张伟';

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

async function open(
  username: string,
  viewport = { width: 1366, height: 800 },
  extra: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...extra,
  });
  contexts.push(context);
  const page = await context.newPage();
  traceApi(page, app);
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await signIn(page, app.url, username);
  return page;
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.stop();
});

/**
 * A new repair order waiting for dispatch that outlet GD001 may take and whose category the demo
 * technician 张伟 is skilled in: a customer in one of GD001's districts with a product of such a
 * category, registered by the agent. Nothing is picked from the day's demo orders.
 */
async function newOrder(): Promise<Order> {
  const admin = await apiAs(await requestContext(), app.url, 'admin');
  const agent = await apiAs(await requestContext(), app.url, 'agent');
  const where = await coverageOf(admin, OUTLET, TECHNICIAN);
  const caller = await createCaller(admin, where);
  // Critical: the board can be filtered down to it, however long the day's queue is.
  return createRepairAwaitingDispatch(agent, caller, 'critical');
}

/** A cookie jar of its own, so API sessions do not replace the pages' sessions. */
async function requestContext() {
  const context = await browser.newContext();
  contexts.push(context);
  return context.request;
}

/**
 * The demo technician is busy (the seed books him today and tomorrow): walk the drawer's visit slots,
 * day by day, until the suggestions show him free, as an outlet manager would.
 */
async function findFreeSlot(manager: Page, tech: ReturnType<Page['getByTestId']>): Promise<boolean> {
  const drawer = manager.getByTestId('assign-drawer');
  const dateInput = drawer.locator('.ant-picker input');
  const slots = manager.getByTestId('assign-slot').locator('.ant-segmented-item');
  const settled = () => expect.poll(() => drawer.locator('.ant-spin-spinning').count(), POLL).toBe(0);
  // Up to three weeks ahead: 春节 and 国庆 close a week, and the calendar keeps him off on holidays.
  for (let day = 0; day < 21; day++) {
    if (day > 0) {
      const next = new Date(`${await dateInput.inputValue()}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      await dateInput.click();
      await dateInput.fill(next.toISOString().slice(0, 10));
      await dateInput.press('Enter');
    }
    for (let i = 0; i < (await slots.count()); i++) {
      await slots.nth(i).click();
      await manager.waitForTimeout(250);
      await settled();
      if ((await tech.getAttribute('data-eligible')) === 'true') return true;
    }
  }
  return false;
}

interface Slots {
  dates: string[];
  slots: { start: string; end: string }[];
  technicians: { name: string; technicianId: string; cells: { state: string }[][] }[];
}

/**
 * Picks 张伟's first free visit slot as the manager would: a click on the drawer's free-slot
 * calendar when it falls within the days it shows, else by walking the date and slot pickers.
 * Returns the window picked (the API's calendar, by the same rules, says which one it is).
 */
async function pickFree(manager: Page, orderId: string) {
  const res = await manager.request.get(`${app.url}/api/v1/work-orders/${orderId}/technician-slots`, {
    params: { days: 14 },
  });
  expect(res.ok()).toBe(true);
  const cal = (await res.json()) as Slots;
  const row = cal.technicians.find((t) => t.name === TECHNICIAN)!;
  const di = row.cells.findIndex((d) => d.some((c) => c.state === 'free'));
  const si = di >= 0 ? row.cells[di]!.findIndex((c) => c.state === 'free') : -1;
  const drawer = manager.getByTestId('assign-drawer');
  const cell = drawer.getByTestId(`slot-${TECHNICIAN}-${cal.dates[di]}-${cal.slots[si]?.start}`);
  if (di >= 0 && (await cell.count())) {
    // The calendar refreshes after a refusal: wait until it shows the cell free too.
    await expect.poll(() => cell.getAttribute('data-state'), POLL).toBe('free');
    await cell.click();
  } else {
    const tech = drawer.getByTestId(`assign-tech-${TECHNICIAN}`);
    expect(await findFreeSlot(manager, tech), `${TECHNICIAN} has a free slot in the coming days`).toBe(true);
    await tech.click();
  }
  expect(di, `${TECHNICIAN} has a free slot in the next 14 days`).toBeGreaterThanOrEqual(0);
  const at = (hhmm: string) => new Date(`${cal.dates[di]}T${hhmm}:00+08:00`).toISOString();
  return { start: at(cal.slots[si]!.start), end: at(cal.slots[si]!.end) };
}

const statusOf = async (page: Page, id: string) =>
  (await (await page.request.get(`${app.url}/api/v1/work-orders/${id}`)).json()) as {
    status: string;
    technicianId: string | null;
  };

describe('dispatch to completion', () => {
  it('dispatcher dispatches by the ranking, the outlet accepts and assigns, the technician completes on a phone', async () => {
    // --- the dispatcher sends the order to GD001 from the ranking drawer
    const dispatcher = await open('dispatcher');
    const order = await newOrder();
    await dispatcher.goto(`${app.url}/dispatch`);
    await dispatcher.getByTestId('dispatch-filter-urgency').click();
    await dispatcher
      .locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: workordersZhCN.urgency.critical,
      })
      .first()
      .click();
    const row = dispatcher.getByTestId(`dispatch-row-${order.number}`);
    await row.waitFor(POLL);
    await row.getByTestId('dispatch-rank-open').click();
    const candidate = dispatcher.getByTestId(`dispatch-rank-item-${OUTLET}`);
    await candidate.waitFor(POLL);
    expect(await candidate.getAttribute('data-eligible')).toBe('yes');
    await shot(dispatcher, 'dispatch-ranking');
    await dispatcher.getByTestId(`dispatch-rank-dispatch-${OUTLET}`).click();
    await dispatcher.getByTestId(`dispatch-offer-${order.number}`).waitFor(POLL);
    await shot(dispatcher, 'dispatch-board');

    // --- outlet B's manager can neither see nor change it (API and UI)
    const other = await open('outlet_manager2');
    expect((await other.request.get(`${app.url}/api/v1/work-orders/${order.id}`)).status()).toBe(404);
    await other.goto(`${app.url}/workorders/${order.id}`);
    await other.getByText(workordersZhCN.detail.notFound).waitFor(POLL);
    await other.goto(`${app.url}/outlet`);
    await other.getByTestId('outlet-desk').waitFor(POLL);
    expect(await other.getByTestId(`offer-row-${order.number}`).count()).toBe(0);

    // --- the outlet manager accepts and assigns 张伟 in a free slot
    const manager = await open('outlet_manager');
    await manager.goto(`${app.url}/outlet`);
    await manager.getByTestId(`offer-accept-${order.number}`).click(POLL);
    const assignOpen = manager.getByTestId(`assign-open-${order.number}`);
    await assignOpen.waitFor(POLL);
    await assignOpen.click();
    await manager.getByTestId('assign-drawer').waitFor(POLL);
    await manager.getByTestId(`assign-tech-${TECHNICIAN}`).waitFor(POLL);
    await manager.getByTestId('slot-calendar').waitFor(POLL);
    await shot(manager, 'outlet-assign-calendar');
    const window = await pickFree(manager, order.id);

    // Meanwhile the same slot is booked for 张伟 elsewhere: the one-step assignment is refused
    // whole (the order stays accepted with no technician) and the message names the other order.
    const admin = await apiAs(await requestContext(), app.url, 'admin');
    const { outletId } = await coverageOf(admin, OUTLET, TECHNICIAN);
    const rival = await dispatchAndAccept(admin, (await newOrder()).id, outletId);
    const tech = await admin<{ items: { technicianId: string; name: string }[] }>(
      'GET',
      `/api/v1/work-orders/${rival.id}/technician-suggestions`,
    );
    const zhang = tech.items.find((t) => t.name === TECHNICIAN)!.technicianId;
    await move(admin, rival, 'scheduled', { technicianId: zhang, appointment: window });
    await manager.getByTestId('assign-confirm').click();
    const refused = manager.getByTestId('assign-error');
    await refused.waitFor(POLL);
    expect(await refused.textContent()).toContain(rival.number);
    await shot(manager, 'outlet-assign-refused');
    expect(await statusOf(manager, order.id)).toMatchObject({
      status: 'outlet_accepted',
      technicianId: null,
    });

    // Another free slot goes through.
    await pickFree(manager, order.id);
    await shot(manager, 'outlet-assign');
    await manager.getByTestId('assign-confirm').click();
    await expect.poll(async () => (await statusOf(manager, order.id)).status, POLL).toBe('scheduled');

    // --- the technician works the job at phone size
    const phone = await open(
      'technician',
      { width: 390, height: 844 },
      { geolocation: { latitude: 23.13, longitude: 113.26 }, permissions: ['geolocation'], hasTouch: false },
    );
    await phone.goto(`${app.url}/m/jobs`);
    await phone.getByTestId('field-jobs').waitFor(POLL);
    const card = phone.getByTestId(`job-card-${order.number}`);
    if (!(await card.isVisible())) await phone.getByTestId('jobs-tab-upcoming').click();
    await card.click(POLL);
    const job = phone.getByTestId('field-job');
    await job.waitFor(POLL);
    const status = async () => job.getAttribute('data-status');
    await phone.getByTestId('job-depart').click();
    await expect.poll(status, POLL).toBe('departed');
    await phone.getByTestId('job-arrive').click();
    await expect.poll(status, POLL).toBe('arrived');
    await phone.getByTestId('job-arrived-at').waitFor(POLL);
    await phone.getByTestId('job-start').click();
    await expect.poll(status, POLL).toBe('in_progress');

    await phone.getByTestId('diag-findings').fill('压缩机启动电容鼓包，更换后试机正常');
    await phone.getByTestId('diag-submit').click();
    await phone.getByTestId('work-done').fill('更换启动电容，清洁冷凝器，试机 30 分钟');
    await phone.getByTestId('work-submit').click();
    await phone.getByTestId('photo-input-after').setInputFiles(PHOTO);
    await phone.getByTestId('photo-after').first().waitFor(POLL);

    await drawSignature(phone);
    await phone.getByTestId('signature-image').waitFor(POLL);

    await phone.getByTestId('result-fixed').click();
    await phone.getByTestId('result-submit').click();
    await shot(phone, 'technician-job');
    const withSignature = phone.getByTestId('complete-with-signature');
    await expect.poll(() => withSignature.isEnabled(), POLL).toBe(true);
    await withSignature.click();
    // Completing without the customer's code asks once before it happens.
    await phone.getByTestId('complete-with-signature-ok').click();
    await phone.getByTestId('job-done').waitFor(POLL);
    await shot(phone, 'technician-done');

    // --- the order stands in 待回访, with its proof of service visible to the centre
    // (the completion's outbox message hands it to 待回访 right after commit)
    const statusNow = async () =>
      (
        (await (await dispatcher.request.get(`${app.url}/api/v1/work-orders/${order.id}`)).json()) as {
          status: string;
        }
      ).status;
    await expect.poll(statusNow, POLL).toBe('awaiting_callback');
    await dispatcher.goto(`${app.url}/workorders/${order.id}`);
    await dispatcher.getByTestId('proof-panel').first().waitFor(POLL);
    await dispatcher.getByTestId('flag-signature_only').waitFor(POLL);
    await shot(dispatcher, 'order-proof');

    expect(errors).toEqual([]);
  });
});
