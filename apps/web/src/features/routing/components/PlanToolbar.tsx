import { Button, Card, DatePicker, Flex, Select, Space, Tag, Typography } from 'antd';
import { ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';

/** Outlet and day, optimise and re-optimise, and the plan's status. */
export function PlanToolbar({ rp }: { rp: RoutePlanState }) {
  const { t } = useTranslation();
  const {
    tx,
    outlets,
    outletId,
    setOutletId,
    date,
    setDate,
    optimise,
    showPlan,
    plan,
    busy,
    setDropIds,
    setReoptOpen,
  } = rp;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="center">
        <Space>
          <Typography.Text>{t('routing.outlet')}</Typography.Text>
          <Select
            data-testid="plan-outlet"
            style={{ minWidth: 240 }}
            showSearch
            optionFilterProp="label"
            placeholder={t('routing.outletPlaceholder')}
            loading={outlets.isLoading}
            value={outletId ?? undefined}
            onChange={(v: string) => setOutletId(v)}
            options={(outlets.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.code} ${o.name}`,
            }))}
          />
        </Space>
        <Space>
          <Typography.Text>{t('routing.date')}</Typography.Text>
          <DatePicker
            data-testid="plan-date"
            allowClear={false}
            value={date}
            onChange={(d) => d && setDate(d)}
          />
        </Space>
        <Button
          type="primary"
          icon={<ThunderboltOutlined />}
          data-testid="plan-optimise"
          disabled={!outletId}
          loading={optimise.isPending}
          onClick={() =>
            outletId &&
            optimise.mutate({ outletId, date: date.format('YYYY-MM-DD') }, { onSuccess: showPlan })
          }
        >
          {optimise.isPending ? t('routing.optimising') : t('routing.optimise')}
        </Button>
        {plan && (
          <Button
            icon={<ReloadOutlined />}
            data-testid="plan-reoptimise"
            disabled={busy}
            onClick={() => {
              setDropIds([]);
              setReoptOpen(true);
            }}
          >
            {t('routing.reoptimise')}
          </Button>
        )}
        {plan && (
          <Tag data-testid="plan-status" color={plan.status === 'accepted' ? 'green' : 'blue'}>
            {tx(`routing.status.${plan.status}`)}
          </Tag>
        )}
      </Flex>
    </Card>
  );
}
