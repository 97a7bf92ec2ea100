import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, List, Select, Table, Tag, Typography } from 'antd';
import { BellOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  SERVICE_CONTRACT_STATUSES,
  type ServiceContract,
  type ServiceContractStatus,
} from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { yuan } from '../../../components/money.ts';
import { useMe } from '../../auth/index.ts';
import { useCloseReminder, useRenewalReminders, useRunRenewals, useServiceContracts } from '../api.ts';
import { ContractDetail } from '../components/ContractDetail.tsx';
import { ContractDrawer } from '../components/ContractDrawer.tsx';
import { StatusTag } from '../components/StatusTag.tsx';

/** The renewal to-dos raised by the job, N days before each contract's last day. */
function Reminders({ canManage, onOpen }: { canManage: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useRenewalReminders();
  const done = useCloseReminder();
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card
      size="small"
      data-testid="contract-reminders"
      title={
        <Flex gap={8} align="center">
          <BellOutlined />
          {t('servicecontracts.reminders.title')}
          <Tag color="orange">{items.length}</Tag>
        </Flex>
      }
    >
      <ProblemAlert error={done.error} />
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Button
                      key="done"
                      size="small"
                      onClick={() =>
                        void done
                          .mutateAsync(r.id)
                          .then(() => message.success(t('servicecontracts.reminders.doneOk')))
                          .catch(() => undefined)
                      }
                    >
                      {t('servicecontracts.reminders.done')}
                    </Button>,
                  ]
                : []
            }
          >
            <Typography.Link onClick={() => onOpen(r.contractId)}>
              {t('servicecontracts.reminders.line', {
                number: r.contractNumber,
                customer: r.customerName ?? '—',
                date: r.endsOn,
              })}
            </Typography.Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 服务合同: the contracts list with search and status filter, renewal to-dos, editor and detail. */
export default function ServiceContractsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('servicecontract:manage');
  const [status, setStatus] = useState<ServiceContractStatus | undefined>();
  const [search, setSearch] = useState('');
  const list = useServiceContracts({ status, q: search.trim() || undefined });
  const run = useRunRenewals();
  const [editing, setEditing] = useState<ServiceContract | null | undefined>(undefined);
  const [openId, setOpenId] = useState<string | undefined>();

  const runNow = async () => {
    const r = await run.mutateAsync();
    message.success(
      t('servicecontracts.runDone', { reminded: r.reminded.length, expired: r.expired.length }),
    );
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('servicecontracts.title')} description={t('servicecontracts.description')} />
      <Reminders canManage={canManage} onOpen={setOpenId} />
      <Flex justify="space-between" gap={8} wrap>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            placeholder={t('servicecontracts.search')}
            onSearch={setSearch}
            style={{ width: 260 }}
            data-testid="contract-search"
          />
          <Select
            allowClear
            placeholder={t('servicecontracts.allStatuses')}
            value={status}
            onChange={setStatus}
            style={{ width: 160 }}
            options={SERVICE_CONTRACT_STATUSES.map((s) => ({
              value: s,
              label: t(`servicecontracts.statuses.${s}`),
            }))}
          />
        </Flex>
        {canManage && (
          <Flex gap={8}>
            <Button
              icon={<PlayCircleOutlined />}
              loading={run.isPending}
              onClick={() => void runNow().catch(() => undefined)}
            >
              {t('servicecontracts.runNow')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="contract-create"
            >
              {t('servicecontracts.create')}
            </Button>
          </Flex>
        )}
      </Flex>
      <ProblemAlert error={list.error ?? run.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ServiceContract>
          data-testid="service-contracts"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('servicecontracts.empty')} /> }}
          onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('servicecontracts.col.number'),
              render: (_, c) => <span className="anxin-mono">{c.number}</span>,
            },
            { title: t('servicecontracts.col.customer'), render: (_, c) => c.customerName ?? '—' },
            {
              title: t('servicecontracts.col.kind'),
              render: (_, c) => t(`servicecontracts.kinds.${c.kind}`),
            },
            {
              title: t('servicecontracts.col.term'),
              render: (_, c) => t('servicecontracts.term', { from: c.startsOn, to: c.endsOn }),
            },
            {
              title: t('servicecontracts.col.sla'),
              render: (_, c) => t(`servicecontracts.tiers.${c.slaTier}`),
            },
            {
              title: t('servicecontracts.col.visits'),
              render: (_, c) =>
                t('servicecontracts.visits', {
                  used: c.visitsUsed,
                  quota: c.visitQuota === null ? t('servicecontracts.unlimited') : c.visitQuota,
                }),
            },
            {
              title: t('servicecontracts.col.price'),
              align: 'right',
              render: (_, c) => t('servicecontracts.price', { amount: yuan(c.priceFen) }),
            },
            {
              title: t('servicecontracts.col.status'),
              render: (_, c) => (
                <Flex gap={4} wrap>
                  <StatusTag status={c.status} />
                  {c.renewalDueOn && <Tag color="orange">{t('servicecontracts.renewalDue')}</Tag>}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <ContractDrawer
        open={editing !== undefined}
        contract={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <ContractDetail
        id={openId}
        canManage={canManage}
        onClose={() => setOpenId(undefined)}
        onEdit={(c) => {
          setOpenId(undefined);
          setEditing(c);
        }}
      />
    </Flex>
  );
}
