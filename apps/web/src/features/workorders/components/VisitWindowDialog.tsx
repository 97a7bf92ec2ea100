import { useEffect } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { TimeWindow } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useSlotOptions } from '../useVisitSlots.ts';
import { businessTimeOf, slotAt, slotKey, slotWindow } from '../visitSlots.ts';
import { formatWindow } from './Tags.tsx';

interface Values {
  date: Dayjs;
  slot: string;
  reason?: string;
}

/** The write behind the dialog: the work-order detail's or the outlet desk's appointment mutation. */
export interface WindowSave {
  // Method syntax on purpose: callers whose mutation requires `reason` are accepted (bivariance).
  mutateAsync(v: {
    id: string;
    version: number;
    start: string;
    end: string;
    reason?: string;
  }): Promise<unknown>;
  isPending: boolean;
  error: unknown;
  reset(): void;
}

export interface WindowOrder {
  id: string;
  version: number;
  appointment: TimeWindow | null;
  preferredWindows?: readonly TimeWindow[];
}

/**
 * The one window picker for a visit: set an appointment or move it (a date and one of the offered
 * slots, Beijing time). `requireReason` asks why, as moving a booked visit does. Closed when
 * `order` is null. Test ids are `${testId}-date|slot|reason|confirm|form|error`.
 */
export function VisitWindowDialog({
  order,
  save,
  requireReason,
  title,
  confirmLabel,
  notice,
  testId,
  describeError,
  onClose,
  onDone,
  onReload,
}: {
  order: WindowOrder | null;
  save: WindowSave;
  requireReason: boolean;
  title: string;
  confirmLabel?: string;
  notice?: string;
  testId: string;
  /** A refusal worded in the caller's own terms, or null to show the standard problem alert. */
  describeError?: (e: unknown) => string | null;
  onClose: () => void;
  onDone?: (w: TimeWindow) => void;
  /** Offered when the order changed meanwhile (version conflict). */
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { slots, options, isLoading } = useSlotOptions();
  const conflict = !!onReload && isApiError(save.error) && save.error.code === 'resource.version_conflict';
  const own = describeError?.(save.error) ?? null;

  const first = order ? (order.appointment ?? order.preferredWindows?.[0]) : undefined;
  const initialSlot = (): string | undefined => {
    const s = first ? slotAt(slots, first.start) : slots[0];
    return s && slotKey(s);
  };

  useEffect(() => {
    if (!order) return;
    save.reset();
    form.setFieldsValue({
      date: first ? dayjs(businessTimeOf(first.start).day) : dayjs().add(1, 'day'),
      slot: initialSlot(),
      reason: undefined,
    });
  }, [order?.id]);

  // The slots may arrive after the dialog opened: preselect once they do.
  useEffect(() => {
    if (order && !form.getFieldValue('slot')) form.setFieldValue('slot', initialSlot());
  }, [order?.id, slots]);

  const submit = async (v: Values) => {
    if (!order) return;
    const w = slotWindow(v.date.format('YYYY-MM-DD'), v.slot);
    try {
      await save.mutateAsync({
        id: order.id,
        version: order.version,
        ...w,
        reason: v.reason?.trim() || undefined,
      });
      onDone?.(w);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e, { start: 'date', end: 'slot' });
      if (onReload && isApiError(e) && e.code === 'resource.version_conflict') onReload();
    }
  };

  return (
    <Modal
      open={!!order}
      onCancel={onClose}
      destroyOnHidden
      title={title}
      footer={
        <Space>
          <Button onClick={onClose}>{t('settings.actions.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!options.length}
            onClick={() => form.submit()}
            data-testid={`${testId}-confirm`}
          >
            {confirmLabel ?? t('settings.actions.save')}
          </Button>
        </Space>
      }
    >
      {order?.appointment && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('workorders.appointment.current', { window: formatWindow(order.appointment) })}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        data-testid={`${testId}-form`}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="date" label={t('workorders.appointment.date')} rules={[{ required: true }]}>
          <DatePicker
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: '100%' }}
            allowClear={false}
            data-testid={`${testId}-date`}
          />
        </Form.Item>
        <Form.Item
          name="slot"
          label={t('workorders.appointment.slot')}
          rules={[{ required: true }]}
          help={!isLoading && !options.length ? t('workorders.slots.none') : undefined}
        >
          <Radio.Group optionType="button" data-testid={`${testId}-slot`} options={options} />
        </Form.Item>
        {requireReason && (
          <Form.Item
            name="reason"
            label={t('workorders.appointment.reason')}
            rules={[
              { required: true, whitespace: true, message: t('workorders.transition.required') },
              { max: 500 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid={`${testId}-reason`} />
          </Form.Item>
        )}
      </Form>
      {notice && <Typography.Paragraph type="secondary">{notice}</Typography.Paragraph>}
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
                onReload?.();
                save.reset();
              }}
            >
              {t('settings.actions.reload')}
            </Button>
          }
        />
      ) : own ? (
        <Alert type="error" showIcon title={own} data-testid={`${testId}-error`} />
      ) : (
        <ProblemAlert error={save.error} />
      )}
    </Modal>
  );
}
