import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ServiceContract, ServiceContractDetail } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCustomer } from '../../customers/index.ts';
import { yuan } from '../../../components/money.ts';
import { useContractTransition, useMarkPaid, useServiceContract } from '../api.ts';
import { StatusTag } from './StatusTag.tsx';

const k = 'servicecontracts.detail';

/** Coverage ids in words, from the customer's products and addresses (ids when not readable). */
function Coverage({ c }: { c: ServiceContractDetail }) {
  const { t } = useTranslation();
  const customer = useCustomer(c.customerId);
  const { modelIds, serials, addressIds } = c.coverage;
  const models = modelIds.map((id) => {
    const p = customer.data?.products.find((x) => x.modelId === id);
    return p ? `${p.modelCode} · ${p.modelName}` : id;
  });
  const sites = addressIds.map((id) => {
    const a = customer.data?.addresses.find((x) => x.id === id);
    return a ? `${a.label} · ${a.detail}` : id;
  });
  if (!modelIds.length && !serials.length && !addressIds.length) return <>{t(`${k}.coverAll`)}</>;
  const group = (label: string, xs: string[]) =>
    xs.length ? (
      <div>
        <Typography.Text type="secondary">{label}：</Typography.Text>
        {xs.map((x) => (
          <Tag key={x}>{x}</Tag>
        ))}
      </div>
    ) : null;
  return (
    <Space direction="vertical" size={2}>
      {group(t(`${k}.models`), models)}
      {group(t(`${k}.serials`), serials)}
      {group(t(`${k}.sites`), sites)}
    </Space>
  );
}

/** The facts of one contract; managers activate or cancel it and mark instalments paid. */
function Body({
  c,
  canManage,
  onEdit,
}: {
  c: ServiceContractDetail;
  canManage: boolean;
  onEdit: (c: ServiceContract) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useContractTransition();
  const paid = useMarkPaid();
  const [reason, setReason] = useState('');
  const quota = c.visitQuota === null ? t('servicecontracts.unlimited') : String(c.visitQuota);
  const move = (to: 'active' | 'cancelled') =>
    step
      .mutateAsync({ id: c.id, to, version: c.version, reason: reason.trim() || null })
      .then(() => message.success(t(to === 'active' ? `${k}.activated` : `${k}.cancelled`)))
      .catch(() => undefined);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ProblemAlert error={step.error ?? paid.error} />
      {canManage && (c.status === 'draft' || c.status === 'active') && (
        <Space wrap>
          {c.status === 'draft' && (
            <>
              <Button onClick={() => onEdit(c)}>{t(`${k}.edit`)}</Button>
              <Button type="primary" onClick={() => void move('active')} data-testid="contract-activate">
                {t(`${k}.activate`)}
              </Button>
            </>
          )}
          <Popconfirm
            title={t(`${k}.cancelConfirm`, { number: c.number })}
            description={
              c.status === 'active' && (
                <Input
                  placeholder={t(`${k}.cancelReason`)}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={200}
                />
              )
            }
            onConfirm={() => void move('cancelled')}
          >
            <Button danger>{t(`${k}.cancel`)}</Button>
          </Popconfirm>
        </Space>
      )}
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t(`${k}.customer`)}>{c.customerName ?? c.customerId}</Descriptions.Item>
        <Descriptions.Item label={t(`${k}.kind`)}>
          {t(`servicecontracts.kinds.${c.kind}`)} <StatusTag status={c.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t(`${k}.term`)} span={2}>
          {t('servicecontracts.term', { from: c.startsOn, to: c.endsOn })}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${k}.sla`)}>
          {t('servicecontracts.tierHours', {
            tier: t(`servicecontracts.tiers.${c.slaTier}`),
            hours: c.responseHours,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${k}.quota`)}>
          <span data-testid="contract-visits">
            {t('servicecontracts.visits', { used: c.visitsUsed, quota })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t(`${k}.parts`)}>
          {t(c.partsCovered ? `${k}.covered` : `${k}.notCovered`)}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${k}.labour`)}>
          {t(c.labourCovered ? `${k}.covered` : `${k}.notCovered`)}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${k}.price`)}>
          {t('servicecontracts.price', { amount: yuan(c.priceFen) })}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${k}.billing`)}>
          {t(`servicecontracts.billing.${c.billing}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${k}.coverage`)} span={2}>
          <Coverage c={c} />
        </Descriptions.Item>
        {c.note && (
          <Descriptions.Item label={t(`${k}.note`)} span={2}>
            {c.note}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{t(`${k}.instalments`)}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.instalments}
        data-testid="contract-instalments"
        columns={[
          { title: t(`${k}.seq`), dataIndex: 'seq', width: 60 },
          { title: t(`${k}.dueOn`), dataIndex: 'dueOn' },
          {
            title: t(`${k}.amount`),
            render: (_, l) => t('servicecontracts.price', { amount: yuan(l.amountFen) }),
          },
          {
            title: t(`${k}.paid`),
            render: (_, l) =>
              l.paidAt ? (
                <Tag color="green">{t(`${k}.paid`)}</Tag>
              ) : canManage && c.status === 'active' ? (
                <Popconfirm
                  title={t(`${k}.markPaidConfirm`, { seq: l.seq })}
                  onConfirm={() =>
                    void paid.mutateAsync({ id: c.id, instalmentId: l.id }).catch(() => undefined)
                  }
                >
                  <Button size="small">{t(`${k}.markPaid`)}</Button>
                </Popconfirm>
              ) : (
                <Tag>{t(`${k}.unpaid`)}</Tag>
              ),
          },
        ]}
      />
      <Typography.Title level={5}>{t(`${k}.visits`)}</Typography.Title>
      <Table
        size="small"
        rowKey="workOrderId"
        pagination={false}
        dataSource={c.visits}
        locale={{ emptyText: <Empty description={t(`${k}.noVisits`)} /> }}
        columns={[
          {
            title: t(`${k}.order`),
            render: (_, v) => (
              <Link to={`/workorders/${v.workOrderId}`} className="anxin-mono">
                {v.workOrderNumber}
              </Link>
            ),
          },
          { title: t(`${k}.visitedOn`), dataIndex: 'visitedOn' },
        ]}
      />
    </Space>
  );
}

/** The detail drawer of one contract. */
export function ContractDetail({
  id,
  canManage,
  onClose,
  onEdit,
}: {
  id: string | undefined;
  canManage: boolean;
  onClose: () => void;
  onEdit: (c: ServiceContract) => void;
}) {
  const { t } = useTranslation();
  const q = useServiceContract(id);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={720}
      title={q.data ? t(`${k}.title`, { number: q.data.number }) : ''}
      destroyOnHidden
    >
      <ProblemAlert error={q.error} />
      {q.data && <Body c={q.data} canManage={canManage} onEdit={onEdit} />}
    </Drawer>
  );
}
