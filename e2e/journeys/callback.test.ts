import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { callbacksZhCN } from '../../apps/web/src/features/callbacks/locales/zh-CN.ts';
import { DEMO_PASSWORD, shot, signIn, useJourney, type RunningApp } from '../harness.ts';

const POLL = { timeout: 20_000 };
const SCORES = ['timeliness', 'attitude', 'workmanship', 'overall'];
const HOUR = 3_600_000;

// Bound from the journey at the start of the test; the helpers below read them.
let app: RunningApp;
let page: Page;

type Api = <T>(method: 'GET' | 'POST', path: string, data?: unknown) => Promise<T>;

/** Signs in over the API and returns a caller that sends the CSRF token on writes. */
async function apiAs(request: APIRequestContext, username: string): Promise<Api> {
  const me = await (
    await request.post(`${app.url}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } })
  ).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  return async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const res = await request.fetch(`${app.url}${path}`, { method, data, headers });
    if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

const j = useJourney();

interface Order {
  id: string;
  status: string;
  version: number;
}

/**
 * The redo as the field would do it, over the API as admin: dispatch to the top-ranked outlet, accept,
 * assign the first free technician the suggestions offer, visit, complete, hand to the callback.
 */
async function redo(api: Api, id: string): Promise<void> {
  let o = await api<Order>('GET', `/api/v1/work-orders/${id}`);
  const move = async (to: string, data: Record<string, unknown> = {}) => {
    o = await api<Order>('POST', `/api/v1/work-orders/${id}/transitions`, { to, version: o.version, data });
  };
  const ranking = await api<{ candidates: Array<{ outletId: string; eligible: boolean }> }>(
    'GET',
    `/api/v1/dispatch/orders/${id}/ranking`,
  );
  await move('dispatched_outlet', { outletId: ranking.candidates.find((c) => c.eligible)!.outletId });
  await move('outlet_accepted');
  const tomorrow = Math.floor((Date.now() + 8 * HOUR) / (24 * HOUR) + 1) * 24 * HOUR - 8 * HOUR;
  for (let day = 0; day < 10 && o.status === 'outlet_accepted'; day++) {
    for (const h of [9, 13, 15]) {
      const start = new Date(tomorrow + day * 24 * HOUR + h * HOUR).toISOString();
      const end = new Date(tomorrow + day * 24 * HOUR + (h + 2) * HOUR).toISOString();
      const s = await api<{ items: Array<{ technicianId: string; eligible: boolean }> }>(
        'GET',
        `/api/v1/work-orders/${id}/technician-suggestions?start=${start}&end=${end}`,
      );
      const tech = s.items.find((t) => t.eligible);
      if (!tech) continue;
      await move('assigned', { technicianId: tech.technicianId });
      await move('scheduled', { appointment: { start, end } });
      break;
    }
  }
  for (const to of ['departed', 'arrived', 'in_progress', 'completed', 'awaiting_callback']) await move(to);
}

/** Opens the call panel of an order's open callback task. */
async function openCall(number: string): Promise<void> {
  await page.goto(`${app.url}/callbacks`);
  const open = page.getByTestId(`callback-open-${number}`);
  await open.waitFor(POLL);
  await open.click();
  await page.getByTestId('cb-submit').waitFor(POLL);
}

const score = (id: string, stars: number) =>
  page
    .getByTestId(`cb-q-${id}`)
    .locator('.ant-rate-star')
    .nth(stars - 1)
    .click();

describe('callback', () => {
  it('an unsatisfied callback sends the order back for a redo; a satisfied one closes it', async () => {
    ({ app, page } = j);
    const { browser, errors } = j;
    await signIn(page, app.url, 'quality');
    const quality = await apiAs(page.request, 'quality');
    const admin = await apiAs((await browser.newContext()).request, 'admin');
    const queue = await quality<{ items: Array<{ orderId: string; orderNumber: string }> }>(
      'GET',
      '/api/v1/callbacks?status=open',
    );
    const task = queue.items[0];
    expect(task, 'the demo seed has orders waiting for a callback').toBeDefined();

    // --- first call: the customer is unhappy; quality asks for a redo
    await openCall(task!.orderNumber);
    for (const q of SCORES) await score(q, 2);
    await page.getByTestId('cb-q-resolved').click(); // 问题是否已解决: 否
    expect(await page.getByTestId('cb-q-resolved').getAttribute('aria-checked')).toBe('false');
    await page.getByTestId('cb-outcome-unsatisfied').click();
    await page.getByTestId('cb-followup-redo').click();
    await page.getByPlaceholder(callbacksZhCN.call.note).fill('空调仍然不制冷，客户要求再次上门');
    await shot(page, 'callback-unsatisfied');
    await page.getByTestId('cb-submit').click();
    await expect
      .poll(async () => (await quality<Order>('GET', `/api/v1/work-orders/${task!.orderId}`)).status, POLL)
      .toBe('awaiting_dispatch');

    // --- the field redoes the work; the order is back in 待回访 with a new task
    await redo(admin, task!.orderId);

    // --- second call: satisfied closes the order
    await openCall(task!.orderNumber);
    for (const q of SCORES) await score(q, 5);
    expect(await page.getByTestId('cb-q-resolved').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('cb-outcome-satisfied').click();
    await page.getByTestId('cb-submit').click();
    await expect
      .poll(async () => (await quality<Order>('GET', `/api/v1/work-orders/${task!.orderId}`)).status, POLL)
      .toBe('closed');
    await shot(page, 'callback-closed');

    // --- both outcomes are on the order's timeline and it is classified
    const classes = await quality<{ items: Array<{ orderId: string; class: string }> }>(
      'GET',
      `/api/v1/callbacks/classifications?class=callback_unsatisfied`,
    );
    expect(classes.items.some((c) => c.orderId === task!.orderId)).toBe(true);
    expect(errors).toEqual([]);
  });
});
