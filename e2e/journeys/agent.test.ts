import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { workordersZhCN } from '../../apps/web/src/features/workorders/locales/zh-CN.ts';
import { apiAs, coverageOf, createCaller } from '../factories.ts';
import { launchBrowser, shot, signIn, startApp, traceApi, type RunningApp } from '../harness.ts';

const PHOTO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/fault-photo.jpg');

interface Product {
  id: string;
  serial: string;
  brand: string;
  modelName: string;
  warranty: { status: string };
}
interface LookupItem {
  id: string;
  name: string;
  phones: Array<{ phone: string; masked: boolean; isPrimary: boolean }>;
  products: Product[];
  orders: { open: number; total: number } | null;
}

/** Server round trips under a loaded CI box: poll longer than vitest's 1 s default. */
const POLL = { timeout: 15_000 };

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 1366, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  traceApi(page, app);
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

/**
 * A caller to phone in, created for this journey by the admin over the API: a new customer in one
 * of GD001's districts whose number finds exactly them, with a product bought 30 days ago (in
 * warranty on any date). Read back with the agent's own browser session, as the console sees it.
 */
async function findCaller(): Promise<{ customer: LookupItem; phone: string; product: Product }> {
  const adminContext = await browser.newContext();
  const admin = await apiAs(adminContext.request, app.url, 'admin');
  const created = await createCaller(admin, { ...(await coverageOf(admin, 'GD001')), name: '周建华' });
  await adminContext.close();
  const found = await page.request.get(`${app.url}/api/v1/customers/lookup`, {
    params: { q: created.phone },
  });
  expect(found.ok()).toBe(true);
  const { items } = (await found.json()) as { items: LookupItem[] };
  expect(items.map((c) => c.id)).toEqual([created.customerId]);
  const product = items[0]!.products.find((p) => p.id === created.productId)!;
  expect(product.warranty.status).toBe('in_warranty');
  return { customer: items[0]!, phone: created.phone, product };
}

/** Types the caller's number and waits for their card. */
async function identify(phone: string, name: string): Promise<void> {
  const caller = page.getByTestId('caller-number');
  await caller.fill(phone);
  await caller.press('Enter');
  await page.getByTestId('customer-panel').waitFor();
  await expect.poll(() => page.getByTestId('customer-name').textContent(), POLL).toBe(name);
  await page.getByTestId('order-form').waitFor();
}

/** Picks the product in the order form by its serial. */
async function chooseProduct(serial: string): Promise<void> {
  await page.getByTestId('order-product').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: serial })
    .click();
  await expect.poll(() => page.getByTestId('order-product').textContent(), POLL).toContain(serial);
}

