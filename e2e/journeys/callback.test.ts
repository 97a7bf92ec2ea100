import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callbacksZhCN } from '../../apps/web/src/features/callbacks/locales/zh-CN.ts';
import {
  apiAs,
  coverageOf,
  type Api,
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

/**
 * Opens the call panel of an order's open callback task. The queue loads a page at a time: find
 * the order by its number rather than scroll for it. The search shows the queue as it was when it
 * ran, so it is run again (as a person would press Enter again) until the task is there.
 */
async function openCall(number: string): Promise<void> {
  await page.goto(`${app.url}/callbacks`);
  const search = page.getByTestId('cb-search').locator('input');
  await search.fill(number);
  const open = page.getByTestId(`callback-open-${number}`);
  await expect
    .poll(async () => {
      if (await open.isVisible()) return true;
      // Typed again each time: text typed before the page's handlers were live is in the box but
      // not in the page's state, and Enter would then search for nothing (the whole queue).
      await search.fill(number);
      await search.press('Enter');
      return open.isVisible({ timeout: 2_000 }).catch(() => false);
    }, POLL)
    .toBe(true);
  await open.click();
  await page.getByTestId('cb-submit').waitFor(POLL);
}

/** The order's open callback task, found by its number (not by scanning the first page of the queue). */
async function openTaskOf(
  quality: Api,
  number: string,
): Promise<{ id: string; orderId: string; orderNumber: string } | undefined> {
  const found = await quality<{ items: Array<{ id: string; orderId: string; orderNumber: string }> }>(
    'GET',
    `/api/v1/callbacks?status=open&q=${encodeURIComponent(number)}`,
  );
  return found.items.find((t) => t.orderNumber === number);
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
    // Completion hands the order to 待回访, which opens its task (in the same transaction).
    const task = await openTaskOf(quality, created.number);
    expect(task, 'completing the order opened its callback task').toBeDefined();

    // --- first call: the customer is unhappy; quality asks for a redo
    await openCall(task!.orderNumber);
    for (const q of SCORES) await score(q, 2);
    await page.getByTestId('cb-q-resolved').click(); // 问题是否已解决: 否
    expect(await page.getByTestId('cb-q-resolved').getAttribute('aria-checked')).toBe('false');
    await page.getByTestId('cb-outcome-unsatisfied').click();
    await page.getByTestId('cb-followup-redo').click();
    await page.getByPlaceholder(callbacksZhCN.call.note).fill('空调仍然不制冷，客户要求再次上门');
    // The redo goes straight back to the outlet and technician of the visit that did not hold.
    type Detail = Order & {
      outlet: { id: string } | null;
      technicianId: string | null;
      timeline: Array<{ to: string | null; reason: string | null; actorKind: string }>;
    };
    const detail = () => quality<Detail>('GET', `/api/v1/work-orders/${task!.orderId}`);
    const served = await detail();
    expect(served.technicianId).not.toBeNull();
    await shot(page, 'callback-unsatisfied');
    await page.getByTestId('cb-submit').click();
    // Nobody dispatches it: the system offers it to the outlet, accepts it for the outlet (its own
    // work is being redone) and assigns the same technician (setting dispatch.policy.redoToSameOutlet).
    await expect.poll(async () => (await detail()).status, { timeout: 90_000 }).toBe('assigned');
    const back = await detail();
    expect(back.outlet?.id).toBe(served.outlet?.id);
    expect(back.technicianId).toBe(served.technicianId);
    const automatic = back.timeline.filter((e) => e.reason === 'redo_returned');
    expect(automatic.map((e) => [e.to, e.actorKind])).toEqual([
      ['dispatched_outlet', 'system'],
      ['outlet_accepted', 'system'],
      ['assigned', 'system'],
    ]);

    // --- the same technician redoes the work; the order is back in 待回访 with a new task
    const redone = await workThrough(admin, task!.orderId);
    expect(redone.status).toBe('awaiting_callback');
    expect((await detail()).technicianId).toBe(served.technicianId);
    const second = await openTaskOf(quality, task!.orderNumber);
    expect(second, 'the redo opened a new callback task').toBeDefined();
    expect(second!.id).not.toBe(task!.id);

    // --- second call: the first call's answers are beside the questions; satisfied closes the order
    await openCall(task!.orderNumber);
    const earlier = page.getByTestId('cb-earlier');
    await earlier.waitFor(POLL);
    const said = (await earlier.textContent())!;
    expect(said).toContain('不满意');
    expect(said).toContain('空调仍然不制冷，客户要求再次上门');
    expect(said).toContain('返修');
    expect(said).toMatch(/回访人：\S+/);
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
