import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness.ts';

/**
 * The page scan (issue #22): walks what a person sees and lists every piece of text that looks like
 * a code rather than words — event types, problem codes, snake_case keys, catalogue category keys,
 * id stubs, untranslated i18n keys and JavaScript's own placeholders.
 */

export type ScanLocale = 'zh-CN' | 'en-US';

/** What looks like a code; each finding names the pattern it matched. */
export const CODE_PATTERNS: ReadonlyArray<readonly [name: string, re: RegExp]> = [
  ['event type or problem code', /\b[a-z]+\.[a-z]+_[a-z_]+\b/g],
  ['i18n key', /\b[a-z]+\.[a-zA-Z]+\.[a-zA-Z.]+\b/g],
  ['snake_case word', /\b[a-z]+_[a-z_]+\b/g],
  ['id stub', /…[0-9a-f]{6}/g],
  ['placeholder', /\b(?:undefined|null|NaN)\b|\[object Object\]/g],
];

/**
 * Legitimate text that matches a pattern. Keep it small and say why for each entry. Empty today:
 * URLs, API paths and e-mail addresses are removed before matching (`stripLegitimate`), model codes
 * (KFR-35GW/AX1) match no pattern, and literals a page shows on purpose are skipped (`LITERALS`).
 * Category keys are matched case-sensitively, so English prose (Furniture) is not taken for `furniture`.
 */
export const ALLOW: readonly RegExp[] = [];

/** Web addresses, e-mail addresses and model codes (KFR-35GW) are text people read as such. */
function stripLegitimate(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\/api\/v1\/\S+/g, ' ')
    .replace(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, ' ');
}

export interface Finding {
  where: string;
  pattern: string;
  text: string;
  /** The line of the page the text sits in, so a reader can find it. */
  line: string;
}

/** Every code-like piece of `text`; `categoryKeys` are the catalogue's keys (aircon, washer…). */
export function findCodes(where: string, text: string, categoryKeys: readonly string[]): Finding[] {
  const found: Finding[] = [];
  const keys = categoryKeys.length
    ? new RegExp(`(?<![\\w-])(?:${categoryKeys.map(escape).join('|')})(?![\\w-])`, 'g')
    : null;
  const patterns = keys ? [...CODE_PATTERNS, ['category key', keys] as const] : CODE_PATTERNS;
  for (const raw of text.split('\n')) {
    const line = stripLegitimate(raw);
    for (const [pattern, re] of patterns) {
      for (const m of line.matchAll(re)) {
        if (ALLOW.some((a) => a.test(m[0]))) continue;
        found.push({ where, pattern, text: m[0], line: raw.trim().slice(0, 160) });
      }
    }
  }
  return dedupe(found);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.where}|${f.pattern}|${f.text}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/**
 * What a page deliberately shows as a literal is not words gone wrong: an administrator's setting
 * keys and permission codes and the audit trail's event types (in `<code>`), sign-in names and
 * copyable ids (`data-literal`). innerText skips text whose visibility is hidden, so hiding them
 * while reading leaves exactly the words.
 */
const LITERALS = 'code, kbd, pre, [data-literal]';

/** The text a person reads: the page's rendered text plus tooltips and placeholders. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate((literals) => {
    const style = document.createElement('style');
    style.textContent = `${literals} { visibility: hidden !important; }`;
    document.head.appendChild(style);
    try {
      const extra = [...document.querySelectorAll('[title],[placeholder],[aria-label]')]
        .filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest(literals))
        .flatMap((e) => ['title', 'placeholder', 'aria-label'].map((a) => e.getAttribute(a) ?? ''))
        .filter(Boolean);
      return `${document.body.innerText}\n${extra.join('\n')}`;
    } finally {
      style.remove();
    }
  }, LITERALS);
}

/** API calls in flight on a page, so a scan reads the page only once its data has arrived. */
export function trackApi(page: Page): () => number {
  let pending = 0;
  const isApi = (u: string) => new URL(u).pathname.startsWith('/api/');
  page.on('request', (r) => void (isApi(r.url()) && pending++));
  const done = (r: { url(): string }) => void (isApi(r.url()) && pending--);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => pending;
}

/** Waits until no API call has been in flight for a short while and no spinner or skeleton shows. */
export async function settle(page: Page, pending: () => number, limitMs = 15_000): Promise<void> {
  const until = Date.now() + limitMs;
  let quietSince = 0;
  while (Date.now() < until) {
    const busy =
      pending() > 0 || (await page.locator('.ant-spin-spinning, .ant-skeleton-active').count()) > 0;
    if (busy) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince >= 250) return;
    await page.waitForTimeout(100);
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
  pending: () => number;
  errors: string[];
}

/** A fresh context signed in as `username`, the language chosen on the login page (saved to the profile). */
export async function openSession(
  browser: Browser,
  baseUrl: string,
  username: string,
  locale: ScanLocale,
): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale,
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const pending = trackApi(page);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('locale-switch').click();
  await page.getByTestId(`locale-${locale}`).click();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
  await settle(page, pending);
  return { context, page, pending, errors };
}

/** Menu entries the signed-in user sees (groups opened), as `nav-<key>` test ids. */
export async function menuEntries(page: Page): Promise<string[]> {
  const groups = page.locator(
    '.anxin-nav .ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title',
  );
  for (let n = await groups.count(); n > 0; n--) {
    await groups.first().click();
    await page.waitForTimeout(150);
  }
  return page
    .locator('.anxin-nav li.ant-menu-item[data-testid^="nav-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
}

/** Until no CSS transition or animation runs (a drawer sliding in or out). */
const animationsDone = (page: Page) =>
  page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
      timeout: 5_000,
    })
    .catch(() => undefined);

/** Opens each menu entry in turn (as a person would) and scans it. */
export async function scanMenu(s: Session, label: string, keys: readonly string[]): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const testId of keys) {
    // The previous page stays on screen until the next one's code has loaded: wait for the address.
    const before = s.page.url();
    const entry = s.page.locator(`.anxin-nav [data-testid="${testId}"]`);
    // The technician's phone pages (/m/*) keep the menu in a drawer behind the header's button;
    // it slides closed after each choice, and open again on the next tap.
    await animationsDone(s.page);
    if (!(await entry.isVisible())) {
      await s.page.getByTestId('nav-drawer-toggle').click();
      await entry.waitFor();
      await animationsDone(s.page);
    }
    // The drawer's menu never counts as "stable" to Playwright while it is mounted: click it.
    await entry.click({ force: true });
    await s.page.waitForURL((u) => u.href !== before, { timeout: 5_000 }).catch(() => undefined);
    await settle(s.page, s.pending);
    const where = `${label} ${new URL(s.page.url()).pathname}`;
    found.push(...findCodes(where, await visibleText(s.page), CATEGORY_KEYS.value));
  }
  return found;
}

/** The catalogue's category keys, read once per run from the API (so new categories are covered). */
export const CATEGORY_KEYS = { value: [] as string[] };

export async function loadCategoryKeys(page: Page): Promise<void> {
  const res = await page.request.get(`${new URL(page.url()).origin}/api/v1/catalog/categories`);
  const body = (await res.json()) as { items?: Array<{ code: string }> } | Array<{ code: string }>;
  const items = Array.isArray(body) ? body : (body.items ?? []);
  CATEGORY_KEYS.value = items.map((c) => c.code);
}

export const describeFindings = (list: Finding[]): string =>
  list.map((f) => `${f.where}: "${f.text}" (${f.pattern}) in «${f.line}»`).join('\n');
