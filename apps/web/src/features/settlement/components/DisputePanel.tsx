import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementDetail, StatementLine } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useRespond, yuan } from '../api.ts';
import { disputeReady } from '../statement/rules.ts';

/** The outlet's dispute being drafted: one comment per chosen line, sent together. */
export function DisputePanel({
  s,
  lines,
  comments,
  onChange,
  onDone,
}: {
  s: StatementDetail;
  lines: StatementLine[];
  comments: Record<string, string>;
  onChange: (lineId: string, comment: string) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const respond = useRespond();
  const ready = disputeReady(lines, comments);
  const submit = () =>
    respond.mutate(
      {
        id: s.id,
        body: {
          action: 'dispute',
          version: s.version,
          lines: lines.map((l) => ({ lineId: l.id, comment: comments[l.id]!.trim() })),
        },
      },
      { onSuccess: () => (message.success(t('settlement.detail.disputed')), onDone()) },
    );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: '#ffa39e' }}
      title={t('settlement.detail.disputeTitle', { count: lines.length })}
      extra={
        <Button
          type="primary"
          danger
          disabled={!ready}
          loading={respond.isPending}
          onClick={submit}
          data-testid="stl-dispute-submit"
        >
          {t('settlement.detail.disputeSubmit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('settlement.detail.disputeHint')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {lines.map((l, i) => (
          <Flex key={l.id} gap={8} align="center">
            <Typography.Text style={{ minWidth: 200 }}>
              #{l.seq} {l.orderNumber ?? ''} · {yuan(l.amountFen)}
            </Typography.Text>
            <Input
              autoFocus={i === lines.length - 1}
              placeholder={t('settlement.detail.disputeComment')}
              value={comments[l.id]}
              maxLength={2000}
              onChange={(e) => onChange(l.id, e.target.value)}
              onPressEnter={() => ready && submit()}
              data-testid={`stl-dispute-comment-${l.seq}`}
            />
          </Flex>
        ))}
      </Flex>
      {respond.error ? <ProblemAlert error={respond.error} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}
