import { useMemo, useState } from 'react';
import { Badge, Button, Card, Flex, Space, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PART_ALERT_KINDS, type PartAlertKind } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useAlerts, useReplenishment, type PartAlert, type Suggestion } from '../api/stock.ts';
import { RestockDialog, type Restock } from './RestockDialog.tsx';

const HQ = 'loc-hq';

/** 补货与预警: what to order or send where, and the alerts (low, ageing, discontinuing) by kind. */
export function ReplenishmentTab() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = me.permissions.includes('parts:manage');
  const suggestions = useReplenishment();
  const alerts = useAlerts();
  const [restock, setRestock] = useState<Restock | null>(null);
  const [kind, setKind] = useState<PartAlertKind>('low_stock');

  const byKind = useMemo(() => {
    const out: Record<PartAlertKind, PartAlert[]> = { low_stock: [], ageing: [], discontinuation: [] };
    for (const a of alerts.data ?? []) out[a.kind].push(a);
    return out;
  }, [alerts.data]);

  const valueTitle: Record<PartAlertKind, string> = {
    low_stock: t('parts.fields.available'),
    ageing: t('parts.stock.replenishment.idleDays'),
    discontinuation: t('parts.stock.replenishment.daysLeft'),
  };

  return (
    <Flex vertical gap={16} data-testid="parts-replenishment">
      <Card size="small" title={t('parts.stock.replenishment.suggestions')}>
        {suggestions.error && <ProblemAlert error={suggestions.error} />}
        <Table<Suggestion>
          rowKey={(r) => `${r.locationId}:${r.itemId}`}
          size="small"
          loading={suggestions.isLoading}
          dataSource={suggestions.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('parts.stock.replenishment.noSuggestions') }}
          columns={[
            { title: t('parts.fields.location'), dataIndex: 'locationName', width: 180 },
            { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 130 },
            { title: t('parts.fields.name'), dataIndex: 'itemName' },
            { title: t('parts.fields.available'), dataIndex: 'available', width: 80, align: 'right' },
            { title: t('parts.fields.reorderPoint'), dataIndex: 'reorderPoint', width: 90, align: 'right' },
            {
              title: t('parts.stock.replenishment.dailyUse'),
              width: 90,
              align: 'right',
              render: (_, r) => r.dailyUse.toFixed(2),
            },
            {
              title: t('parts.stock.replenishment.suggestedQty'),
              width: 100,
              align: 'right',
              render: (_, r) => <Typography.Text strong>{r.suggestedQty}</Typography.Text>,
            },
            ...(canManage
              ? [
                  {
                    title: t('parts.stock.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, r: Suggestion) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setRestock({ mode: 'receive', suggestion: r })}
                          data-testid={`parts-restock-receive-${r.locationId}-${r.itemCode}`}
                        >
                          {t('parts.stock.replenishment.receive')}
                        </Button>
                        {r.locationId !== HQ && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setRestock({ mode: 'transfer', suggestion: r })}
                            data-testid={`parts-restock-transfer-${r.locationId}-${r.itemCode}`}
                          >
                            {t('parts.stock.replenishment.transfer')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('parts.stock.replenishment.alerts')}>
        {alerts.error && <ProblemAlert error={alerts.error} />}
        <Tabs
          activeKey={kind}
          onChange={(k) => setKind(k as PartAlertKind)}
          items={PART_ALERT_KINDS.map((k) => ({
            key: k,
            label: (
              <Space size={6} data-testid={`parts-alerts-tab-${k}`}>
                {t(`parts.alertKinds.${k}`)}
                <Badge
                  count={byKind[k].length}
                  showZero
                  color={byKind[k].length ? (k === 'low_stock' ? 'red' : 'orange') : 'default'}
                />
              </Space>
            ),
            children: (
              <Table<PartAlert>
                rowKey={(r) => `${r.locationId ?? ''}:${r.itemId}`}
                size="small"
                loading={alerts.isLoading}
                dataSource={byKind[k]}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                locale={{ emptyText: t('parts.stock.replenishment.noAlerts') }}
                columns={[
                  {
                    title: t('parts.fields.location'),
                    width: 180,
                    render: (_, r) => r.locationName ?? t('parts.stock.replenishment.allLocations'),
                  },
                  { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 130 },
                  { title: t('parts.fields.name'), dataIndex: 'itemName' },
                  {
                    title: valueTitle[k],
                    width: 110,
                    align: 'right',
                    render: (_, r) =>
                      k === 'discontinuation' && r.value <= 0 ? (
                        <Typography.Text type="danger">
                          {t('parts.stock.replenishment.discontinued')}
                        </Typography.Text>
                      ) : (
                        r.value
                      ),
                  },
                ]}
              />
            ),
          }))}
        />
      </Card>
      <RestockDialog restock={restock} onClose={() => setRestock(null)} />
    </Flex>
  );
}
