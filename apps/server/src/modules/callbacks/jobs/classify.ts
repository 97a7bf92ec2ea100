import type { JobQueue } from '../../../platform/jobs/index.ts';

export { CLASSIFY_JOB } from '../classification.ts';

/** Registers and schedules the recurring `callbacks.classify` job. */
export async function scheduleClassify(
  jobs: JobQueue,
  run: () => Promise<unknown>,
  everySeconds = 600,
): Promise<void> {
  jobs.register('callbacks.classify', async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule('callbacks.classify', everySeconds);
}