/** Full-page shot from the top, so the sticky header and sider are drawn where they belong. */
async function snap(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

const created = { repair: { id: '', number: '' }, remote: { id: '', number: '' } };
let caller: Awaited<ReturnType<typeof findCaller>>;

describe('agent console', () => {
  it('identifies a caller by phone and shows their products and warranty', async () => {
    await signIn(page, app.url, 'agent');
    caller = await findCaller();
    await page.getByTestId('nav-agent-console').click();
    await page.getByTestId('caller-number').waitFor();
    expect(new URL(page.url()).pathname).toBe('/agent');

    await identify(caller.phone, caller.customer.name);
    const products = page.getByTestId('customer-product');
    await expect.poll(() => products.count(), POLL).toBe(caller.customer.products.length);
    const row = products.filter({ hasText: caller.product.serial });
    expect(await row.getByTestId('warranty-badge').getAttribute('data-status')).toBe('in_warranty');
    for (const p of caller.customer.products) {
      expect(
        await products
          .filter({ hasText: p.serial })
          .getByTestId('warranty-badge')
          .getAttribute('data-status'),
      ).toBe(p.warranty.status);
    }
    await snap('agent-01-caller-identified');
  });

  it('registers a repair order and attaches a photo to it', async () => {
    await page.getByTestId('order-type-repair').click();
    await chooseProduct(caller.product.serial);
    await page.getByTestId('order-description').fill('运行时异响并显示故障码 E4，客户已断电重启仍无改善。');
    await page.getByTestId('order-add-window').click();
    await page.getByTestId('order-window-slot-0').getByText('下午').click();
    await snap('agent-02-repair-form');

    const posted = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/work-orders' && r.request().method() === 'POST',
    );
    await page.getByTestId('order-submit').click();
    const res = await posted;
    expect(res.status()).toBe(201);
    const body = (await res.json()) as {
      order: { id: string; number: string; status: string; type: string };
    };
    expect(body.order).toMatchObject({ type: 'repair', status: 'awaiting_dispatch' });

    const banner = page.getByTestId('order-created');
    const number = banner.getByTestId('order-created-number');
    await number.waitFor();
    expect(await number.textContent()).toBe(body.order.number);
    expect(body.order.number).toMatch(/^WX\d{8}-\d{4}$/);
    expect(await banner.getByTestId('wo-status').getAttribute('data-status')).toBe('awaiting_dispatch');
    created.repair = { id: body.order.id, number: body.order.number };
    // Ready for the next call.
    expect(await page.getByTestId('caller-number').inputValue()).toBe('');

    // The photo, through the banner's uploader (a real file chooser).
    const uploaded = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/v1/work-orders/${created.repair.id}/attachments`) &&
        r.request().method() === 'POST',
    );
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      banner.getByTestId('attachment-upload').click(),
    ]);
    await chooser.setFiles(PHOTO);
    expect((await uploaded).status()).toBe(201);
    const link = banner.getByTestId('attachment-link');
    await link.waitFor();
    expect(await link.textContent()).toContain('fault-photo.jpg');
    expect(await banner.getByTestId('attachment-error').count()).toBe(0);
    await snap('agent-03-repair-created');
  });

  it('resolves a second call remotely and moves it on to 待回访', async () => {
    await identify(caller.phone, caller.customer.name);
    await page.getByTestId('order-type-consult').click();
    await chooseProduct(caller.product.serial);
    // The repair just registered is open on this product: the form says so.
    const warning = page.getByTestId('open-order-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(created.repair.number);
    await page.getByTestId('order-description').fill('客户询问面板童锁如何解除。');
    await page.getByTestId('order-remote-resolved').click();
    await page.getByTestId('order-guidance').fill('指导客户长按“童锁”键 3 秒解除，客户确认面板已恢复操作。');
    await snap('agent-04-remote-form');

    const steps: string[] = [];
    const onResponse = (r: { url(): string; request(): { method(): string; postDataJSON(): unknown } }) => {
      if (/\/api\/v1\/work-orders\/[^/]+\/transitions$/.test(new URL(r.url()).pathname))
        steps.push((r.request().postDataJSON() as { to: string }).to);
    };
    page.on('response', onResponse);
    await page.getByTestId('order-submit').click();
    const banner = page.getByTestId('order-created');
    // Created, accepted and resolved in one go: the banner shows the final state.
    await expect
      .poll(() => banner.getByTestId('wo-status').getAttribute('data-status'), POLL)
      .toBe('remote_resolved');
    page.off('response', onResponse);
    expect(steps).toEqual(['accepted', 'remote_resolved']);
    const number = (await banner.getByTestId('order-created-number').textContent()) ?? '';
    expect(number).toMatch(/^ZX\d{8}-\d{4}$/);
    expect(await banner.getByTestId('wo-status').textContent()).toBe(workordersZhCN.status.remote_resolved); // 远程已解决
    await snap('agent-05-remote-resolved');
    // Nothing was attached to this order: its banner must not list the previous order's photo.
    // (Soft, so the rest of the journey still runs and reports.)
    const stale = await banner
      .getByTestId('attachment-link')
      .evaluateAll((els) => els.map((e) => `${e.textContent?.trim()} → ${e.getAttribute('href')}`));
    expect.soft(stale, `attachments listed in the banner of ${number}`).toEqual([]);

    // On to the callback queue from the order's page.
    await banner.getByTestId('order-created-number').click();
    await page.getByTestId('wo-detail').waitFor();
    created.remote = { id: new URL(page.url()).pathname.split('/').at(-1)!, number };
    expect(await page.getByTestId('wo-number').textContent()).toContain(number);
    await page.getByTestId('transition-awaiting_callback').click();
    await page.getByTestId('transition-confirm').click();
    await expect
      .poll(() => page.getByTestId('wo-status').first().getAttribute('data-status'), POLL)
      .toBe('awaiting_callback');
    expect(await page.getByTestId('wo-status').first().textContent()).toBe(
      workordersZhCN.status.awaiting_callback,
    ); // 待回访
    const timeline = await page
      .getByTestId('timeline-entry')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(timeline.filter((t) => t === 'workorder.transitioned')).toHaveLength(3);
    expect(timeline.at(-1)).toBe('workorder.created');
    await snap('agent-06-awaiting-callback');
  });

  it('finds both new orders in the work-orders list', async () => {
    await page.getByTestId('nav-workorders').click();
    await page.getByTestId('wo-table').waitFor();
    const rowOf = (n: string) =>
      page.getByTestId('wo-row').filter({ has: page.getByTestId('wo-row-link').filter({ hasText: n }) });
    // Newest first by default: both are on the first page.
    await rowOf(created.repair.number).waitFor();
    await rowOf(created.remote.number).waitFor();
    expect(await rowOf(created.repair.number).getByTestId('wo-status').getAttribute('data-status')).toBe(
      'awaiting_dispatch',
    );
    expect(await rowOf(created.remote.number).getByTestId('wo-status').getAttribute('data-status')).toBe(
      'awaiting_callback',
    );
    // At 1366–1440 px the list keeps its key columns (number, customer, status, SLA); the product
    // column shows from 1600 px, and the order page has it.
    for (const n of [created.repair.number, created.remote.number])
      expect(await rowOf(n).textContent()).toContain(caller.customer.name);
    await snap('agent-07-list');

    // Searching by number narrows the list to the one order.
    await page.getByTestId('wo-filter-q').fill(created.repair.number);
    await page.getByTestId('wo-filter-apply').click();
    await page.waitForURL((u) => u.searchParams.get('q') === created.repair.number);
    await expect.poll(() => page.getByTestId('wo-row').count(), POLL).toBe(1);
    await rowOf(created.repair.number).waitFor();
    await snap('agent-08-list-search');
    expect(errors).toEqual([]);
  });
});
