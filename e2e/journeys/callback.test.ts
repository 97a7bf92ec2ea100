import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callbacksZhCN } from '../../apps/web/src/features/callbacks/locales/zh-CN.ts';
import {
  apiAs,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  workThrough,
  type Order,
} from '../factories.ts';
import { shot, signIn, useJourney, type RunningApp } from '../harness.ts';

const POLL = { timeout: 20_000 };
const SCORES = ['timeliness', 'attitude', 'workmanship', 'overall'];
const OUTLET = 'GD001';

// Bound from the journey at the start of the test; the helpers below read them.
let app: RunningApp;
let page: Page;

const j = useJourney();

/** Opens the call panel of an order's open callback task. */
async function openCall(number: string): Promise<void> {
  await page.goto(`${app.url}/callbacks`);
  // The queue loads a page at a time: find the order by its number rather than scroll for it.
  await page.getByTestId('cb-search').locator('input').fill(number);
  await page.getByTestId('cb-search').locator('input').press('Enter');
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
    const quality = await apiAs(page.request, app.url, 'quality');
    const admin = await apiAs((await browser.newContext()).request, app.url, 'admin');
    const agent = await apiAs((await browser.newContext()).request, app.url, 'agent');
    // Its own order, repaired and waiting for the callback: a new customer of GD001's area.
    const caller = await createCaller(admin, await coverageOf(admin, OUTLET));
    const created = await createRepairAwaitingDispatch(agent, caller);
    const done = await workThrough(admin, created.id);
    expect(done.status).toBe('awaiting_callback');
    const queue = await quality<{ items: Array<{ orderId: string; orderNumber: string }> }>(
      'GET',
      `/api/v1/callbacks?status=open&limit=200`,
    );
    const task = queue.items.find((t) => t.orderId === created.id);
    expect(task, 'completing the order opened its callback task').toBeDefined();

    // --- first call: the customer is unhappy; quality asks for a redo
    await openCall(task!.orderNumber);
    for (const q of SCORES) await score(q, 2);
    await page.getByTestId('cb-q-resolved').click(); // 问题是否已解决: 否
    expect(await page.getByTestId('cb-q-resolved').getAttribute('aria-checked')).toBe('false');
    await page.getByTestId('cb-outcome-unsatisfied').click();
    await page.getByTestId('cb-followup-redo').click();
    await page.getByPlaceholder(callbacksZhCN.call.note).fill('空调仍然不制冷，客户要求再次上门');
    // The redo goes straight back to the outlet of the visit that did not hold.
    const outletOf = async () =>
      (
        await quality<Order & { outlet: { id: string } | null }>(
          'GET',
          `/api/v1/work-orders/${task!.orderId}`,
        )
      ).outlet?.id;
    const servedBy = await outletOf();
    await shot(page, 'callback-unsatisfied');
    await page.getByTestId('cb-submit').click();
    await expect
      .poll(async () => (await quality<Order>('GET', `/api/v1/work-orders/${task!.orderId}`)).status, POLL)
      .toBe('dispatched_outlet');
    expect(await outletOf()).toBe(servedBy);

    // --- the field redoes the work; the order is back in 待回访 with a new task
    await workThrough(admin, task!.orderId);
    // The new task is opened by the outbox after the order reaches 待回访: wait for it before
    // searching the queue (the page does not re-search by itself).
    await expect
      .poll(async () => {
        const open = await quality<{ items: Array<{ orderId: string }> }>(
          'GET',
          `/api/v1/callbacks?status=open&limit=200`,
        );
        return open.items.some((t) => t.orderId === task!.orderId);
      }, POLL)
      .toBe(true);

    // --- second call: the first call's answers are beside the questions; satisfied closes the order
    await openCall(task!.orderNumber);
    const earlier = page.getByTestId('cb-earlier');
    await earlier.waitFor(POLL);
    expect(await earlier.textContent()).toContain('不满意');
    await page.waitForTimeout(400); // the drawer's slide-in, for the picture only
    await shot(page, 'callback-second-call');
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
