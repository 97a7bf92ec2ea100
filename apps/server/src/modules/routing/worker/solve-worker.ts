// Worker-thread entry: runs the pure solver and streams best-so-far plans to the parent, so the
// parent can still answer if it has to terminate a worker that overran its time limit.
import { parentPort, workerData } from 'node:worker_threads';
import { solve } from '../domain/solve.ts';
import type { WorkerRequest, WorkerMessage } from './protocol.ts';

const { instance, options, stopFlag, deadlineEpochMs } = workerData as WorkerRequest;
const clock = () => performance.timeOrigin + performance.now();
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

const result = solve(instance, {
  ...options,
  // The limit counts from the caller's request, so thread start-up time is not added on top.
  timeLimitMs: Math.max(0, deadlineEpochMs - clock()),
  clock,
  shouldStop: () => Atomics.load(stopFlag, 0) === 1,
  onImprovement: (plan) => post({ type: 'progress', plan }),
});
post({ type: 'done', result });
