import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import {
  chromium,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.ANXIN_CHROMIUM ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'anxin123';

export interface RunningApp {
  url: string;
  dataDir: string;
  /** The server's output since it started listening (warnings and errors; at most the last 20 kB). */
  log(): string;
  stop(): Promise<void>;
}

function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}

/**
 * Starts the real server (as `npm start` does) on a fresh SQLite data dir, a copy of the run's
 * prepared one, and a free port.
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  ensureWebBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-e2e-'));
  // The run's prepared data directory (global-setup.ts): migrated and seeded once for all files.
  const template = inject('dataTemplate');
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ANXIN_PORT: '0',
      ANXIN_DATA_DIR: dataDir,
      ANXIN_LOG_LEVEL: 'warn',
      ANXIN_WEB_DIST: path.join(root, 'apps/web/dist'),
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Migrating and seeding the demo data takes minutes on a busy two-core box.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 300_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /URL:\s+(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  let since = '';
  const keep = (b: Buffer) => (since = (since + b.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    url,
    dataDir,
    log: () => since,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  // A retried step may still hold the previous try's session, and the login page sends a signed-in
  // user away: start signed out.
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
}

export const screenshotDir = path.join(root, 'e2e', 'screenshots');
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** One journey file's world: the server, the browser and a zh-CN desktop page in Beijing time. */
export interface Journey {
  app: RunningApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors; journeys end by expecting none. */
  errors: string[];
}

const SLOW_MS = 2_000;

/** API calls of the current test that failed (4xx/5xx) or took over 2 s, and the app it runs on. */
export const trace = {
  calls: [] as string[],
  app: null as RunningApp | null,
  /** The journey's page, so a failing step can show where it stood. */
  page: null as Page | null,
  /** API requests sent and not yet answered, with their start time (a hung call shows here). */
  pending: new Map<object, { label: string; at: number }>(),
};

/** Records failed and slow API calls of `page`, so a failing step says which request let it down. */
export function traceApi(page: Page, app: RunningApp): void {
  trace.app = app;
  trace.page = page;
  const started = new WeakMap<object, number>();
  const label = (r: { method(): string; url(): string }) => `${r.method()} ${new URL(r.url()).pathname}`;
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('request', (r) => {
    started.set(r, Date.now());
    if (new URL(r.url()).pathname.startsWith('/api/'))
      trace.pending.set(r, { label: label(r), at: Date.now() });
  });
  page.on('requestfinished', async (r) => {
    trace.pending.delete(r);
    if (!new URL(r.url()).pathname.startsWith('/api/')) return;
    const ms = Date.now() - (started.get(r) ?? Date.now());
    const res = await r.response().catch(() => null);
    const status = res?.status() ?? 0;
    if (status < 400 && ms < SLOW_MS) return;
    const body = status >= 400 ? ((await res?.text().catch(() => '')) ?? '').slice(0, 300) : '';
    trace.calls.push(`${at()} ${label(r)} → ${status} in ${ms} ms ${body}`);
  });
  page.on('requestfailed', (r) => trace.pending.delete(r));
  page.on('requestfailed', (r) => trace.calls.push(`${at()} ${label(r)} failed: ${r.failure()?.errorText}`));
}

/**
 * Starts the app and the browser before the file's tests and stops them after. Read the fields
 * inside tests (they are filled in `beforeAll`).
 */
export function useJourney(viewport = { width: 1366, height: 860 }): Journey {
  const j = { errors: [] as string[] } as Journey;
  beforeAll(async () => {
    j.app = await startApp();
    j.browser = await launchBrowser();
    j.context = await j.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    j.page = await j.context.newPage();
    j.page.on('pageerror', (e) => j.errors.push(e.message));
    traceApi(j.page, j.app);
  });
  afterAll(async () => {
    await j.context?.close();
    await j.browser?.close();
    await j.app?.stop();
  });
  return j;
}

/** A journey file with several signed-in people, each in a browser context of their own. */
export interface People {
  app: RunningApp;
  browser: Browser;
  /** Uncaught page errors, named by user; journeys end by expecting none. */
  errors: string[];
  /** A zh-CN (or `locale`) desktop page in Beijing time, signed in as `username`. */
  open(
    username: string,
    opts?: { locale?: string; viewport?: { width: number; height: number } },
  ): Promise<Page>;
  /** An API-only context (cookies of its own), closed with the file. */
  requestContext(): Promise<APIRequestContext>;
}

/**
 * Starts the app and the browser before the file's tests and closes every context, the browser
 * and the app after. Read the fields inside tests (they are filled in `beforeAll`).
 */
export function usePeople(defaultViewport = { width: 1366, height: 860 }): People {
  const contexts: BrowserContext[] = [];
  const newContext = async (o: Parameters<Browser['newContext']>[0] = {}) => {
    const c = await j.browser.newContext(o);
    contexts.push(c);
    return c;
  };
  const j: People = {
    errors: [],
    async open(
      username: string,
      opts: { locale?: string; viewport?: { width: number; height: number } } = {},
    ) {
      const context = await newContext({
        viewport: opts.viewport ?? defaultViewport,
        locale: opts.locale ?? 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await context.newPage();
      traceApi(page, j.app);
      page.on('pageerror', (e) => j.errors.push(`${username}: ${e.message}`));
      await signIn(page, j.app.url, username);
      return page;
    },
    requestContext: async () => (await newContext()).request,
  } as unknown as People;
  beforeAll(async () => {
    j.app = await startApp();
    j.browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await j.browser?.close();
    await j.app?.stop();
  });
  return j;
}

/**
 * Picks an Ant Design Select option by its visible label and waits until the select shows it.
 * A click that lands while the dropdown is still opening (a busy machine) is tried again, so a
 * later step never waits on a field that a lost click left unset.
 */
export async function chooseOption(page: Page, testId: string, label: string, attempts = 3): Promise<void> {
  const select = page.getByTestId(testId);
  // The select's own text is its chosen label (antd 6 has no stable class for the selected item).
  const shown = async () =>
    ((await select.innerText({ timeout: 1_000 }).catch(() => '')) ?? '').includes(label);
  for (let i = 0; i < attempts && !(await shown()); i++) {
    await select.click();
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .first();
    // A lost click leaves the dropdown open: close it by clicking the select again, not with Escape,
    // which would also close a dialog the select sits in (and with it the form being filled).
    await option.click({ timeout: 10_000 }).catch(async () => {
      if (await page.locator('.ant-select-dropdown:visible').count()) await select.click().catch(() => {});
    });
    await page.waitForTimeout(200);
  }
  if (!(await shown())) throw new Error(`${testId}: option "${label}" could not be chosen`);
}

/** Draws a zig-zag signature on the page's signature pad and confirms it (customer or approver). */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? -25 : 25), { steps: 3 });
  await page.mouse.up();
  await page.getByTestId('signature-confirm').click();
}

/** Types a date into an Ant Design DatePicker (by its test id) and confirms it. */
export async function pickDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}
