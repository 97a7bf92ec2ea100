import { Card, Empty, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bj } from '../time.ts';
import dayjs from 'dayjs';
import type { WorkOrderDetail } from '@anxin/contracts';
import { SLA_METRICS } from '../vocab.ts';
import { SlaTag, remainingText } from './Tags.tsx';

type Clock = WorkOrderDetail['sla'][number];

const percentUsed = (c: Clock) => {
  if (!c.dueAt) return 0;
  const start = dayjs(c.startedAt).valueOf();
  const end = (c.stoppedAt ? dayjs(c.stoppedAt) : dayjs()).valueOf();
  const due = dayjs(c.dueAt).valueOf();
  return Math.max(0, Math.min(100, Math.round(((end - start) / Math.max(1, due - start)) * 100)));
};

/** One row per SLA metric: due time, state, time left (or how late, or when it stopped). */
export function SlaClocks({ clocks }: { clocks: Clock[] }) {
  const { t } = useTranslation();
  const sorted = [...clocks].sort((a, b) => SLA_METRICS.indexOf(a.metric) - SLA_METRICS.indexOf(b.metric));
  return (
    <Card size="small" title={t('workorders.detail.sla')} data-testid="wo-sla-clocks">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workorders.detail.noSla')} />
      ) : (
        <Flex vertical gap={12}>
          {sorted.map((c) => (
            <div
              key={c.metric}
              className="anxin-sla-row"
              data-testid={`sla-${c.metric}`}
              data-state={c.state}
            >
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>{t(`workorders.sla.metrics.${c.metric}`)}</Typography.Text>
                <Flex gap={4} align="center">
                  {c.paused && (
                    <Tag icon={<PauseCircleOutlined />} color="default">
                      {t('workorders.sla.paused')}
                    </Tag>
                  )}
                  {c.stoppedAt ? (
                    <Tag color={c.state === 'breached' ? 'error' : 'success'}>
                      {c.state === 'breached' ? t('workorders.sla.metLate') : t('workorders.sla.met')}
                    </Tag>
                  ) : (
                    <SlaTag state={c.state} dueAt={null} />
                  )}
                </Flex>
              </Flex>
              <Progress
                percent={percentUsed(c)}
                showInfo={false}
                size="small"
                status={c.state === 'breached' ? 'exception' : c.stoppedAt ? 'success' : 'active'}
                strokeColor={c.state === 'at_risk' ? '#faad14' : undefined}
              />
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.dueAt
                    ? t('workorders.sla.due', { at: bj(c.dueAt).format('MM-DD HH:mm') })
                    : t('workorders.sla.noDue')}
                  {' · '}
                  {t(`workorders.sla.modes.${c.mode}`)}
                </Typography.Text>
                <Typography.Text
                  type={c.state === 'breached' ? 'danger' : 'secondary'}
                  style={{ fontSize: 12 }}
                >
                  {c.error ? (
                    <Tooltip title={c.error}>{t('workorders.sla.error')}</Tooltip>
                  ) : c.stoppedAt ? (
                    t('workorders.sla.stoppedAt', { at: bj(c.stoppedAt).format('MM-DD HH:mm') })
                  ) : c.dueAt ? (
                    remainingText(t, c.dueAt)
                  ) : null}
                </Typography.Text>
              </Flex>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
