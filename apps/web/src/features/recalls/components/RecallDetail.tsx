import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Popconfirm,
  Progress,
  Select,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  RECALL_CONTACT_STATUSES,
  type Recall,
  type RecallContactStatus,
  type RecallProduct,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import {
  useCreateOrders,
  useModels,
  useRecall,
  useRecallAction,
  useRecallProducts,
  useRecallStep,
} from '../api.ts';
import { CallDialog } from './CallDialog.tsx';

const time = (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '—');
const CONTACT_COLOR: Record<RecallContactStatus, string> = {
  pending: 'default',
  notified: 'blue',
  reached: 'cyan',
  no_answer: 'orange',
  wrong_number: 'red',
  refused: 'volcano',
  booked: 'green',
};

function Figures({ recall }: { recall: Recall }) {
  const { t } = useTranslation();
  const f = recall.figures;
  return (
    <Flex gap={24} wrap align="center" data-testid="recall-figures">
      <Statistic title={t('recalls.figures.affected')} value={f.affected} />
      <Statistic title={t('recalls.figures.contacted')} value={f.contacted} />
      <Statistic title={t('recalls.figures.reached')} value={f.reached} />
      <Statistic title={t('recalls.figures.ordersCreated')} value={f.ordersCreated} />
      <Statistic title={t('recalls.figures.completed')} value={f.completed} />
      <Progress type="circle" size={64} percent={f.completionPct} />
    </Flex>
  );
}

