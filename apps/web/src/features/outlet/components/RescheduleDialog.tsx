import { useEffect } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { BUSINESS_TZ, bj, formatWindow } from '../../workorders/index.ts';
import { VISIT_SLOTS, slotLabel, slotOf, windowOf, type VisitSlot } from './visitSlots.ts';
import { useReschedule, type Window } from '../api.ts';
import { ruleMessage } from './rules.ts';

interface Values {
  date: Dayjs;
  slot: VisitSlot;
  reason: string;
}

/** Moves an agreed appointment: new date and slot plus a reason; the customer gets an SMS. */
export function RescheduleDialog({
  order,
  onClose,
  onDone,
}: {
  order: { id: string; number: string; version: number; appointment: Window | null } | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useReschedule();
  const rule = ruleMessage(t, save.error);

  useEffect(() => {
    if (!order) return;
    save.reset();
    const start = order.appointment ? bj(order.appointment.start) : dayjs().tz(BUSINESS_TZ).add(1, 'day');
    form.setFieldsValue({
      date: start,
      slot: order.appointment ? slotOf(order.appointment.start) : '09-11',
      reason: undefined,
    });
  }, [order?.id]);

  const submit = async (v: Values) => {
    if (!order) return;
    const w = windowOf(v.date, v.slot)!;
    try {
      await save.mutateAsync({ id: order.id, version: order.version, reason: v.reason.trim(), ...w });
      onDone(formatWindow(w));
      onClose();
    } catch (e) {
      applyFieldErrors(form, e, { start: 'slot', end: 'slot' });
    }
  };

  return (
    <Modal
      open={!!order}
      onCancel={onClose}
      destroyOnHidden
      title={order && t('outlet.reschedule.title', { number: order.number })}
      footer={
        <Space>
          <Button onClick={onClose}>{t('settings.actions.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="reschedule-confirm"
          >
            {t('outlet.reschedule.confirm')}
          </Button>
        </Space>
      }
    >
      {order?.appointment && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('outlet.reschedule.current', { window: formatWindow(order.appointment) })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="date" label={t('outlet.assign.date')} rules={[{ required: true }]}>
          <DatePicker
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: '100%' }}
            allowClear={false}
            data-testid="reschedule-date"
          />
        </Form.Item>
        <Form.Item name="slot" label={t('outlet.assign.slot')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            data-testid="reschedule-slot"
            options={VISIT_SLOTS.map((s) => ({ value: s, label: slotLabel(s) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('outlet.reschedule.reason')}
          rules={[
            { required: true, whitespace: true, message: t('workorders.transition.required') },
            { max: 500 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="reschedule-reason" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('outlet.reschedule.notice')}</Typography.Paragraph>
      {rule ? (
        <Alert type="error" showIcon title={rule} data-testid="reschedule-error" />
      ) : (
        <ProblemAlert error={save.error} />
      )}
    </Modal>
  );
}
