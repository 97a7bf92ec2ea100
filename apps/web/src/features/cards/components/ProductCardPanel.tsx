import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
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
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RepairPartWarranty, WarrantyCard } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useProductCard, useStaffActivate, useTransferCard } from '../api.ts';
import { printArea } from '../print.ts';
import { WarrantyCardSheet } from './WarrantyCardSheet.tsx';

const day = (iso: string) => bj(iso).format('YYYY-MM-DD');

/**
 * A product's electronic warranty card for staff: activate (store, hotline), transfer to a new
 * owner where the category allows it, the card itself (printable), and the parts fitted on its
 * completed orders with their repair warranty. Needs product:read.
 */
export function ProductCardPanel({
  productId,
  customerId,
  serial,
}: {
  productId: string;
  customerId: string;
  serial: string;
}) {
  const me = useSession();
  if (!me.permissions.includes('product:read')) return null;
  return <Panel productId={productId} customerId={customerId} serial={serial} />;
}

function Panel({ productId, customerId, serial }: { productId: string; customerId: string; serial: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const info = useProductCard(productId);
  const activate = useStaffActivate(productId);
  const [channel, setChannel] = useState<'store' | 'hotline'>('store');
  const [transferring, setTransferring] = useState(false);
  const [showCard, setShowCard] = useState(false);
  const canActivate = me.permissions.includes('card:activate');
  const canTransfer = me.permissions.includes('card:transfer');
  const card = info.data?.card ?? null;

  return (
    <Card size="small" title={t('cards.staff.title')} data-testid="product-card-panel">
      {info.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : info.isError ? (
        <ProblemAlert error={info.error} />
      ) : (
        <Flex vertical gap={12}>
          {card ? (
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('cards.card.cardNo')}>
                <Typography.Text strong data-testid="product-card-no">
                  {card.cardNo}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('cards.card.holder')}>{card.holderName}</Descriptions.Item>
              <Descriptions.Item label={t('cards.card.activatedAt')}>
                {day(card.activatedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('cards.staff.channel')}>
                {t(`cards.channel.${card.channel}`)}
              </Descriptions.Item>
              {card.transfers.map((x) => (
                <Descriptions.Item key={x.id} label={t('cards.card.transfers')} span={2}>
                  {t('cards.card.transferLine', {
                    date: day(x.at),
                    from: x.fromName,
                    to: x.toName,
                    reason: x.reason,
                  })}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ) : (
            <Typography.Text type="secondary" data-testid="product-card-none">
              {t('cards.staff.notActivated')}
            </Typography.Text>
          )}
          <Flex gap={8} wrap>
            {!card && canActivate && (
              <>
                <Select
                  value={channel}
                  onChange={setChannel}
                  style={{ width: 140 }}
                  options={(['store', 'hotline'] as const).map((c) => ({
                    value: c,
                    label: t(`cards.channel.${c}`),
                  }))}
                />
                <Button
                  type="primary"
                  icon={<SafetyCertificateOutlined />}
                  loading={activate.isPending}
                  data-testid="product-card-activate"
                  onClick={() =>
                    activate.mutate(
                      { serial, customerId, channel },
                      {
                        onSuccess: (c) =>
                          void message.success(t('cards.activate.done', { cardNo: c.cardNo })),
                      },
                    )
                  }
                >
                  {t('cards.staff.activate')}
                </Button>
              </>
            )}
            {card && (
              <Button onClick={() => setShowCard(true)} data-testid="product-card-open">
                {t('cards.staff.openCard')}
              </Button>
            )}
            {card && canTransfer && (
              <Button
                onClick={() => setTransferring(true)}
                disabled={!info.data?.transferAllowed}
                title={info.data?.transferAllowed ? undefined : t('cards.staff.transferNotAllowed')}
                data-testid="product-card-transfer"
              >
                {t('cards.staff.transfer')}
              </Button>
            )}
            {card && !info.data?.transferAllowed && (
              <Typography.Text type="secondary">{t('cards.staff.transferNotAllowed')}</Typography.Text>
            )}
          </Flex>
          {activate.error ? <ProblemAlert error={activate.error} /> : null}
          <RepairParts parts={info.data?.repairParts ?? []} />
        </Flex>
      )}
      {card && (
        <TransferDialog
          productId={productId}
          card={card}
          open={transferring}
          onClose={() => setTransferring(false)}
        />
      )}
      <Modal
        open={showCard && !!card}
        onCancel={() => setShowCard(false)}
        title={t('cards.card.heading')}
        footer={[
          <Button key="print" onClick={printArea}>
            {t('cards.card.print')}
          </Button>,
        ]}
        width={520}
        destroyOnHidden
      >
        {card && <WarrantyCardSheet card={card} />}
      </Modal>
    </Card>
  );
}

function RepairParts({ parts }: { parts: RepairPartWarranty[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="product-repair-parts">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('cards.staff.repairParts')}
      </Typography.Title>
      {parts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cards.staff.repairEmpty')} />
      ) : (
        <Table<RepairPartWarranty>
          size="small"
          rowKey="usageId"
          pagination={false}
          dataSource={parts}
          scroll={{ x: 560 }}
          columns={[
            {
              title: t('cards.staff.part'),
              key: 'part',
              render: (_, p) => (
                <>
                  {p.itemName} <Typography.Text type="secondary">{p.itemCode}</Typography.Text>
                </>
              ),
            },
            { title: t('cards.staff.order'), dataIndex: 'orderNumber', width: 150 },
            { title: t('cards.staff.completedOn'), dataIndex: 'completedOn', width: 110 },
            {
              title: t('cards.staff.until'),
              key: 'until',
              width: 170,
              render: (_, p) => (
                <>
                  {p.until}{' '}
                  <Typography.Text type="secondary">
                    ({t('cards.staff.days', { count: p.days })})
                  </Typography.Text>
                </>
              ),
            },
            {
              title: '',
              key: 'active',
              width: 80,
              render: (_, p) =>
                p.active ? (
                  <Tag color="green">{t('cards.staff.active')}</Tag>
                ) : (
                  <Tag>{t('cards.staff.expired')}</Tag>
                ),
            },
          ]}
        />
      )}
    </div>
  );
}

interface TransferValues {
  toPhone: string;
  toName?: string;
  reason: string;
}

function TransferDialog({
  productId,
  card,
  open,
  onClose,
}: {
  productId: string;
  card: WarrantyCard;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const transfer = useTransferCard(productId);
  const nameMissing =
    isApiError(transfer.error) &&
    transfer.error.errors.some((e) => e.path === 'toName' && e.rule === 'required');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('cards.staff.transferTitle')}
      destroyOnHidden
      data-testid="card-transfer"
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={() => transfer.reset()}
        onFinish={(v) =>
          transfer.mutate(
            {
              cardId: card.id,
              body: {
                toPhone: v.toPhone.trim(),
                toName: v.toName?.trim() || undefined,
                reason: v.reason.trim(),
                version: card.version,
              },
            },
            {
              onSuccess: (c) => {
                void message.success(t('cards.staff.transferred', { name: c.holderName }));
                form.resetFields();
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="toPhone"
          label={t('cards.staff.toPhone')}
          rules={[{ required: true, pattern: /^[0-9+\- ]{7,20}$/ }]}
        >
          <Input inputMode="tel" data-testid="card-transfer-phone" />
        </Form.Item>
        <Form.Item
          name="toName"
          label={t('cards.staff.toName')}
          extra={t('cards.staff.toNameHint')}
          validateStatus={nameMissing ? 'error' : undefined}
        >
          <Input maxLength={64} data-testid="card-transfer-name" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cards.staff.reason')}
          rules={[{ required: true, min: 2, max: 200 }]}
        >
          <Input.TextArea rows={2} maxLength={200} data-testid="card-transfer-reason" />
        </Form.Item>
        {transfer.error ? <ProblemAlert error={transfer.error} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          loading={transfer.isPending}
          data-testid="card-transfer-submit"
        >
          {t('cards.staff.transfer')}
        </Button>
      </Form>
    </Drawer>
  );
}

/** A small button beside a product (agent console) that opens the panel in a drawer. */
export function ProductCardButton(props: { productId: string; customerId: string; serial: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        onClick={() => setOpen(true)}
        data-testid="product-card-button"
      >
        {t('cards.staff.openCard')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        title={t('cards.staff.title')}
        destroyOnHidden
      >
        {open && <ProductCardPanel {...props} />}
      </Drawer>
    </>
  );
}
