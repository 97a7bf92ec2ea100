import { useState } from 'react';
import { Button, Card, Empty, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import { EnvironmentOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useBookings } from '../api.ts';
import { DeliveryStatusTag } from '../components/StatusTag.tsx';
import { byRoute, crewTabOf, type CrewTab } from '../rules.ts';
import '../delivery.css';

type Tab = CrewTab;
const bucketOf = crewTabOf;

/** 我的送装: the crew's deliveries in route order, at phone width. */
export default function CrewJobsPage() {
  const { t } = useTranslation();
  const list = useBookings({});
  const [tab, setTab] = useState<Tab>('today');
  // Business day in Beijing, whatever the phone's own zone is.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const all = list.data?.items ?? [];
  const items = all.filter((b) => bucketOf(b, today) === tab).sort(byRoute);
  const count = (x: Tab) => all.filter((b) => bucketOf(b, today) === x).length;
  return (
    <div className="dlv-root" data-testid="crew-jobs">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('delivery.mobile.title')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          size="large"
          loading={list.isFetching}
          onClick={() => void list.refetch()}
        />
      </Flex>
      <Segmented<Tab>
        block
        size="large"
        value={tab}
        onChange={setTab}
        style={{ marginBottom: 12 }}
        options={(['today', 'upcoming', 'done'] as const).map((b) => ({
          value: b,
          label: <span data-testid={`crew-tab-${b}`}>{`${t(`delivery.mobile.${b}`)} ${count(b)}`}</span>,
        }))}
      />
      {list.isPending && <Skeleton active />}
      <ProblemAlert error={list.error} />
      {list.isSuccess && items.length === 0 && <Empty description={t('delivery.mobile.empty')} />}
      {items.map((b) => (
        <Link
          key={b.id}
          to={`/m/deliveries/${b.id}`}
          className="dlv-link"
          data-testid={`crew-job-${b.number}`}
        >
          <Card className="dlv-card" size="small">
            <Flex justify="space-between" align="baseline">
              <span className="dlv-time">{b.plannedStart ?? `${b.slot.start}–${b.slot.end}`}</span>
              <Flex gap={4}>
                {b.routeSeq !== null && <Tag>{t('delivery.mobile.seq', { n: b.routeSeq })}</Tag>}
                <DeliveryStatusTag status={b.status} />
              </Flex>
            </Flex>
            {tab !== 'today' && <div className="dlv-muted">{b.date}</div>}
            <Typography.Text strong style={{ fontSize: 16, display: 'block', marginTop: 6 }}>
              {b.customerName}
            </Typography.Text>
            <div className="dlv-muted">
              <EnvironmentOutlined /> {b.address}
            </div>
            <div style={{ marginTop: 4 }}>
              {b.lines.map((l) => `${l.productName} ${t('delivery.qty', { n: l.quantity })}`).join('，')}
            </div>
            <Flex justify="space-between" style={{ marginTop: 6 }}>
              <span className="dlv-muted anxin-mono">{b.number}</span>
              <span className="dlv-muted">
                <PhoneOutlined /> {b.phone}
              </span>
            </Flex>
          </Card>
        </Link>
      ))}
    </div>
  );
}
