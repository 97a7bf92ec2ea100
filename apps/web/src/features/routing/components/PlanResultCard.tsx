import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoutePlanResultItem } from '@anxin/contracts';
import { ApiError } from '../../../api/client.ts';
import { problemText } from '../../../i18n/problem.ts';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';
import { hhmm } from '../time.ts';

/** What accepting did to each order: applied, unchanged, conflict or failed, and why. */
export function PlanResultCard({ rp }: { rp: RoutePlanState }) {
  const { t } = useTranslation();
  const { tx, counts, techNames } = rp;
  const result = rp.result ?? [];
  return (
    <Card title={t('routing.result.title')} data-testid="plan-result">
      <Alert
        type={(counts.conflict ?? 0) + (counts.failed ?? 0) ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        message={t('routing.result.summary', {
          applied: counts.applied ?? 0,
          unchanged: counts.unchanged ?? 0,
          conflict: counts.conflict ?? 0,
          failed: counts.failed ?? 0,
        })}
      />
      <Table<RoutePlanResultItem>
        size="small"
        rowKey="orderId"
        pagination={false}
        dataSource={result}
        columns={[
          { title: '#', dataIndex: 'number' },
          {
            title: t('routing.technician'),
            key: 'tech',
            render: (_, r) => (r.technicianId ? techNames.get(r.technicianId) : '—'),
          },
          {
            title: t('routing.window'),
            key: 'window',
            render: (_, r) =>
              r.appointment ? `${hhmm(r.appointment.start)}–${hhmm(r.appointment.end)}` : '—',
          },
          {
            title: t('routing.result.title'),
            key: 'outcome',
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag
                  data-testid={`plan-result-${r.number}`}
                  color={
                    { applied: 'green', unchanged: 'default', conflict: 'orange', failed: 'red' }[r.outcome]
                  }
                >
                  {tx(`routing.result.${r.outcome}`)}
                </Tag>
                {r.code && (
                  <Typography.Text type="secondary">
                    {r.code.includes('.')
                      ? problemText(t, new ApiError({ status: 0, code: r.code, params: r.params }))
                      : tx(`routing.result.codes.${r.code}`, { defaultValue: r.code })}
                  </Typography.Text>
                )}
                {r.notified && <Tag color="blue">{t('routing.result.notified')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
