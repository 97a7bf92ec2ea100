import { Card, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';
import { UNASSIGNED } from '../routePlanDraft.ts';

/** Jobs the plan leaves out, with why, and a move onto a technician. */
export function UnassignedCard({ rp }: { rp: RoutePlanState }) {
  const { t } = useTranslation();
  const { tx, unassigned, jobs, editable, move, moveOptions } = rp;
  return (
    <Card title={t('routing.unassigned')} data-testid="plan-unassigned">
      {unassigned.length === 0 ? (
        <Typography.Text type="secondary">{t('routing.noUnassigned')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="orderId"
          pagination={false}
          dataSource={unassigned}
          columns={[
            {
              title: '#',
              key: 'number',
              render: (_, u) => (
                <span data-testid={`plan-unassigned-${jobs.get(u.orderId)?.number ?? u.orderId}`}>
                  {jobs.get(u.orderId)?.number ?? u.orderId}
                </span>
              ),
            },
            {
              title: t('routing.reason'),
              key: 'reason',
              render: (_, u) => tx(`routing.reasons.${u.reason}`, { defaultValue: u.reason }),
            },
            {
              title: t('routing.moveTo'),
              key: 'move',
              render: (_, u) =>
                editable ? (
                  <Select
                    size="small"
                    style={{ minWidth: 160 }}
                    value={UNASSIGNED}
                    onChange={(v: string) => move(u.orderId, v)}
                    options={moveOptions}
                    aria-label={t('routing.moveTo')}
                  />
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
