import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { WorkshopReceipt } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SignaturePad } from '../../../components/SignaturePad.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useCloseReceipt, useCreateReceipt, useReceipts } from '../api.ts';
import { printArea } from '../print.ts';
import '../cards.css';

const at = (iso: string) => bj(iso).format('YYYY-MM-DD HH:mm');

/**
 * 带回修理收据 on the work-order page: issue a numbered receipt signed by the customer when the
 * product goes to the workshop, print it, close it when the customer picks the product up.
 */
export function WorkshopReceiptsCard({ orderId, hasProduct }: { orderId: string; hasProduct: boolean }) {
  const me = useSession();
  if (!me.permissions.includes('workorder:read') || !hasProduct) return null;
  return <Receipts orderId={orderId} canWrite={me.permissions.includes('workshop:receipt')} />;
}

function Receipts({ orderId, canWrite }: { orderId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const receipts = useReceipts(orderId);
  const close = useCloseReceipt(orderId);
  const [creating, setCreating] = useState(false);
  const [printing, setPrinting] = useState<WorkshopReceipt | null>(null);
  const hasOpen = (receipts.data ?? []).some((r) => r.status === 'open');

  const confirmClose = (r: WorkshopReceipt) =>
    modal.confirm({
      title: t('cards.receipt.closeConfirm'),
      content: r.number,
      onOk: () =>
        close.mutateAsync(
          { id: r.id, version: r.version },
          { onSuccess: () => void message.success(t('cards.receipt.closed', { number: r.number })) },
        ),
    });

  return (
    <Card
      size="small"
      title={t('cards.receipt.title')}
      data-testid="workshop-receipts"
      extra={
        canWrite && !hasOpen ? (
          <Button size="small" type="primary" onClick={() => setCreating(true)} data-testid="receipt-create">
            {t('cards.receipt.create')}
          </Button>
        ) : null
      }
    >
      {receipts.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : receipts.isError ? (
        <ProblemAlert error={receipts.error} />
      ) : receipts.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cards.receipt.empty')} />
      ) : (
        <Table<WorkshopReceipt>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={receipts.data}
          scroll={{ x: 600 }}
          columns={[
            { title: t('cards.receipt.number'), dataIndex: 'number', width: 150 },
            {
              title: t('cards.receipt.statusTitle'),
              key: 'status',
              width: 90,
              render: (_, r) => (
                <Tag color={r.status === 'open' ? 'orange' : 'green'}>
                  {t(`cards.receipt.status.${r.status}`)}
                </Tag>
              ),
            },
            { title: t('cards.receipt.promisedReturnDate'), dataIndex: 'promisedReturnDate', width: 120 },
            { title: t('cards.receipt.takenBy'), dataIndex: 'takenByName', width: 120 },
            {
              title: t('cards.receipt.closedAt'),
              key: 'closed',
              width: 170,
              render: (_, r) => (r.closedAt ? `${at(r.closedAt)} ${r.closedByName ?? ''}` : '—'),
            },
            {
              title: '',
              key: 'actions',
              width: 170,
              render: (_, r) => (
                <Flex gap={4}>
                  <Button
                    size="small"
                    icon={<PrinterOutlined />}
                    onClick={() => setPrinting(r)}
                    data-testid="receipt-print"
                  >
                    {t('cards.receipt.print')}
                  </Button>
                  {canWrite && r.status === 'open' && (
                    <Button size="small" onClick={() => confirmClose(r)} data-testid="receipt-close">
                      {t('cards.receipt.close')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
      {close.error ? <ProblemAlert error={close.error} /> : null}
      <CreateReceiptDialog
        orderId={orderId}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          setPrinting(r);
        }}
      />
      <Modal
        open={!!printing}
        onCancel={() => setPrinting(null)}
        title={t('cards.receipt.title')}
        width={640}
        destroyOnHidden
        footer={[
          <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={printArea}>
            {t('cards.receipt.print')}
          </Button>,
        ]}
      >
        {printing && <ReceiptSheet r={printing} />}
      </Modal>
    </Card>
  );
}

/** The printable receipt the customer keeps. */
function ReceiptSheet({ r }: { r: WorkshopReceipt }) {
  const { t } = useTranslation();
  return (
    <div className="anxin-receipt-sheet anxin-print-area" data-testid="receipt-sheet">
      <h3>{t('cards.receipt.title')}</h3>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('cards.receipt.number')}>{r.number}</Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.order')}>{r.orderNumber}</Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.customer')}>{r.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.createdAt')}>{at(r.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.product')}>{r.modelName}</Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.serial')}>{r.serial}</Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.accessories')} span={2}>
          {r.accessories.length ? r.accessories.join('、') : t('cards.receipt.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.condition')} span={2}>
          {r.condition}
        </Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.promisedReturnDate')}>
          {r.promisedReturnDate}
        </Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.takenBy')}>{r.takenByName}</Descriptions.Item>
        <Descriptions.Item label={t('cards.receipt.signature')} span={2}>
          <img className="anxin-signature" src={r.signature} alt={t('cards.receipt.signature')} />
        </Descriptions.Item>
        {r.closedAt && (
          <Descriptions.Item label={t('cards.receipt.closedAt')} span={2}>
            {at(r.closedAt)} {r.closedByName}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('cards.receipt.note', { hotline: r.hotline })}
      </Typography.Paragraph>
    </div>
  );
}

interface Values {
  accessories: string[];
  condition: string;
  promisedReturnDate?: Dayjs | null;
}

function CreateReceiptDialog({
  orderId,
  open,
  onClose,
  onCreated,
}: {
  orderId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (r: WorkshopReceipt) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateReceipt(orderId);
  const [signature, setSignature] = useState<string | null>(null);
  const [needSign, setNeedSign] = useState(false);

  const submit = (v: Values) => {
    if (!signature) {
      setNeedSign(true);
      return;
    }
    create.mutate(
      {
        accessories: v.accessories ?? [],
        condition: v.condition.trim(),
        promisedReturnDate: v.promisedReturnDate ? v.promisedReturnDate.format('YYYY-MM-DD') : undefined,
        signature,
      },
      {
        onSuccess: (r) => {
          void message.success(t('cards.receipt.created', { number: r.number }));
          form.resetFields();
          setSignature(null);
          onCreated(r);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('cards.receipt.createTitle')}
      okText={t('cards.receipt.create')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'receipt-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => create.reset()}
        initialValues={{ accessories: [] }}
      >
        <Form.Item
          name="accessories"
          label={t('cards.receipt.accessories')}
          extra={t('cards.receipt.accessoriesHint')}
        >
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、']}
            data-testid="receipt-accessories"
          />
        </Form.Item>
        <Form.Item
          name="condition"
          label={t('cards.receipt.condition')}
          rules={[{ required: true, max: 500 }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('cards.receipt.conditionPlaceholder')}
            data-testid="receipt-condition"
          />
        </Form.Item>
        <Form.Item name="promisedReturnDate" label={t('cards.receipt.promisedReturnDate')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          label={t('cards.receipt.signature')}
          extra={t('cards.receipt.signHint')}
          validateStatus={needSign && !signature ? 'error' : undefined}
          help={needSign && !signature ? t('cards.receipt.signFirst') : undefined}
        >
          {signature ? (
            <Flex gap={8} align="center">
              <img
                className="anxin-signature"
                src={signature}
                alt={t('cards.receipt.signature')}
                style={{ maxWidth: 240 }}
              />
              <Button size="small" onClick={() => setSignature(null)}>
                {t('common.retry')}
              </Button>
            </Flex>
          ) : (
            <SignaturePad onConfirm={setSignature} />
          )}
        </Form.Item>
        {create.error ? <ProblemAlert error={create.error} /> : null}
      </Form>
    </Modal>
  );
}
