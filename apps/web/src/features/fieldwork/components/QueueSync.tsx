import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { useFeedback } from '../../../app/Feedback.tsx';
import { currentLocale, loadMessages } from '../../../i18n/index.ts';
import { useQueueSync, type QueuedWrite } from '../api.ts';
import { fieldError } from './bits.tsx';

/**
 * Sends the technician's queued writes (made offline) when the app starts and whenever the
 * network returns. Mounted once by the phone shell for every `/m/` page, so the queue is sent
 * whichever page is open when the connection comes back, not only from the job list.
 */
export function FieldQueueSync() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const onRefused = useCallback(
    (r: { write: QueuedWrite; error: ApiError }[]) =>
      // The error texts come with the full messages, which may still be on their way at start-up.
      void loadMessages(currentLocale())
        .catch(() => undefined)
        .then(() =>
          r.forEach(
            (x) => void message.error(t('fieldwork.syncRefused', { message: fieldError(t, x.error) })),
          ),
        ),
    [message, t],
  );
  useQueueSync(onRefused);
  return null;
}
