import { Card, Descriptions, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementDetail, StatementStatus } from '@anxin/contracts';
import { bj } from '../../workorders/index.ts';
import { yuan } from '../api.ts';

/** The statement's totals, grade and payment, in yuan. */
export function StatementSummaryCard({ s }: { s: StatementDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 2, md: 4 }}>
        <Descriptions.Item label={t('settlement.detail.total')}>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="stl-total">
            {yuan(s.totalFen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('settlement.detail.fee')}>{yuan(s.feeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.detail.deductions')}>
          {yuan(s.deductionFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('settlement.detail.bonus')}>{yuan(s.bonusFen)}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.detail.adjustments')}>
          {yuan(s.adjustmentFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('settlement.detail.orders')}>{s.orderCount}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.detail.grade')}>
          {s.grade} · {t('settlement.detail.coefficient')} {s.coefficient}
        </Descriptions.Item>
        {s.paymentReference && (
          <Descriptions.Item label={t('settlement.detail.payment')}>{s.paymentReference}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** Every step of the statement, oldest first, in Beijing time. */
export function StatementHistory({ history }: { history: StatementDetail['history'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('settlement.detail.history')} style={{ marginTop: 12 }}>
      <Timeline
        items={history.map((e) => ({
          children: (
            <Flex vertical>
              <Typography.Text>
                {bj(e.at).format('YYYY-MM-DD HH:mm')} ·{' '}
                {t(`settlement.events.${e.type.replace(/^settlement\./, '') as 'statement_generated'}`, {
                  defaultValue: e.type,
                })}
                {e.to && e.from !== e.to ? ` → ${t(`settlement.status.${e.to as StatementStatus}`)}` : ''}
              </Typography.Text>
              {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
