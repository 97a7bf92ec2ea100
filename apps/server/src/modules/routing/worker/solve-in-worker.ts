import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Objective, Plan, RoutingInstance, SolveResult } from '../domain/types.ts';
import type { WorkerMessage, WorkerRequest } from './protocol.ts';

export interface WorkerSolveOptions {
  timeLimitMs?: number;
  seed?: number;
  objective?: Objective;
  maxIterations?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIME_LIMIT_MS = 2000;
/** How long past its limit a worker may stay silent before it is terminated. */
const WATCHDOG_GRACE_MS = 3000;

/**
 * Source checkouts run TypeScript through tsx. On Node 20 `execArgv: ['--import', 'tsx']` does not
 * apply to a worker's entry module, so a tiny bootstrap registers tsx's ESM hooks first and then
 * imports the real entry. tsx is located through its package exports, independent of the cwd.
 */
function bootstrapSource(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exportsMap = (require(manifest) as { exports: Record<string, { import: { default: string } }> })
    .exports;
  const api = pathToFileURL(join(dirname(manifest), exportsMap['./esm/api']!.import.default)).href;
  const entry = new URL('./solve-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

/**
 * Solves in a worker thread so the event loop stays free. Resolves with the best plan found when the
 * time limit passes or `signal` aborts; if the worker stops answering, it is terminated and the last
 * streamed plan is returned.
 */
export function solveInWorker(
  instance: RoutingInstance,
  options: WorkerSolveOptions = {},
): Promise<SolveResult> {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const request: WorkerRequest = {
    instance,
    options: { objective: options.objective, seed: options.seed, maxIterations: options.maxIterations },
    stopFlag,
    deadlineEpochMs: performance.timeOrigin + performance.now() + timeLimitMs,
  };
  const worker = new Worker(bootstrapSource(), { eval: true, workerData: request });
  return new Promise<SolveResult>((resolve, reject) => {
    let lastPlan: Plan | undefined;
    const stop = () => Atomics.store(stopFlag, 0, 1);
    const finish = (outcome: () => void) => {
      clearTimeout(watchdog);
      options.signal?.removeEventListener('abort', stop);
      void worker.terminate();
      outcome();
    };
    const watchdog = setTimeout(() => {
      finish(() =>
        lastPlan
          ? resolve({ ok: true, plan: lastPlan })
          : reject(new Error('routing worker overran its time limit')),
      );
    }, timeLimitMs + WATCHDOG_GRACE_MS);
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') lastPlan = message.plan;
      else finish(() => resolve(message.result));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`routing worker exited with code ${code}`))));
  });
}
