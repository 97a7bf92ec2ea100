import fs from 'node:fs';
import path from 'node:path';
import { beforeEach } from 'vitest';
import { screenshotDir, trace } from './harness.ts';

// Every journey step: when it fails, print the API calls that failed or were slow during it and
// the server's latest output, so a failure says which request let it down (see harness.traceApi).
beforeEach((ctx) => {
  trace.calls = [];
  ctx.onTestFailed(async () => {
    console.error(
      `[journey] failed or slow API calls in "${ctx.task.name}":\n${trace.calls.join('\n') || '(none)'}`,
    );
    const waiting = [...trace.pending.values()].map((p) => `${p.label} for ${Date.now() - p.at} ms`);
    console.error(`[journey] API calls still unanswered:\n${waiting.join('\n') || '(none)'}`);
    await showPage(ctx.task.name);
    console.error(`[journey] latest server output:\n${trace.app?.log().slice(-4000) || '(none)'}`);
  });
});

/** Where the page stood when the step failed: its address, its text and a screenshot. */
async function showPage(name: string): Promise<void> {
  const page = trace.page;
  if (!page || page.isClosed()) return;
  const text = await page
    .locator('body')
    .innerText({ timeout: 2_000 })
    .catch(() => '(unreadable)');
  console.error(`[journey] page at ${page.url()}:\n${text.slice(0, 2_000)}`);
  const file = path.join(screenshotDir, `FAILED-${name.replace(/[^\w-]+/g, '_').slice(0, 60)}.png`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: file, fullPage: true, timeout: 5_000 }).catch(() => undefined);
  console.error(`[journey] screenshot: ${file}`);
}
