import { Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '@anxin/contracts';
import { SLA_METRICS } from '../../../workorders/index.ts';
import { MetricCell } from './MetricCell.tsx';

/** Every policy with what it applies to and each metric; edit and delete for managers. */
export function SlaTable({
  draft,
  canManage,
  onEdit: setEditing,
  onChange: setDraft,
}: {
  draft: SlaPolicy[];
  canManage: boolean;
  onEdit: (e: { policy: SlaPolicy; index: number }) => void;
  onChange: (draft: SlaPolicy[]) => void;
}) {
  const { t } = useTranslation();
  const describeMatch = (p: SlaPolicy) => {
    const parts = [
      p.match.type && t(`workorders.types.${p.match.type}`),
      p.match.urgency && t(`workorders.urgency.${p.match.urgency}`),
      p.match.customerTier && t(`customers.tiers.${p.match.customerTier}`),
    ].filter(Boolean) as string[];
    return parts.length ? (
      <Space size={4} wrap>
        {parts.map((x) => (
          <Tag key={x}>{x}</Tag>
        ))}
      </Space>
    ) : (
      <Tag color="teal">{t('settings.sla.fallback')}</Tag>
    );
  };

  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Table<SlaPolicy>
        data-testid="sla-table"
        rowKey="id"
        dataSource={draft}
        pagination={false}
        scroll={{ x: 1040 }}
        columns={[
          {
            key: 'name',
            title: t('settings.sla.name'),
            fixed: 'left',
            width: 180,
            render: (_, p) => (
              <Flex vertical>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                  {p.id}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'match', title: t('settings.sla.match'), width: 170, render: (_, p) => describeMatch(p) },
          ...SLA_METRICS.map((m) => ({
            key: m,
            title: t(`workorders.sla.metrics.${m}`),
            render: (_: unknown, p: SlaPolicy) => <MetricCell p={p.metrics[m]} />,
          })),
          ...(canManage
            ? [
                {
                  key: 'actions',
                  width: 100,
                  fixed: 'right' as const,
                  render: (_: unknown, p: SlaPolicy, index: number) => (
                    <Space size={0}>
                      <Button
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={t('settings.actions.edit')}
                        onClick={() => setEditing({ policy: p, index })}
                        data-testid={`sla-edit-${p.id}`}
                      />
                      {Object.keys(p.match).length > 0 && (
                        <Popconfirm
                          title={t('settings.sla.confirmDelete', { name: p.name })}
                          onConfirm={() => setDraft(draft.filter((_, i) => i !== index))}
                        >
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('settings.actions.delete')}
                          />
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
