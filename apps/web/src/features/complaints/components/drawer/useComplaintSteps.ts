import { useEffect, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClosingVerdict, ComplaintDetail, ComplaintTransition } from '@anxin/contracts';
import { useTransitionComplaint } from '../../api.ts';

/**
 * The complaint's next step being filled in (remedy, closing verdict, note, reopen reason), reset
 * whenever the complaint or its status changes, and `go` to move it with the version read.
 */
export function useComplaintSteps(d: ComplaintDetail) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useTransitionComplaint();
  const c = d.complaint;
  const [remedy, setRemedy] = useState('');
  const [verdict, setVerdict] = useState<ClosingVerdict>('satisfied');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    setRemedy(c.remedy ?? '');
    setNote('');
    setReason('');
    setVerdict('satisfied');
    move.reset();
  }, [c.id, c.status]);

  const go = (body: Omit<ComplaintTransition, 'version'>) =>
    move.mutate(
      { id: c.id, body: { ...body, version: c.version } },
      { onSuccess: () => void message.success(t('complaints.detail.moved')) },
    );
  return { move, remedy, setRemedy, verdict, setVerdict, note, setNote, reason, setReason, go };
}
