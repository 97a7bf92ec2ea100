import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useLocations, useReceive, useTransfer, type Suggestion } from '../api/stock.ts';

export interface Restock {
  mode: 'receive' | 'transfer';
  suggestion: Suggestion;
}

interface Values {
  fromLocationId?: string;
  qty: number;
  note?: string;
}

/** A replenishment suggestion turned into a goods receipt or a transfer from HQ, prefilled. */
export function RestockDialog({ restock, onClose }: { restock: Restock | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const locations = useLocations();
  const receive = useReceive();
  const transfer = useTransfer();
  const write = restock?.mode === 'transfer' ? transfer : receive;
  const s = restock?.suggestion;

  useEffect(() => {
    if (!restock) return;
    receive.reset();
    transfer.reset();
    form.setFieldsValue({ fromLocationId: 'loc-hq', qty: restock.suggestion.suggestedQty, note: '' });
  }, [restock]);

  const submit = (v: Values) => {
    if (!restock || !s) return;
    const lines = [{ itemId: s.itemId, qty: v.qty }];
    const note = v.note?.trim() ? { note: v.note.trim() } : {};
    const done = {
      onSuccess: () => {
        message.success(t('parts.stock.replenishment.done'));
        onClose();
      },
    };
    if (restock.mode === 'receive') receive.mutate({ locationId: s.locationId, lines, ...note }, done);
    else
      transfer.mutate(
        { fromLocationId: v.fromLocationId!, toLocationId: s.locationId, lines, ...note },
        done,
      );
  };

  return (
    <Modal
      open={!!restock}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      title={
        restock?.mode === 'transfer'
          ? t('parts.stock.replenishment.transferTitle')
          : t('parts.stock.replenishment.receiveTitle')
      }
      okText={t('parts.stock.confirm')}
      cancelText={t('parts.stock.cancel')}
      confirmLoading={write.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'parts-restock-ok' } as ButtonProps}
    >
      {s && (
        <Typography.Paragraph>
          {t('parts.stock.replenishment.target', {
            location: s.locationName,
            code: s.itemCode,
            name: s.itemName,
          })}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {restock?.mode === 'transfer' && (
          <Form.Item
            name="fromLocationId"
            label={t('parts.stock.replenishment.from')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={(locations.data ?? [])
                .filter((l) => l.id !== s?.locationId && l.kind !== 'defective')
                .map((l) => ({ value: l.id, label: `${l.name} · ${t(`parts.locationKinds.${l.kind}`)}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="qty" label={t('parts.fields.qty')} rules={[{ required: true }]}>
          <InputNumber
            min={1}
            max={100_000}
            precision={0}
            style={{ width: 160 }}
            data-testid="parts-restock-qty"
          />
        </Form.Item>
        <Form.Item name="note" label={t('parts.fields.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {write.error && <ProblemAlert error={write.error} />}
    </Modal>
  );
}
