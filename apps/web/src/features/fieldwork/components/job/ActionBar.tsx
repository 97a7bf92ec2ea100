import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail } from '@anxin/contracts';
import { useFieldAction } from '../../api.ts';
import { locate } from '../bits.tsx';
import { useNotify, type FieldStep } from '../steps/useStepDraft.ts';

/** The one big next step at the bottom: depart, arrive, start / resume, or complete with the code. */
export function ActionBar({
  job,
  status,
  code,
  onCodeSent,
}: {
  job: FieldJobDetail;
  status: string;
  code: string;
  onCodeSent: () => void;
}) {
  const { t } = useTranslation();
  const depart = useFieldAction<Record<string, never>>(job.id, 'depart');
  const arrive = useFieldAction<{ lat?: number; lng?: number; accuracy?: number }>(job.id, 'arrive');
  const start = useFieldAction<Record<string, never>>(job.id, 'start');
  const complete = useFieldAction<{ method: 'code'; code: string }>(job.id, 'complete');
  const [locating, setLocating] = useState(false);
  const notify = useNotify();
  const cbFor = (step: FieldStep) => ({
    onSuccess: (r: { queued: boolean }) => notify.done(r.queued, step),
    onError: notify.fail,
  });
  let button: React.ReactNode = null;
  if (status === 'scheduled')
    button = (
      <Button
        type="primary"
        loading={depart.isPending}
        data-testid="job-depart"
        onClick={() => depart.mutate({}, cbFor('depart'))}
      >
        {t('fieldwork.actions.depart')}
      </Button>
    );
  else if (status === 'departed')
    button = (
      <Button
        type="primary"
        loading={locating || arrive.isPending}
        data-testid="job-arrive"
        onClick={async () => {
          setLocating(true);
          const pos = await locate();
          setLocating(false);
          arrive.mutate(
            pos ? { lat: pos.lat, lng: pos.lng, accuracy: Math.round(pos.accuracy) } : {},
            cbFor('arrive'),
          );
        }}
      >
        {locating ? t('fieldwork.actions.locating') : t('fieldwork.actions.arrive')}
      </Button>
    );
  else if (status === 'arrived' || status === 'awaiting_parts')
    button = (
      <Button
        type="primary"
        loading={start.isPending}
        data-testid="job-start"
        onClick={() => start.mutate({}, cbFor(status === 'arrived' ? 'start' : 'resume'))}
      >
        {status === 'arrived' ? t('fieldwork.actions.start') : t('fieldwork.actions.resume')}
      </Button>
    );
  else if (status === 'in_progress')
    button = (
      <Button
        type="primary"
        disabled={code.length !== 6}
        loading={complete.isPending}
        data-testid="complete-submit"
        onClick={() =>
          complete.mutate(
            { method: 'code', code },
            { ...cbFor('complete'), onSuccess: (r) => (notify.done(r.queued, 'complete'), onCodeSent()) },
          )
        }
      >
        {t('fieldwork.complete.submit')}
      </Button>
    );
  if (!button) return null;
  return (
    <div className="field-actionbar">
      <div className="field-actionbar-inner">{button}</div>
    </div>
  );
}
