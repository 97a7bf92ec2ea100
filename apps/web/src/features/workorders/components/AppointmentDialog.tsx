import { useEffect } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bj } from '../time.ts';
import dayjs, { type Dayjs } from 'dayjs';
import type { WorkOrderDetail } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useAppointment } from '../api.ts';
import { SLOTS, type Slot } from '../vocab.ts';

interface Values {
  date: Dayjs;
  slot: Slot;
  reason?: string;
}

/** Agree (or move) the visit window: a date and a slot, Beijing time. Moving needs a reason. */
export function AppointmentDialog({
  order,
  open,
  onClose,
  onReload,
}: {
  order: WorkOrderDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useAppointment();
  const reschedule = !!order.appointment;
  const conflict = isApiError(save.error) && save.error.code === 'resource.version_conflict';

  useEffect(() => {
    if (!open) return;
    save.reset();
    const first = order.appointment ?? order.preferredWindows[0];
    const start = first ? bj(first.start) : dayjs().add(1, 'day');
    const hour = start.hour();
    form.setFieldsValue({
      date: start,
      slot: hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening',
      reason: undefined,
    });
  }, [open]);

  const submit = async (v: Values) => {
    const [from, to] = SLOTS[v.slot];
    const d = v.date.format('YYYY-MM-DD');
    const hh = (h: number) => String(h).padStart(2, '0');
    try {
      await save.mutateAsync({
        id: order.id,
        version: order.version,
        start: `${d}T${hh(from)}:00:00+08:00`,
        end: `${d}T${hh(to)}:00:00+08:00`,
        reason: v.reason?.trim() || undefined,
      });
      onClose();
    } catch (e) {
      applyFieldErrors(form, e, { end: 'slot', start: 'date' });
      if (isApiError(e) && e.code === 'resource.version_conflict') onReload();
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      title={reschedule ? t('workorders.appointment.move') : t('workorders.appointment.set')}
      footer={
        <Space>
          <Button onClick={onClose}>{t('settings.actions.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="appointment-confirm"
          >
            {t('settings.actions.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        data-testid="appointment-form"
        style={{ marginTop: 16 }}
      >
        <Form.Item name="date" label={t('workorders.appointment.date')} rules={[{ required: true }]}>
          <DatePicker
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: '100%' }}
            data-testid="appointment-date"
          />
        </Form.Item>
        <Form.Item name="slot" label={t('workorders.appointment.slot')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            data-testid="appointment-slot"
            options={(Object.keys(SLOTS) as Slot[]).map((s) => ({ value: s, label: t(`agent.slots.${s}`) }))}
          />
        </Form.Item>
        {reschedule && (
          <Form.Item
            name="reason"
            label={t('workorders.appointment.reason')}
            rules={[
              { required: true, whitespace: true, message: t('workorders.transition.required') },
              { max: 500 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="appointment-reason" />
          </Form.Item>
        )}
      </Form>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('errors.resource.version_conflict')}
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => {
                onReload();
                save.reset();
              }}
            >
              {t('settings.actions.reload')}
            </Button>
          }
        />
      ) : (
        <ProblemAlert error={save.error} />
      )}
    </Modal>
  );
}
