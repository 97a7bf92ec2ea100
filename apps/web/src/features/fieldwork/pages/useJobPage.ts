import { useJob, usePending } from '../api.ts';
import type { QueuedWrite } from '../api.ts';

/** The status the job will have once its queued writes are synced (so the next step is offered). */
const AFTER: Record<string, string> = { depart: 'departed', arrive: 'arrived', start: 'in_progress' };
export function effectiveStatus(status: string, pending: QueuedWrite[]): string {
  return pending.reduce((s, w) => AFTER[w.action] ?? s, status);
}

/**
 * One job with its writes still queued offline: the status it will have once they sync. The phone
 * shell sends the queue and reports refused writes (FieldQueueSync), whichever page is open.
 */
export function useJobPage(id: string | undefined) {
  const job = useJob(id);
  const pending = usePending(id);
  const status = job.data ? effectiveStatus(job.data.status, pending) : null;
  return { job, pending, status };
}
