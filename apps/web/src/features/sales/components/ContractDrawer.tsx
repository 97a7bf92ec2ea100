import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Modal,
  Skeleton,
  Table,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SalesContract, SalesLine } from '@anxin/contracts';
import { yuan } from '../../../components/money.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useCancelContract, useContract, useStockCheck } from '../api.ts';
import { ContractStatusTag, LineStateTag } from './tags.tsx';

/** Lines with their stock state and, for a factory line, when it was ordered and is expected. */
function LinesTable({ lines }: { lines: SalesLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<SalesLine>
      size="small"
      rowKey="lineId"
      pagination={false}
      dataSource={lines}
      data-testid="sales-lines"
      columns={[
        {
          key: 'model',
          title: t('sales.field.model'),
          render: (_, l) => <span className="anxin-mono">{l.model}</span>,
        },
        { key: 'name', title: t('sales.field.productName'), dataIndex: 'productName' },
        { key: 'qty', title: t('sales.field.quantity'), dataIndex: 'quantity', align: 'right' },
        {
          key: 'price',
          title: t('sales.field.unitPrice'),
          align: 'right',
          render: (_, l) => yuan(l.unitPriceFen),
        },
        {
          key: 'install',
          title: t('sales.field.needsInstallation'),
          render: (_, l) => t(l.needsInstallation ? 'sales.detail.yes' : 'sales.detail.no'),
        },
        { key: 'state', title: t('sales.field.state'), render: (_, l) => <LineStateTag state={l.state} /> },
        {
          key: 'ordered',
          title: t('sales.field.factoryOrderDate'),
          render: (_, l) => l.factoryOrderDate ?? '—',
        },
        { key: 'expected', title: t('sales.field.expectedDate'), render: (_, l) => l.expectedDate ?? '—' },
      ]}
    />
  );
}

function Actions({ c }: { c: SalesContract }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const check = useStockCheck();
  const cancel = useCancelContract();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const canCheck = c.status === 'entered' && me.permissions.includes('sales:stock');
  const canCancel =
    (c.status === 'entered' || c.status === 'stock_checked') && me.permissions.includes('sales:write');
  if (!canCheck && !canCancel) return null;
  return (
    <>
      <Flex gap={8}>
        {canCheck && (
          <Button
            type="primary"
            loading={check.isPending}
            data-testid="sales-check-stock"
            onClick={() =>
              check.mutate(
                { id: c.id, version: c.version },
                { onSuccess: () => message.success(t('sales.detail.checked')) },
              )
            }
          >
            {t('sales.detail.checkStock')}
          </Button>
        )}
        {canCancel && (
          <Button danger onClick={() => setCancelling(true)} data-testid="sales-cancel">
            {t('sales.detail.cancelContract')}
          </Button>
        )}
      </Flex>
      <ProblemAlert error={check.error} style={{ marginTop: 12 }} />
      <Modal
        open={cancelling}
        title={t('sales.detail.cancelTitle')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: cancel.isPending }}
        okText={t('sales.detail.cancelContract')}
        cancelText={t('sales.cancel')}
        onOk={() =>
          cancel.mutate(
            { id: c.id, version: c.version, reason: reason.trim() },
            {
              onSuccess: () => {
                setCancelling(false);
                message.success(t('sales.detail.cancelled'));
              },
            },
          )
        }
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('sales.field.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="sales-cancel-reason"
        />
        <ProblemAlert error={cancel.error} style={{ marginTop: 12 }} />
      </Modal>
    </>
  );
}

/** One contract: customer and delivery facts, the lines' stock states, the available date, history. */
export function ContractDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useContract(id);
  const c = q.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={900}
      destroyOnHidden
      title={c ? t('sales.detail.title', { contractNo: c.contractNo }) : ''}
      extra={c && <ContractStatusTag status={c.status} />}
      data-testid="sales-drawer"
    >
      <ProblemAlert error={q.error} />
      {!c ? (
        q.isPending && <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Actions c={c} />
          {c.availableDate && c.status !== 'cancelled' && (
            <Alert
              type="info"
              showIcon
              data-testid="sales-available"
              title={t('sales.detail.availableHint', { date: c.availableDate })}
            />
          )}
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('sales.field.customerName')}>{c.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.phones')}>{c.phones.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.region')}>{c.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.addressDetail')}>{c.addressDetail}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.store')}>{c.storeName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.salesperson')}>{c.salesperson}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.orderDate')}>{c.orderDate}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.requestedDate')}>{c.requestedDate}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.batchDate')}>{c.batchDate}</Descriptions.Item>
            <Descriptions.Item label={t('sales.field.availableDate')}>
              <span data-testid="sales-available-date">{c.availableDate ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('sales.field.total')}>
              {t('sales.yuan', { value: yuan(c.totalFen) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('sales.field.source')}>
              {t(`sales.source.${c.source}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('sales.field.specialRequests')} span={2}>
              {c.specialRequests ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <LinesTable lines={c.lines} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('sales.detail.history')}
          </Typography.Title>
          <Timeline
            items={(c.history ?? []).map((h) => ({
              key: `${h.type}:${h.at}`,
              children: (
                <>
                  {t(`sales.event.${h.type}`, { defaultValue: h.type })}
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
                    {h.actorName ? ` · ${h.actorName}` : ''}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        </Flex>
      )}
    </Drawer>
  );
}
