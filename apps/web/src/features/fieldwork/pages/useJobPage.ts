import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { useJob, usePending, useQueueSync } from '../api.ts';
import type { QueuedWrite } from '../api.ts';
import { fieldError } from '../components/bits.tsx';

/** The status the job will have once its queued writes are synced (so the next step is offered). */
const AFTER: Record<string, string> = { depart: 'departed', arrive: 'arrived', start: 'in_progress' };
export function effectiveStatus(status: string, pending: QueuedWrite[]): string {
  return pending.reduce((s, w) => AFTER[w.action] ?? s, status);
}

/**
 * One job with its writes still queued offline: the status it will have once they sync, and
 * refused writes reported as they come back.
 */
export function useJobPage(id: string | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const job = useJob(id);
  const pending = usePending(id);
  const onRefused = useCallback(
    (r: { write: QueuedWrite; error: ApiError }[]) =>
      r.forEach((x) => void message.error(t('fieldwork.syncRefused', { message: fieldError(t, x.error) }))),
    [message, t],
  );
  useQueueSync(onRefused);
  const status = job.data ? effectiveStatus(job.data.status, pending) : null;
  return { job, pending, status };
}
