import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from '../harness.ts';
import {
  describeFindings,
  findCodes,
  loadCategoryKeys,
  menuEntries,
  openSession,
  scanMenu,
  settle,
  visibleText,
  CATEGORY_KEYS,
  type Finding,
  type ScanLocale,
  type Session,
} from '../page-scan.ts';

// Issue #22: no code reaches a person. Every staff role, in both languages, opens every page of its
// menu on the demo data (a fresh `npm start`), plus the pages richest in codes behind the scenes: a
// closed order's timeline, a callback task with its script and the dispatch ranking with its
// reasons. Any text that looks like a code fails the step, listing page and text.
const ROLES = [
  'admin',
  'agent',
  'dispatcher',
  'outlet_manager',
  'technician',
  'quality',
  'warehouse',
  'finance',
  'manager',
] as const;
const LOCALES: readonly ScanLocale[] = ['zh-CN', 'en-US'];

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function scanPage(s: Session, where: string): Promise<Finding[]> {
  await settle(s.page, s.pending);
  return findCodes(where, await visibleText(s.page), CATEGORY_KEYS.value);
}

/** A closed order the user may read (its timeline runs from intake to the satisfied callback). */
async function closedOrder(s: Session, label: string): Promise<Finding[]> {
  const res = await s.page.request.get(`${app.url}/api/v1/work-orders?status=closed&limit=1`);
  if (!res.ok()) return [];
  const id = ((await res.json()) as { items: Array<{ id: string }> }).items[0]?.id;
  if (!id) return [];
  await s.page.goto(`${app.url}/workorders/${id}`);
  await s.page.getByTestId('wo-timeline').waitFor();
  return scanPage(s, `${label} order timeline`);
}

async function extras(s: Session, role: string, label: string): Promise<Finding[]> {
  const found = await closedOrder(s, label);
  if (role === 'quality') {
    await s.page.goto(`${app.url}/callbacks`);
    await s.page.locator('[data-testid^="callback-open-"]').first().click();
    await s.page.getByTestId('cb-submit').waitFor();
    found.push(...(await scanPage(s, `${label} callback task`)));
  }
  if (role === 'dispatcher') {
    await s.page.goto(`${app.url}/dispatch`);
    await s.page.getByTestId('dispatch-rank-open').first().click();
    await s.page.locator('[data-testid^="dispatch-rank-item-"]').first().waitFor();
    found.push(...(await scanPage(s, `${label} dispatch ranking`)));
  }
  return found;
}

async function scanRole(role: string, locale: ScanLocale): Promise<Finding[]> {
  const s = await openSession(browser, app.url, role, locale);
  try {
    if (!CATEGORY_KEYS.value.length) await loadCategoryKeys(s.page);
    const label = `${role} ${locale}`;
    const found = await scanMenu(s, label, await menuEntries(s.page));
    found.push(...(await extras(s, role, label)));
    expect(s.errors, `${label}: page errors`).toEqual([]);
    return found;
  } finally {
    await s.context.close();
  }
}

describe('page scan', () => {
  // One step per role, its two languages side by side (two sessions at once keep both cores busy).
  for (const role of ROLES) {
    it(`every page ${role} opens reads as words in zh-CN and en-US`, async () => {
      const found = await Promise.all(LOCALES.map((locale) => scanRole(role, locale)));
      expect(describeFindings(found.flat())).toBe('');
    });
  }
});
