import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from '../harness.ts';
import { menuEntries, openSession, settle, type Session } from '../page-scan.ts';

// Issue #22 item 6: on a 1366 or 1440 px screen every list page shows its key columns without
// sideways scrolling. Each role opens every page of its menu at both sizes; a table whose content
// is wider than its box, or a document that scrolls sideways, fails the step naming page and
// widths. Read-only, so a second attempt on the same database passes the same way.
const ROLES = ['admin', 'dispatcher', 'outlet_manager', 'quality', 'finance', 'warehouse'] as const;
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
] as const;

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

/**
 * Not lists: the role × permission matrix has one column per role beside a fixed permission
 * column, and reads sideways by design (it is wider than any screen once roles are added).
 */
const MATRICES = new Set(['/settings/roles']);

/** What scrolls sideways on the page now: the document, and each visible table's scroll box. */
function overflowOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) found.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    const boxes = document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body');
    boxes.forEach((el, i) => {
      // Tables in closed tabs, drawers and modals are not on screen.
      if (!el.offsetParent || el.closest('.ant-drawer, .ant-modal, .ant-tabs-tabpane-hidden')) return;
      if (el.scrollWidth > el.clientWidth + 1)
        found.push(`table ${i + 1} ${el.scrollWidth} > ${el.clientWidth}`);
    });
    return found;
  });
}

async function visitAll(s: Session, label: string): Promise<string[]> {
  const found: string[] = [];
  for (const testId of await menuEntries(s.page)) {
    const before = s.page.url();
    await s.page.locator(`.anxin-nav [data-testid="${testId}"]`).click();
    await s.page.waitForURL((u) => u.href !== before, { timeout: 5_000 }).catch(() => undefined);
    await settle(s.page, s.pending);
    const path = new URL(s.page.url()).pathname;
    if (MATRICES.has(path)) continue;
    const where = `${label} ${path}`;
    for (const f of await overflowOf(s.page)) found.push(`${where}: ${f}`);
  }
  return found;
}

describe('list widths', () => {
  for (const role of ROLES) {
    it(`every page ${role} opens fits 1366 and 1440 px without sideways scroll`, async () => {
      const found: string[] = [];
      for (const vp of VIEWPORTS) {
        const s = await openSession(browser, app.url, role, 'zh-CN');
        try {
          await s.page.setViewportSize(vp);
          await settle(s.page, s.pending);
          found.push(...(await visitAll(s, `${role} ${vp.width}`)));
          expect(s.errors, `${role} ${vp.width}: page errors`).toEqual([]);
        } finally {
          await s.context.close();
        }
      }
      expect(found.join('\n')).toBe('');
    });
  }
});
