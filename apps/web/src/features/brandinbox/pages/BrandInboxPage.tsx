import { useMemo, useState } from 'react';
import { App, Button, Flex, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BRAND_NEXT_STEPS, type BrandAction, type BrandOrder } from '@anxin/contracts';
import { ApiError } from '../../../api/client.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { useMe } from '../../auth/index.ts';
import { bj, formatWindow, StatusTag } from '../../workorders/index.ts';
import { useAccept, useBrandOrders, useConnections, useOwnOffers, useRetryAction, useStep } from '../api.ts';
import { RejectDialog, ScheduleDialog } from '../components/AnswerDialogs.tsx';
import { ConnectionsCard } from '../components/ConnectionsCard.tsx';

/** One line of the inbox: an offer of the outlet's own brand, or a mirrored order of another. */
interface Row {
  key: string;
  brand: string;
  brandKey: string;
  number: string;
  status: string;
  customer: string | null;
  address: string | null;
  window: { start: string; end: string } | null;
  dueAt: string | null;
  createdAt: string | null;
  order: BrandOrder | null;
}

const OWN = '__own__';
/** Orders with nothing left to answer; shown on request only. */
const FINISHED = new Set(['closed', 'cancelled', 'released']);
const ACTION_COLOR = { pending: 'processing', sent: 'success', failed: 'error' } as const;

