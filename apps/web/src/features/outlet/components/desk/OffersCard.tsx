import { Badge, Button, Card, Empty, Space, Table, Tag, Tooltip } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Offer } from '@anxin/contracts';
import { regionName } from '../../../customers/index.ts';
import { UrgencyTag, bj } from '../../../workorders/index.ts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import type { OutletDesk } from '../../pages/useOutletDesk.ts';
import { useNow } from '../useNow.ts';

function Countdown({ dueAt, number }: { dueAt: string; number: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = Math.floor((Date.parse(dueAt) - now) / 1000);
  const abs = Math.abs(left);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock =
    abs >= 3600
      ? `${Math.floor(abs / 3600)}:${pad(Math.floor(abs / 60) % 60)}:${pad(abs % 60)}`
      : `${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return (
    <Tooltip title={`${t('outlet.offers.due')} ${bj(dueAt).format('YYYY-MM-DD HH:mm')}`}>
      <Tag
        color={left < 0 ? 'red' : left < 300 ? 'orange' : 'blue'}
        className="anxin-mono"
        data-testid={`offer-countdown-${number}`}
      >
        {left < 0 ? t('outlet.offers.overdue') : t('outlet.offers.remaining', { time: clock })}
      </Tag>
    </Tooltip>
  );
}

/** Offers waiting for this outlet, each with its acceptance countdown. */
export function OffersCard({ desk }: { desk: OutletDesk }) {
  const { t } = useTranslation();
  const { offers, accept, regions, categoryName, onAccept, setRejecting } = desk;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('outlet.offers.title')}
          <Badge count={offers.data?.items.length ?? 0} showZero={false} />
        </Space>
      }
    >
      <ProblemAlert error={offers.error ?? accept.error} style={{ marginBottom: 12 }} />
      <Table<Offer>
        data-testid="outlet-offers"
        rowKey="id"
        size="small"
        loading={offers.isPending}
        dataSource={offers.data?.items ?? []}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlet.offers.empty')} />,
        }}
        onRow={(o) =>
          ({
            'data-testid': `offer-row-${o.order?.number ?? o.id}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'number',
            title: t('outlet.offers.order'),
            render: (_, o) => (
              <Space size={4} wrap>
                <span className="anxin-mono">{o.order?.number ?? '—'}</span>
                {o.order && <UrgencyTag urgency={o.order.urgency} />}
              </Space>
            ),
          },
          {
            key: 'customer',
            title: t('outlet.offers.customer'),
            render: (_, o) => o.order?.customerName ?? '—',
          },
          {
            key: 'category',
            title: t('outlet.offers.category'),
            render: (_, o) => categoryName(o.order?.categoryCode ?? null),
          },
          {
            key: 'region',
            title: t('outlet.offers.region'),
            render: (_, o) =>
              regionName(regions.data, o.order?.districtCode ?? null) ?? o.order?.districtCode ?? '—',
          },
          {
            key: 'due',
            title: t('outlet.offers.due'),
            render: (_, o) => <Countdown dueAt={o.dueAt} number={o.order?.number ?? o.id} />,
          },
          {
            key: 'actions',
            title: t('outlet.offers.actions'),
            align: 'right',
            render: (_, o) => {
              const number = o.order?.number ?? o.id;
              return (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    icon={<CheckOutlined />}
                    loading={accept.isPending && accept.variables?.offerId === o.id}
                    onClick={() => void onAccept(o)}
                    data-testid={`offer-accept-${number}`}
                  >
                    {t('outlet.offers.accept')}
                  </Button>
                  <Button
                    danger
                    size="small"
                    icon={<CloseOutlined />}
                    onClick={() => setRejecting({ id: o.id, number })}
                    data-testid={`offer-reject-${number}`}
                  >
                    {t('outlet.offers.reject')}
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
