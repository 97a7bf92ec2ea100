import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OFFER_REJECT_REASONS, type BrandOrder, type BrandReject } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useBrandTechnicians, useReject, useSchedule } from '../api.ts';

/** 拒单: a reason from the brand's list; “other” needs a note. */
export function RejectDialog({ order, onClose }: { order: BrandOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BrandReject>();
  const reject = useReject();
  const reason = Form.useWatch('reasonCode', form);
  return (
    <Modal
      open
      title={t('brandinbox.rejectTitle', { number: order.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reject.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={reject.error} style={{ marginBottom: 12 }} />
      <Form<BrandReject>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          void reject
            .mutateAsync({ id: order.id, ...v })
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item name="reasonCode" label={t('brandinbox.reason')} rules={[{ required: true }]}>
          <Select
            options={OFFER_REJECT_REASONS.map((r) => ({ value: r, label: t(`outlet.reject.reasons.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('brandinbox.note')}
          rules={reason === 'other' ? [{ required: true, message: t('brandinbox.noteRequired') }] : []}
        >
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ScheduleValues {
  technicianId: string;
  window: [Dayjs, Dayjs];
}

/** 预约上门: one of the outlet's technicians at the brand and the visit window. */
export function ScheduleDialog({ order, onClose }: { order: BrandOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ScheduleValues>();
  const schedule = useSchedule();
  const techs = useBrandTechnicians(order.connectionId);
  return (
    <Modal
      open
      title={t('brandinbox.scheduleTitle', { number: order.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={schedule.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={schedule.error} style={{ marginBottom: 12 }} />
      <Form<ScheduleValues>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          void schedule
            .mutateAsync({
              id: order.id,
              technicianId: v.technicianId,
              appointment: { start: v.window[0].toISOString(), end: v.window[1].toISOString() },
            })
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item name="technicianId" label={t('brandinbox.technician')} rules={[{ required: true }]}>
          <Select
            loading={techs.isLoading}
            options={(techs.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
        <Form.Item name="window" label={t('brandinbox.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 30 }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
