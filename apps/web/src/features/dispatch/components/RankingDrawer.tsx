import { Alert, Button, Drawer, Empty, Flex, List, Progress, Space, Spin, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RankedOutlet } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { regionName, useCategoryName, useRegions } from '../../customers/index.ts';
import { useRanking } from '../api.ts';

const GRADE_COLOR = { A: 'gold', B: 'blue', C: 'default', D: 'default' } as const;

function Reasons({ c }: { c: RankedOutlet }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const categoryName = useCategoryName();
  // A region reads as its name (广州市天河区), a category as its label (空调), never as a code.
  const valueOf = (r: RankedOutlet['reasons'][number]) =>
    r.code === 'covers_region' || r.code === 'region_not_covered'
      ? (regionName(regions.data, String(r.value ?? '')) ?? r.value ?? '')
      : r.code === 'serves_category' || r.code === 'category_not_served'
        ? categoryName(String(r.value ?? ''))
        : (r.value ?? '');
  return (
    <Flex gap={4} wrap>
      {c.reasons.map((r) => (
        <Tag
          key={r.code}
          color={c.exclusions.includes(r.code as never) ? 'red' : undefined}
          style={{ marginInlineEnd: 0 }}
        >
          {t(`dispatch.reasons.${r.code}`, { value: valueOf(r) })}
        </Tag>
      ))}
    </Flex>
  );
}

/** The ranked candidate outlets of one order, with one-click dispatch to the top (or any eligible). */
export function RankingDrawer({
  orderId,
  number,
  onClose,
  onDispatch,
  pending,
  error,
}: {
  orderId: string | null;
  number: string;
  onClose: () => void;
  onDispatch: (outletId: string, version: number) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const ranking = useRanking(orderId);
  const data = ranking.data;
  const top = data?.candidates.find((c) => c.eligible);
  return (
    <Drawer
      open={!!orderId}
      onClose={onClose}
      size={520}
      title={t('dispatch.ranking.title', { number })}
      data-testid="dispatch-rank-drawer"
      extra={
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!top || !data}
          loading={pending}
          data-testid="dispatch-confirm"
          onClick={() => top && data && onDispatch(top.outletId, data.order.version)}
        >
          {top ? `${t('dispatch.ranking.dispatch')} · ${top.name}` : t('dispatch.ranking.dispatch')}
        </Button>
      }
    >
      <ProblemAlert error={error ?? ranking.error} style={{ marginBottom: 12 }} />
      {data && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(`dispatch.modes.${data.mode}`)} />
      )}
      {ranking.isLoading ? (
        <Spin />
      ) : !data?.candidates.length ? (
        <Empty description={t('dispatch.ranking.empty')} />
      ) : (
        <List
          dataSource={data.candidates}
          renderItem={(c) => (
            <List.Item
              data-testid={`dispatch-rank-item-${c.code}`}
              data-eligible={c.eligible ? 'yes' : 'no'}
              style={{ opacity: c.eligible ? 1 : 0.55, alignItems: 'flex-start' }}
              actions={
                c.eligible
                  ? [
                      <Button
                        key="go"
                        size="small"
                        type={c.rank === 1 ? 'primary' : 'default'}
                        loading={pending}
                        data-testid={`dispatch-rank-dispatch-${c.code}`}
                        onClick={() => onDispatch(c.outletId, data.order.version)}
                      >
                        {t('dispatch.ranking.dispatch')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{c.rank ? `#${c.rank}` : '—'}</Typography.Text>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <Typography.Text type="secondary">{c.code}</Typography.Text>
                  <Tag color={GRADE_COLOR[c.grade]}>{c.grade}</Tag>
                  <Tag color={c.eligible ? 'green' : 'default'}>
                    {t(c.eligible ? 'dispatch.ranking.eligible' : 'dispatch.ranking.ineligible')}
                  </Tag>
                </Flex>
                <Flex gap={12} align="center">
                  <Progress
                    percent={Math.min(100, c.loadPercent)}
                    status={c.loadPercent >= 100 ? 'exception' : 'normal'}
                    size="small"
                    style={{ width: 160, margin: 0 }}
                    format={() => t('dispatch.ranking.load', { open: c.open, capacity: c.capacity })}
                  />
                  {c.distanceKm !== null && (
                    <Typography.Text type="secondary">
                      {t('dispatch.ranking.distance', { km: c.distanceKm })}
                    </Typography.Text>
                  )}
                </Flex>
                <Reasons c={c} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
