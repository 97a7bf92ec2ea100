import { useState } from 'react';
import { App, Button, Drawer, Empty, Flex, Form, Input, InputNumber, Modal, Table } from 'antd';
import dayjs from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProductStock, ReceiveProductStock, StockLedgerEntry } from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useReceiveStock, useStock, useStockLedger } from '../api.ts';

/** Goods into the product stock (factory deliveries); waiting factory lines are reserved first. */
function ReceiveDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiveProductStock>();
  const receive = useReceiveStock();
  const submit = (v: ReceiveProductStock) =>
    receive.mutate(
      { ...v, note: v.note?.trim() || undefined },
      {
        onSuccess: (r) => {
          message.success(t('sales.stock.received', { lines: r.reservedLines }));
          form.resetFields();
          onClose();
        },
        onError: (err) => applyFieldErrors(form, err),
      },
    );
  return (
    <Modal
      open={open}
      title={t('sales.stock.receive')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: receive.isPending, ...{ 'data-testid': 'sales-receive-ok' } }}
      cancelText={t('sales.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ quantity: 1 }}>
        <Form.Item
          name="model"
          label={t('sales.field.model')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={64} data-testid="sales-receive-model" />
        </Form.Item>
        <Form.Item
          name="productName"
          label={t('sales.field.productName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} data-testid="sales-receive-name" />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t('sales.field.quantity')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber
            min={1}
            max={100000}
            precision={0}
            style={{ width: '100%' }}
            data-testid="sales-receive-qty"
          />
        </Form.Item>
        <Form.Item name="note" label={t('sales.stock.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      <ProblemAlert error={receive.error} />
    </Modal>
  );
}

/** A model's ledger: every receipt, reservation, release and issue with the levels after it. */
function LedgerDrawer({ model, onClose }: { model: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ledger = useStockLedger(model);
  return (
    <Drawer
      open={!!model}
      onClose={onClose}
      width={760}
      title={t('sales.stock.ledgerTitle', { model })}
      destroyOnHidden
    >
      <ProblemAlert error={ledger.error} />
      <Table<StockLedgerEntry>
        size="small"
        rowKey="id"
        loading={ledger.isPending}
        dataSource={ledger.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="sales-ledger"
        columns={[
          { key: 'at', title: t('sales.stock.at'), render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm') },
          { key: 'kind', title: t('sales.stock.kind'), render: (_, e) => t(`sales.stock.kinds.${e.kind}`) },
          { key: 'qty', title: t('sales.field.quantity'), dataIndex: 'quantity', align: 'right' },
          { key: 'onHand', title: t('sales.stock.onHand'), dataIndex: 'onHandAfter', align: 'right' },
          { key: 'reserved', title: t('sales.stock.reserved'), dataIndex: 'reservedAfter', align: 'right' },
          {
            key: 'contract',
            title: t('sales.field.contractNo'),
            render: (_, e) => e.contractNo ?? e.note ?? '—',
          },
        ]}
      />
    </Drawer>
  );
}

/** The product stock per model: on hand, reserved for contracts, available; a row opens its ledger. */
export function StockTab() {
  const { t } = useTranslation();
  const me = useSession();
  const stock = useStock();
  const [receiving, setReceiving] = useState(false);
  const [ledgerOf, setLedgerOf] = useState<string | null>(null);
  return (
    <>
      {me.permissions.includes('sales:stock') && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setReceiving(true)}
            data-testid="sales-receive"
          >
            {t('sales.stock.receive')}
          </Button>
        </Flex>
      )}
      <ProblemAlert error={stock.error} />
      <Table<ProductStock>
        size="middle"
        rowKey="model"
        loading={stock.isPending}
        dataSource={stock.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('sales.stock.empty')} /> }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="sales-stock-table"
        onRow={(s) => ({ onClick: () => setLedgerOf(s.model), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'model',
            title: t('sales.field.model'),
            render: (_, s) => <span className="anxin-mono">{s.model}</span>,
          },
          { key: 'name', title: t('sales.field.productName'), dataIndex: 'productName' },
          { key: 'onHand', title: t('sales.stock.onHand'), dataIndex: 'onHand', align: 'right' },
          { key: 'reserved', title: t('sales.stock.reserved'), dataIndex: 'reserved', align: 'right' },
          { key: 'available', title: t('sales.stock.available'), dataIndex: 'available', align: 'right' },
        ]}
      />
      <ReceiveDialog open={receiving} onClose={() => setReceiving(false)} />
      <LedgerDrawer model={ledgerOf} onClose={() => setLedgerOf(null)} />
    </>
  );
}
