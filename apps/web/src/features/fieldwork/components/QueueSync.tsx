import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { useQueueSync, type QueuedWrite } from '../api.ts';
import { fieldError } from './bits.tsx';

/**
 * Sends the technician's queued writes (made offline) when the app starts and whenever the
 * network returns. Mounted once by the phone shell for every `/m/` page, so the queue is sent
 * whichever page is open when the connection comes back, not only from the job list.
 */
export function FieldQueueSync() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onRefused = useCallback(
    (r: { write: QueuedWrite; error: ApiError }[]) =>
      r.forEach((x) => void message.error(t('fieldwork.syncRefused', { message: fieldError(t, x.error) }))),
    [message, t],
  );
  useQueueSync(onRefused);
  return null;
}