/** 多品牌收件箱: the own brand's offers and every connected brand's orders in one list. */
export default function BrandInboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const perms = me.data?.permissions ?? [];
  const canManage = perms.includes('brandinbox:manage');
  const connections = useConnections();
  const orders = useBrandOrders();
  const own = useOwnOffers(perms.includes('dispatch:read'));
  const accept = useAccept();
  const retry = useRetryAction();
  const step = useStep();
  const [brand, setBrand] = useState<string | undefined>();
  const [showFinished, setShowFinished] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'reject' | 'schedule'; order: BrandOrder } | null>(null);

  const rows = useMemo<Row[]>(() => {
    const ownRows: Row[] = perms.includes('dispatch:read')
      ? (own.data ?? []).map((o) => ({
          key: `own-${o.id}`,
          brand: t('brandinbox.ownBrand'),
          brandKey: OWN,
          number: o.order?.number ?? '—',
          status: o.order?.status ?? 'dispatched_outlet',
          customer: o.order?.customerName ?? null,
          address: null,
          window: null,
          dueAt: o.dueAt,
          createdAt: o.offeredAt,
          order: null,
        }))
      : [];
    const brandRows: Row[] = (orders.data ?? []).map((o) => ({
      key: o.id,
      brand: o.brand,
      brandKey: o.connectionId,
      number: o.number,
      status: o.status,
      customer: o.customerName,
      address: o.address,
      window: o.window,
      dueAt: o.offerDueAt,
      createdAt: o.remoteCreatedAt,
      order: o,
    }));
    return [...ownRows, ...brandRows].filter(
      (r) => (!brand || r.brandKey === brand) && (showFinished || !FINISHED.has(r.status)),
    );
  }, [own.data, orders.data, brand, showFinished, perms, t]);

  const statusOf = (r: Row) =>
    r.status === 'released' ? <Tag>{t('brandinbox.released')}</Tag> : <StatusTag status={r.status} />;

  // Sent, failed with the brand's reason in words, or retrying (waiting again after a failed try).
  const answerOf = (a: BrandAction | null) => {
    if (!a) return null;
    const retrying = a.status === 'pending' && a.attempts > 0;
    return (
      <Flex vertical gap={2}>
        <span>
          <Tag color={retrying ? 'warning' : ACTION_COLOR[a.status]} data-testid="brand-action-status">
            {t(`brandinbox.actionKinds.${a.kind}`)} ·{' '}
            {retrying ? t('brandinbox.retrying') : t(`brandinbox.actionStatus.${a.status}`)}
          </Tag>
          {retrying && (
            <Typography.Text type="secondary">{t('brandinbox.attempts', { n: a.attempts })}</Typography.Text>
          )}
        </span>
        {a.problem && a.status !== 'sent' && (
          <Typography.Text type={a.status === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {problemText(t, new ApiError(a.problem))}
          </Typography.Text>
        )}
      </Flex>
    );
  };

  const actionsOf = (r: Row) => {
    if (!r.order) return <Link to="/outlet">{t('brandinbox.openOwn')}</Link>;
    if (!canManage) return null;
    const o = r.order;
    const last = o.lastAction;
    return (
      <Space size={4} wrap>
        {o.offerId && (
          <>
            <Button
              size="small"
              type="primary"
              data-testid="brand-accept"
              onClick={() =>
                void accept.mutateAsync(o.id).then(() => message.success(t('brandinbox.recorded')))
              }
            >
              {t('brandinbox.accept')}
            </Button>
            <Button size="small" danger onClick={() => setDialog({ kind: 'reject', order: o })}>
              {t('brandinbox.reject')}
            </Button>
          </>
        )}
        {o.status === 'outlet_accepted' && (
          <Button size="small" onClick={() => setDialog({ kind: 'schedule', order: o })}>
            {t('brandinbox.schedule')}
          </Button>
        )}
        {(BRAND_NEXT_STEPS[o.status] ?? []).map((s) => (
          <Button
            key={s}
            size="small"
            data-testid={`brand-step-${s}`}
            disabled={last?.status === 'pending'}
            onClick={() =>
              void step
                .mutateAsync({ id: o.id, step: s })
                .then(() => message.success(t('brandinbox.recorded')))
            }
          >
            {t(`brandinbox.steps.${s}`)}
          </Button>
        ))}
        {last?.status === 'failed' && (
          <Button size="small" type="link" onClick={() => void retry.mutateAsync(last.id)}>
            {t('brandinbox.retry')}
          </Button>
        )}
      </Space>
    );
  };

  const brandOptions = [
    ...(perms.includes('dispatch:read') ? [{ value: OWN, label: t('brandinbox.ownBrand') }] : []),
    ...(connections.data ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  const byText = (k: (r: Row) => string | null) => (a: Row, b: Row) =>
    (k(a) ?? '\uffff').localeCompare(k(b) ?? '\uffff');

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('brandinbox.title')} description={t('brandinbox.description')} />
      <ProblemAlert error={orders.error ?? connections.error ?? accept.error ?? step.error} />
      <Flex gap={8} align="center">
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('brandinbox.allBrands')}
          value={brand}
          onChange={setBrand}
          options={brandOptions}
          data-testid="brand-filter"
        />
        <Switch checked={showFinished} onChange={setShowFinished} data-testid="brand-show-finished" />
        <Typography.Text>{t('brandinbox.showFinished')}</Typography.Text>
      </Flex>
      <Table<Row>
        rowKey="key"
        size="middle"
        loading={orders.isLoading}
        dataSource={rows}
        locale={{ emptyText: t('brandinbox.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="brand-inbox-table"
        columns={[
          { title: t('brandinbox.col.brand'), dataIndex: 'brand', sorter: byText((r) => r.brand) },
          { title: t('brandinbox.col.number'), dataIndex: 'number', sorter: byText((r) => r.number) },
          {
            title: t('brandinbox.col.status'),
            render: (_, r) => statusOf(r),
            sorter: byText((r) => r.status),
          },
          { title: t('brandinbox.col.customer'), render: (_, r) => r.customer ?? '—' },
          { title: t('brandinbox.col.address'), render: (_, r) => r.address ?? '—', ellipsis: true },
          {
            title: t('brandinbox.col.window'),
            render: (_, r) => formatWindow(r.window),
            sorter: byText((r) => r.window?.start ?? null),
          },
          {
            title: t('brandinbox.col.due'),
            render: (_, r) => (r.dueAt ? bj(r.dueAt).format('MM-DD HH:mm') : '—'),
            sorter: byText((r) => r.dueAt),
            defaultSortOrder: 'ascend',
          },
          { title: t('brandinbox.col.answer'), render: (_, r) => answerOf(r.order?.lastAction ?? null) },
          { title: t('brandinbox.col.actions'), render: (_, r) => actionsOf(r) },
        ]}
      />
      <ConnectionsCard
        items={connections.data ?? []}
        canManage={canManage}
        myOutletId={me.data?.scope.outletId ?? null}
      />
      {dialog?.kind === 'reject' && <RejectDialog order={dialog.order} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'schedule' && <ScheduleDialog order={dialog.order} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
