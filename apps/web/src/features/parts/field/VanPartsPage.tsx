import { useDeferredValue, useState } from 'react';
import { Button, Card, Empty, Input, Popconfirm, Skeleton, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useMyRequests, useReceiveRequest, useVanStock, type PartRequest } from '../api/field.ts';
import { RequestStatusTag } from './PartTags.tsx';
import './field.css';

/** 我的备件 (/m/parts): the technician's van stock with a search, and their part requests. */
export default function VanPartsPage() {
  const { t } = useTranslation();
  return (
    <div className="parts-van-root" data-testid="van-parts">
      <Link to="/m/jobs">
        <Button type="text" icon={<ArrowLeftOutlined />} size="large">
          {t('parts.field.van.back')}
        </Button>
      </Link>
      <Typography.Title level={4} style={{ margin: '4px 0 8px' }}>
        {t('parts.field.van.title')}
      </Typography.Title>
      <Tabs
        size="large"
        items={[
          { key: 'stock', label: t('parts.field.van.stockTab'), children: <VanStock /> },
          { key: 'requests', label: t('parts.field.van.requestsTab'), children: <MyRequests /> },
        ]}
      />
    </div>
  );
}

function VanStock() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const stock = useVanStock(query);
  return (
    <>
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined />}
        value={q}
        placeholder={t('parts.field.van.search')}
        aria-label={t('parts.field.van.search')}
        data-testid="van-search"
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {stock.isPending ? (
        <Skeleton active />
      ) : stock.isError ? (
        <ProblemAlert error={stock.error} />
      ) : stock.data.items.length === 0 ? (
        <Empty description={t(query ? 'parts.field.van.noMatch' : 'parts.field.van.empty')} />
      ) : (
        stock.data.items.map((s) => (
          <Card
            key={`${s.locationId}:${s.itemId}`}
            className="field-card"
            size="small"
            data-testid={`van-item-${s.itemCode}`}
          >
            <div className="parts-job-row" style={{ padding: 0, border: 0 }}>
              <div className="parts-job-main">
                <strong>{s.itemName}</strong>
                <span className="parts-muted">{s.itemCode}</span>
                <span className="parts-muted">
                  {t('parts.field.van.levels', { onHand: s.onHand, reserved: s.reserved })}
                </span>
              </div>
              <div>
                <div className="parts-van-qty">{s.available}</div>
                <div className="parts-muted">{t('parts.fields.available')}</div>
              </div>
            </div>
          </Card>
        ))
      )}
    </>
  );
}

function MyRequests() {
  const { t } = useTranslation();
  const list = useMyRequests();
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <ProblemAlert error={list.error} />;
  if (list.data.items.length === 0) return <Empty description={t('parts.field.van.noRequests')} />;
  return (
    <>
      {list.data.items.map((r) => (
        <RequestCard key={r.id} request={r} />
      ))}
    </>
  );
}

function RequestCard({ request: r }: { request: PartRequest }) {
  const { t } = useTranslation();
  const receive = useReceiveRequest(r.orderId);
  return (
    <Card className="field-card" size="small" data-testid={`my-request-${r.id}`}>
      <div className="parts-job-main">
        <strong>
          {t('parts.field.requestNo', { number: r.number })} <RequestStatusTag status={r.status} />
        </strong>
        <Link to={`/m/jobs/${r.orderId}`}>{t('parts.field.van.order', { number: r.orderNumber })}</Link>
        <span className="parts-muted">{r.lines.map((l) => `${l.itemName} × ${l.qty}`).join('、')}</span>
        {r.trackingNo && (
          <span>{t('parts.field.tracking', { carrier: r.carrier ?? '', trackingNo: r.trackingNo })}</span>
        )}
        <span className="parts-muted">
          {t('parts.field.requestedAt', { at: bj(r.createdAt).format('MM-DD HH:mm') })}
        </span>
      </div>
      {receive.error && <ProblemAlert error={receive.error} style={{ marginTop: 8 }} />}
      {r.status === 'shipped' && (
        <Popconfirm
          title={t('parts.field.receive.confirm')}
          okText={t('parts.field.receive.action')}
          cancelText={t('parts.field.cancel')}
          onConfirm={() => receive.mutate({ id: r.id, version: r.version })}
        >
          <Button type="primary" block size="large" style={{ marginTop: 8 }} loading={receive.isPending}>
            {t('parts.field.receive.action')}
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}