/** The actions of the recall's state: launch a draft; text, refresh, order and close an active one. */
function Actions({ recall, canManage, onEdit }: { recall: Recall; canManage: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useRecallStep();
  const action = useRecallAction();
  const orders = useCreateOrders();
  if (!canManage || recall.status === 'closed') return null;
  const k = 'recalls.detail';
  const err = step.error ?? action.error ?? orders.error;
  const run = (p: Promise<unknown>) => void p.catch(() => undefined);
  return (
    <Flex vertical gap={8}>
      <ProblemAlert error={err} />
      <Flex gap={8} wrap>
        {recall.status === 'draft' ? (
          <>
            <Button onClick={onEdit}>{t(`${k}.edit`)}</Button>
            <Popconfirm
              title={t(`${k}.launchConfirm`)}
              onConfirm={() =>
                run(
                  step
                    .mutateAsync({ id: recall.id, step: 'launch', version: recall.version })
                    .then((r) => message.success(t(`${k}.launched`, { count: r.figures.affected }))),
                )
              }
            >
              <Button type="primary" loading={step.isPending} data-testid="recall-launch">
                {t(`${k}.launch`)}
              </Button>
            </Popconfirm>
          </>
        ) : (
          <>
            <Button
              data-testid="recall-notify"
              loading={action.isPending}
              onClick={() =>
                run(
                  action
                    .mutateAsync({ id: recall.id, action: 'notify' })
                    .then((r) => message.success(t(`${k}.notified`, { count: r.count }))),
                )
              }
            >
              {t(`${k}.notify`)}
            </Button>
            <Button
              loading={action.isPending}
              onClick={() =>
                run(
                  action
                    .mutateAsync({ id: recall.id, action: 'refresh' })
                    .then((r) => message.success(t(`${k}.refreshed`, { count: r.count }))),
                )
              }
            >
              {t(`${k}.refresh`)}
            </Button>
            {(['booked', 'all'] as const).map((scope) => (
              <Button
                key={scope}
                data-testid={`recall-orders-${scope}`}
                loading={orders.isPending}
                onClick={() =>
                  run(
                    orders
                      .mutateAsync({ id: recall.id, scope })
                      .then((r) => message.success(t(`${k}.ordersCreated`, { count: r.count }))),
                  )
                }
              >
                {scope === 'booked' ? t(`${k}.ordersBooked`) : t(`${k}.ordersAll`)}
              </Button>
            ))}
            <Popconfirm
              title={t(`${k}.closeConfirm`)}
              onConfirm={() =>
                run(step.mutateAsync({ id: recall.id, step: 'close', version: recall.version }))
              }
            >
              <Button danger loading={step.isPending}>
                {t(`${k}.close`)}
              </Button>
            </Popconfirm>
          </>
        )}
      </Flex>
    </Flex>
  );
}

function Products({ recall, canCall }: { recall: Recall; canCall: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RecallContactStatus | undefined>();
  const [calling, setCalling] = useState<RecallProduct | null>(null);
  const q = useRecallProducts(recall.id, status);
  const k = 'recalls.products';
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <strong>{t('recalls.detail.products')}</strong>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('recalls.detail.filter')}
          value={status}
          onChange={setStatus}
          data-testid="recall-contact-filter"
          options={RECALL_CONTACT_STATUSES.map((s) => ({ value: s, label: t(`recalls.contact.${s}`) }))}
        />
      </Flex>
      <ProblemAlert error={q.error} />
      <Table<RecallProduct>
        size="small"
        rowKey="id"
        data-testid="recall-products"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t(`${k}.empty`) }}
        columns={[
          { title: t(`${k}.serial`), dataIndex: 'serial' },
          { title: t(`${k}.customer`), dataIndex: 'customerName' },
          { title: t(`${k}.batch`), dataIndex: 'productionBatch', render: (b: string | null) => b ?? '—' },
          {
            title: t(`${k}.contact`),
            dataIndex: 'contactStatus',
            render: (s: RecallContactStatus) => (
              <Tag color={CONTACT_COLOR[s]}>{t(`recalls.contact.${s}`)}</Tag>
            ),
          },
          { title: t(`${k}.attempts`), dataIndex: 'callAttempts', align: 'right' },
          { title: t(`${k}.lastCall`), dataIndex: 'lastCallAt', render: time },
          {
            title: t(`${k}.order`),
            key: 'order',
            render: (_: unknown, p) =>
              p.workOrderId ? (
                <Flex gap={4} align="center">
                  <Link to={`/workorders/${p.workOrderId}`}>{p.workOrderNumber}</Link>
                  {p.completedAt && <Tag color="green">{t(`${k}.completed`)}</Tag>}
                </Flex>
              ) : (
                '—'
              ),
          },
          ...(canCall && recall.status === 'active'
            ? [
                {
                  title: '',
                  key: 'call',
                  render: (_: unknown, p: RecallProduct) => (
                    <Button
                      size="small"
                      onClick={() => setCalling(p)}
                      data-testid={`recall-call-${p.serial}`}
                    >
                      {t(`${k}.call`)}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CallDialog product={calling} onClose={() => setCalling(null)} />
    </Flex>
  );
}

/** One recall: figures, terms, the actions of its state, and the affected products. */
export function RecallDetail({
  id,
  canManage,
  canCall,
  onClose,
  onEdit,
}: {
  id: string | undefined;
  canManage: boolean;
  canCall: boolean;
  onClose: () => void;
  onEdit: (r: Recall) => void;
}) {
  const { t } = useTranslation();
  const q = useRecall(id);
  const models = useModels();
  const r = q.data;
  const k = 'recalls.detail';
  const modelName = (mid: string) => models.data?.find((m) => m.id === mid)?.modelCode ?? mid;
  const list = (xs: string[]) => (xs.length ? xs.join('、') : t(`${k}.none`));
  return (
    <Drawer open={!!id} onClose={onClose} width={960} title={r?.title ?? t(`${k}.title`)} destroyOnHidden>
      <ProblemAlert error={q.error} />
      {r && (
        <Flex vertical gap={16} data-testid="recall-detail">
          <Flex gap={8} align="center">
            <Tag>{t(`recalls.statuses.${r.status}`)}</Tag>
            <Tag color="purple">{t(`recalls.orderTypes.${r.orderType}`)}</Tag>
          </Flex>
          <Figures recall={r} />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t(`${k}.reason`)}>{r.reason || t(`${k}.none`)}</Descriptions.Item>
            <Descriptions.Item label={t(`${k}.models`)}>
              {list(r.criteria.modelIds.map(modelName))}
            </Descriptions.Item>
            <Descriptions.Item label={t(`${k}.ranges`)}>
              {list(r.criteria.serialRanges.map((x) => `${x.from} ~ ${x.to}`))}
            </Descriptions.Item>
            <Descriptions.Item label={t(`${k}.batches`)}>{list(r.criteria.batches)}</Descriptions.Item>
          </Descriptions>
          <Actions recall={r} canManage={canManage} onEdit={() => onEdit(r)} />
          <Products recall={r} canCall={canCall} />
        </Flex>
      )}
    </Drawer>
  );
}
