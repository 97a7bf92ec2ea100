// The technician's phone app without network (issue #22 item 8): the service worker keeps the app
// shell and the day's jobs, so a reload in a basement still shows the job list and the job; a step
// done offline is queued on the phone and reaches the server once the network returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fieldworkZhCN } from '../../apps/web/src/features/fieldwork/locales/zh-CN.ts';
import {
  apiAs,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  dispatchAndAccept,
  scheduleFirstFree,
  type Api,
  type Order,
} from '../factories.ts';
import { launchBrowser, shot, signIn, startApp, traceApi, type RunningApp } from '../harness.ts';

const POLL = { timeout: 20_000 };
const OUTLET = 'GD001';
const TECHNICIAN = '张伟';

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.stop();
});

/** An API caller with a cookie jar of its own (never the phone's context, which goes offline). */
async function apiFor(username: string): Promise<Api> {
  const context = await browser.newContext();
  contexts.push(context);
  return apiAs(context.request, app.url, username);
}

/** A repair order of this run booked for 张伟 (the first free slot from tomorrow on). */
async function bookedOrder(admin: Api): Promise<Order> {
  const agent = await apiFor('agent');
  const where = await coverageOf(admin, OUTLET, TECHNICIAN);
  const waiting = await createRepairAwaitingDispatch(agent, await createCaller(admin, where));
  const accepted = await dispatchAndAccept(admin, waiting.id, where.outletId);
  const { order } = await scheduleFirstFree(admin, accepted, TECHNICIAN);
  return order;
}

/** Waits until the page is controlled by an activated service worker (its precache complete). */
async function controlledBySw(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
}

/** Shows the order's card in the list (booked from tomorrow on, it is under 待上门 later). */
async function jobCard(page: Page, order: Order) {
  await page.getByTestId('field-jobs').waitFor(POLL);
  const card = page.getByTestId(`job-card-${order.number}`);
  await page.getByTestId('jobs-tab-today').waitFor(POLL);
  if (!(await card.isVisible())) await page.getByTestId('jobs-tab-upcoming').click();
  await card.waitFor(POLL);
  return card;
}

describe('technician offline', () => {
  it('reloads the job list with the network off, queues a step and sends it when back online', async () => {
    const admin = await apiFor('admin');
    const order = await bookedOrder(admin);
    const serverStatus = async () => (await admin<Order>('GET', `/api/v1/work-orders/${order.id}`)).status;

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      geolocation: { latitude: 23.13, longitude: 113.26 },
      permissions: ['geolocation'],
    });
    contexts.push(context);
    const phone = await context.newPage();
    traceApi(phone, app);
    phone.on('pageerror', (e) => errors.push(e.message));
    await signIn(phone, app.url, 'technician');

    // --- online: the app installs its service worker; the list and the job pass through it once
    await phone.goto(`${app.url}/m/jobs`);
    await jobCard(phone, order);
    expect(await phone.locator('link[rel="manifest"]').getAttribute('href')).toBe('/m/manifest.webmanifest');
    await controlledBySw(phone);
    await phone.reload();
    await (await jobCard(phone, order)).click();
    await phone.getByTestId('field-job').waitFor(POLL);
    await phone.goBack();
    await jobCard(phone, order);

    // --- offline: a reload still shows the job list and the job
    await context.setOffline(true);
    await phone.reload();
    const card = await jobCard(phone, order);
    await shot(phone, 'offline-jobs');
    await card.click();
    const job = phone.getByTestId('field-job');
    await job.waitFor(POLL);
    expect(await job.getAttribute('data-status')).toBe('scheduled');

    // --- a step done offline is queued on the phone, not sent
    await phone.getByTestId('job-depart').click();
    await phone.getByText(fieldworkZhCN.queued).first().waitFor(POLL);
    await phone.getByTestId('job-pending-sync').waitFor(POLL);
    expect(await serverStatus()).toBe('scheduled');

    // --- the queue survives another offline reload
    await phone.reload();
    await phone.getByTestId('job-pending-sync').waitFor(POLL);
    await shot(phone, 'offline-job-queued');

    // --- back online: the queued step reaches the server, once
    await context.setOffline(false);
    await expect.poll(serverStatus, POLL).toBe('departed');
    await phone.getByTestId('job-pending-sync').waitFor({ state: 'detached', ...POLL });
    await expect.poll(async () => job.getAttribute('data-status'), POLL).toBe('departed');
    expect(errors).toEqual([]);
  });
});
