import {
  App,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
  type ButtonProps,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AgreedBy } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useBook, useCrews, useDeliveryPolicy, type ContractToBook } from '../api.ts';

interface Values {
  date: dayjs.Dayjs;
  slot: string;
  agreedBy: AgreedBy;
  crewId?: string;
  lat?: number;
  lng?: number;
  note?: string;
}

/** The date, slot and crew agreed with the customer; the window and goods date are shown. */
export function BookDialog({ contract, onClose }: { contract: ContractToBook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const book = useBook();
  const crews = useCrews();
  const policy = useDeliveryPolicy();
  const slotKey = (s: { start: string; end: string }) => `${s.start}-${s.end}`;
  const submit = async () => {
    if (!contract) return;
    const v = await form.validateFields();
    const [start, end] = v.slot.split('-') as [string, string];
    book.mutate(
      {
        contractId: contract.id,
        date: v.date.format('YYYY-MM-DD'),
        slot: { start, end },
        agreedBy: v.agreedBy,
        crewId: v.crewId ?? null,
        lat: v.lat ?? null,
        lng: v.lng ?? null,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: (b) => {
          void message.success(t('delivery.booked', { number: b.number }));
          form.resetFields();
          onClose();
        },
        onError: (e) => applyFieldErrors(form, e, { 'slot.end': 'slot' }),
      },
    );
  };
  return (
    <Modal
      open={!!contract}
      title={t('delivery.bookTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('delivery.book')}
      confirmLoading={book.isPending}
      okButtonProps={{ 'data-testid': 'book-submit' } as ButtonProps}
      destroyOnHidden
    >
      {contract && (
        <Space direction="vertical" size={2} style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {contract.contractNo} · {contract.customerName}
          </Typography.Text>
          <Typography.Text type="secondary">{contract.addressDetail}</Typography.Text>
          <Typography.Text type={contract.availableDate ? undefined : 'warning'} data-testid="book-window">
            {contract.availableDate
              ? t('delivery.window', { latest: contract.latestDate, available: contract.availableDate })
              : t('delivery.notAvailable')}
          </Typography.Text>
        </Space>
      )}
      <ProblemAlert error={book.error} style={{ marginBottom: 12 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          agreedBy: 'center',
          slot: slotKey(policy.slots[0]!),
          date: contract?.availableDate ? dayjs(contract.availableDate) : undefined,
        }}
      >
        <Form.Item name="date" label={t('delivery.field.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="book-date" />
        </Form.Item>
        <Form.Item name="slot" label={t('delivery.field.slot')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={policy.slots.map((s) => ({ value: slotKey(s), label: `${s.start}–${s.end}` }))}
          />
        </Form.Item>
        <Form.Item name="agreedBy" label={t('delivery.field.agreedBy')}>
          <Radio.Group
            options={(['center', 'salesperson'] as const).map((a) => ({
              value: a,
              label: t(`delivery.agreedBy.${a}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="crewId" label={t('delivery.field.crew')}>
          <Select
            allowClear
            data-testid="book-crew"
            options={(crews.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="lat" label={t('delivery.field.lat')} style={{ width: '50%' }}>
            <InputNumber style={{ width: '100%' }} min={-90} max={90} step={0.0001} />
          </Form.Item>
          <Form.Item name="lng" label={t('delivery.field.lng')} style={{ width: '50%' }}>
            <InputNumber style={{ width: '100%' }} min={-180} max={180} step={0.0001} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="note" label={t('delivery.field.note')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
