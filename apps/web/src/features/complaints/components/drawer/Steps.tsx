import { Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClosingVerdict, ComplaintDetail } from '@anxin/contracts';
import { CLOSING_VERDICTS } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { useComplaintSteps } from './useComplaintSteps.ts';

/** The step(s) the status allows: acknowledge, start investigating, resolve, close, reopen. */
export function Steps({ d }: { d: ComplaintDetail }) {
  const { t } = useTranslation();
  const c = d.complaint;
  const { move, remedy, setRemedy, verdict, setVerdict, note, setNote, reason, setReason, go } =
    useComplaintSteps(d);
  const allowed = new Set(d.allowed);
  return (
    <Flex vertical gap={12}>
      {move.error && <ProblemAlert error={move.error} />}
      {c.status === 'registered' && allowed.has('acknowledged') && (
        <Button
          type="primary"
          loading={move.isPending}
          onClick={() => go({ to: 'acknowledged' })}
          data-testid="cp-acknowledge"
        >
          {t('complaints.detail.acknowledge')}
        </Button>
      )}
      {c.status === 'acknowledged' && allowed.has('investigating') && (
        <Button
          type="primary"
          loading={move.isPending}
          onClick={() => go({ to: 'investigating' })}
          data-testid="cp-start-investigation"
        >
          {t('complaints.detail.startInvestigation')}
        </Button>
      )}
      {c.status === 'investigating' && allowed.has('resolved') && (
        <Card size="small" title={t('complaints.detail.resolveTitle')}>
          <Flex vertical gap={8}>
            <Input.TextArea
              rows={3}
              value={remedy}
              placeholder={t('complaints.detail.remedy')}
              onChange={(e) => setRemedy(e.target.value)}
              maxLength={4000}
              data-testid="cp-remedy"
            />
            <Button
              type="primary"
              loading={move.isPending}
              disabled={!remedy.trim()}
              onClick={() => go({ to: 'resolved', remedy: remedy.trim() })}
              data-testid="cp-resolve"
            >
              {t('complaints.detail.resolve')}
            </Button>
          </Flex>
        </Card>
      )}
      {c.status === 'resolved' && allowed.has('closed') && (
        <Card size="small" title={t('complaints.detail.closeTitle')}>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('complaints.detail.verdict')}</Typography.Text>
            <Radio.Group
              value={verdict}
              onChange={(e) => setVerdict(e.target.value as ClosingVerdict)}
              optionType="button"
              data-testid="cp-verdict"
              options={CLOSING_VERDICTS.map((v) => ({
                value: v,
                label: <span data-testid={`cp-verdict-${v}`}>{t(`complaints.verdicts.${v}`)}</span>,
              }))}
            />
            <Input
              value={note}
              placeholder={t('complaints.detail.verdictNote')}
              onChange={(e) => setNote(e.target.value)}
              maxLength={2000}
              data-testid="cp-verdict-note"
            />
            <Button
              type="primary"
              loading={move.isPending}
              onClick={() => go({ to: 'closed', verdict, ...(note.trim() ? { note: note.trim() } : {}) })}
              data-testid="cp-close"
            >
              {t('complaints.detail.close')}
            </Button>
          </Flex>
        </Card>
      )}
      {(c.status === 'resolved' || c.status === 'closed') && allowed.has('investigating') && (
        <Card size="small" title={t('complaints.detail.reopenTitle')}>
          <Flex gap={8}>
            <Input
              value={reason}
              placeholder={t('complaints.detail.reopenReason')}
              onChange={(e) => setReason(e.target.value)}
              maxLength={1000}
              data-testid="cp-reopen-reason"
            />
            <Button
              danger
              loading={move.isPending}
              disabled={!reason.trim()}
              onClick={() => go({ to: 'investigating', reason: reason.trim() })}
              data-testid="cp-reopen"
            >
              {t('complaints.detail.reopen')}
            </Button>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
