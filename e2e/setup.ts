import { beforeEach } from 'vitest';
import { trace } from './harness.ts';

// Every journey step: when it fails, print the API calls that failed or were slow during it and
// the server's latest output, so a failure says which request let it down (see harness.traceApi).
beforeEach((ctx) => {
  trace.calls = [];
  ctx.onTestFailed(() => {
    console.error(
      `[journey] failed or slow API calls in "${ctx.task.name}":\n${trace.calls.join('\n') || '(none)'}`,
    );
    const waiting = [...trace.pending.values()].map((p) => `${p.label} for ${Date.now() - p.at} ms`);
    console.error(`[journey] API calls still unanswered:\n${waiting.join('\n') || '(none)'}`);
    console.error(`[journey] latest server output:\n${trace.app?.log().slice(-4000) || '(none)'}`);
  });
});
