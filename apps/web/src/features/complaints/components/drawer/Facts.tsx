import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ComplaintDetail } from '@anxin/contracts';
import { fmt } from './format.ts';

/** The complaint's facts: who, what, where, how severe and its deadlines. */
export function Facts({ d }: { d: ComplaintDetail }) {
  const { t } = useTranslation();
  const c = d.complaint;
  const none = t('complaints.detail.none');
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {c.summary}
      </Typography.Title>
      <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('complaints.detail.order')}>
          {c.order ? <Link to={`/workorders/${c.order.id}`}>{c.order.number}</Link> : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.customer')}>
          {c.customer?.name ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.outlet')}>{c.outlet?.name ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.technician')}>
          {c.technician?.name ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.openedAt')}>
          {fmt(c.openedAt)} · {t(`complaints.sources.${c.source}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.acknowledgeDue')}>
          <Typography.Text type={c.acknowledgeOverdue ? 'danger' : undefined}>
            {fmt(c.acknowledgeDueAt)}
            {c.acknowledgedAt && ` → ${fmt(c.acknowledgedAt)}`}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.resolveDue')}>
          <Typography.Text type={c.resolveOverdue ? 'danger' : undefined} data-testid="cp-resolve-due">
            {fmt(c.resolveDueAt)}
            {c.resolvedAt && ` → ${fmt(c.resolvedAt)}`}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.reopenCount')}>{c.reopenCount}</Descriptions.Item>
        {c.description && (
          <Descriptions.Item label={t('complaints.detail.description')} span={2}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {c.description}
            </Typography.Paragraph>
          </Descriptions.Item>
        )}
        {c.remedy && (
          <Descriptions.Item label={t('complaints.detail.remedyShown')} span={2}>
            {c.remedy}
          </Descriptions.Item>
        )}
        {c.verdict && (
          <Descriptions.Item label={t('complaints.detail.closedAt')} span={2}>
            {fmt(c.closedAt)} ·{' '}
            {t('complaints.detail.verdictShown', { verdict: t(`complaints.verdicts.${c.verdict}`) })}
            {c.verdictNote && ` · ${c.verdictNote}`}
          </Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}
