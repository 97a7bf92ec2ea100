import { App, Button, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StockLevel } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import {
  useAdjustStock,
  useReceiveStock,
  useSetReorderPoint,
  useTransferStock,
  type StockLine,
} from '../api/warehouse.ts';
import { ItemPicker, LocationSelect } from './pickers.tsx';

/** The item and quantity lines of a receipt or a transfer (one line to start with). */
function LinesField() {
  const { t } = useTranslation();
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((f, i) => (
            <Flex key={f.key} gap={8} align="start">
              <Form.Item
                name={[f.name, 'itemId']}
                style={{ flex: 1, marginBottom: 8 }}
                rules={[{ required: true, message: t('parts.warehouse.stock.itemRequired') }]}
              >
                <ItemPicker placeholder={t('parts.fields.item')} testId={`parts-line-item-${i}`} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'qty']}
                style={{ width: 120, marginBottom: 8 }}
                rules={[{ required: true, message: t('parts.warehouse.stock.qtyRequired') }]}
              >
                <InputNumber
                  min={1}
                  max={100000}
                  precision={0}
                  placeholder={t('parts.fields.qty')}
                  style={{ width: '100%' }}
                  data-testid={`parts-line-qty-${i}`}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                disabled={fields.length === 1}
                onClick={() => remove(f.name)}
                aria-label={t('parts.warehouse.stock.removeLine')}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="parts-line-add">
            {t('parts.warehouse.stock.addLine')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

interface LinesForm {
  locationId?: string;
  fromLocationId?: string;
  toLocationId?: string;
  lines: StockLine[];
  note?: string;
}

/** 入库 and 调拨 share one form: a receipt has a location, a transfer a from and a to. */
export function MoveStockDialog({
  mode,
  open,
  onClose,
  defaultLocationId,
}: {
  mode: 'receive' | 'transfer';
  open: boolean;
  onClose: () => void;
  defaultLocationId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const receive = useReceiveStock();
  const transfer = useTransferStock();
  const write = mode === 'receive' ? receive : transfer;
  const [form] = Form.useForm<LinesForm>();
  const close = () => {
    form.resetFields();
    receive.reset();
    transfer.reset();
    onClose();
  };
  const submit = (v: LinesForm) => {
    const lines = v.lines.map((l) => ({ itemId: l.itemId, qty: l.qty }));
    const note = v.note?.trim() ? { note: v.note.trim() } : {};
    const opts = {
      onSuccess: () => {
        message.success(t(`parts.warehouse.stock.${mode}Done`, { count: lines.length }));
        close();
      },
      onError: (e: unknown) => applyFieldErrors(form, e),
    };
    if (mode === 'receive') receive.mutate({ locationId: v.locationId!, lines, ...note }, opts);
    else
      transfer.mutate(
        { fromLocationId: v.fromLocationId!, toLocationId: v.toLocationId!, lines, ...note },
        opts,
      );
  };
  const required = [{ required: true, message: t('parts.warehouse.stock.locationRequired') }];
  return (
    <Modal
      open={open}
      width={640}
      destroyOnHidden
      title={t(`parts.warehouse.stock.${mode}Title`)}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={write.isPending}
      okButtonProps={{ 'data-testid': `parts-${mode}-submit` } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          lines: [{}],
          ...(mode === 'receive' ? { locationId: defaultLocationId } : { fromLocationId: defaultLocationId }),
        }}
      >
        {mode === 'receive' ? (
          <Form.Item name="locationId" label={t('parts.fields.location')} rules={required}>
            <LocationSelect testId="parts-receive-location" />
          </Form.Item>
        ) : (
          <Flex gap={12}>
            <Form.Item
              name="fromLocationId"
              label={t('parts.warehouse.stock.from')}
              rules={required}
              style={{ flex: 1 }}
            >
              <LocationSelect testId="parts-transfer-from" />
            </Form.Item>
            <Form.Item
              name="toLocationId"
              label={t('parts.warehouse.stock.to')}
              rules={required}
              style={{ flex: 1 }}
            >
              <LocationSelect testId="parts-transfer-to" />
            </Form.Item>
          </Flex>
        )}
        <Typography.Text strong>{t('parts.warehouse.stock.lines')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <LinesField />
        </div>
        <Form.Item name="note" label={t('parts.fields.note')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {write.error && <ProblemAlert error={write.error} />}
    </Modal>
  );
}

/** 调整: a signed correction of one row with a required reason. */
export function AdjustDialog({ level, onClose }: { level: StockLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const adjust = useAdjustStock();
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  const close = () => {
    form.resetFields();
    adjust.reset();
    onClose();
  };
  const submit = (v: { delta: number; reason: string }) => {
    if (!level) return;
    adjust.mutate(
      { locationId: level.locationId, itemId: level.itemId, delta: v.delta, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('parts.warehouse.stock.adjustDone'));
          close();
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open={!!level}
      destroyOnHidden
      title={
        level &&
        t('parts.warehouse.stock.adjustTitle', { item: level.itemName, location: level.locationName })
      }
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={adjust.isPending}
      okButtonProps={{ 'data-testid': 'parts-adjust-submit' } as ButtonProps}
    >
      {level && (
        <Typography.Paragraph type="secondary">
          {t('parts.warehouse.stock.adjustHint', { onHand: level.onHand, reserved: level.reserved })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="delta"
          label={t('parts.warehouse.stock.delta')}
          rules={[
            { required: true, message: t('parts.warehouse.stock.deltaRequired') },
            {
              validator: (_, v: number | null) =>
                v === 0
                  ? Promise.reject(new Error(t('parts.warehouse.stock.deltaRequired')))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber
            min={-100000}
            max={100000}
            precision={0}
            style={{ width: 200 }}
            data-testid="parts-adjust-delta"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('parts.warehouse.stock.reason')}
          rules={[{ required: true, whitespace: true, message: t('parts.warehouse.stock.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="parts-adjust-reason" />
        </Form.Item>
      </Form>
      {adjust.error && <ProblemAlert error={adjust.error} />}
    </Modal>
  );
}

/** 补货点: the level at which replenishment is suggested, and how much to order. */
export function ReorderDialog({ level, onClose }: { level: StockLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetReorderPoint();
  const [form] = Form.useForm<{ reorderPoint: number; reorderQty: number }>();
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (v: { reorderPoint: number; reorderQty: number }) => {
    if (!level) return;
    save.mutate(
      {
        locationId: level.locationId,
        itemId: level.itemId,
        reorderPoint: v.reorderPoint,
        reorderQty: v.reorderQty,
      },
      {
        onSuccess: () => {
          message.success(t('parts.warehouse.stock.reorderDone'));
          close();
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open={!!level}
      destroyOnHidden
      title={
        level &&
        t('parts.warehouse.stock.reorderTitle', { item: level.itemName, location: level.locationName })
      }
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'parts-reorder-submit' } as ButtonProps}
    >
      {level && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ reorderPoint: level.reorderPoint, reorderQty: level.reorderQty }}
        >
          <Flex gap={12}>
            <Form.Item
              name="reorderPoint"
              label={t('parts.fields.reorderPoint')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100000} precision={0} data-testid="parts-reorder-point" />
            </Form.Item>
            <Form.Item name="reorderQty" label={t('parts.fields.reorderQty')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100000} precision={0} data-testid="parts-reorder-qty" />
            </Form.Item>
          </Flex>
        </Form>
      )}
      {save.error && <ProblemAlert error={save.error} />}
    </Modal>
  );
}
