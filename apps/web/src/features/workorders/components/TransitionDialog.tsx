import { useEffect } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import { ArrowRightOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { TRANSITIONS, type WorkOrderDetail, type WorkOrderStatusName } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useTransition } from '../api.ts';
import { StatusTag } from './Tags.tsx';
import { actionWord } from './timelineWords.ts';
import { TechnicianPicker } from './TechnicianPicker.tsx';

type Need = 'reason' | 'guidance' | 'outletId' | 'technicianId' | 'appointment';

const NEEDS: readonly Need[] = ['reason', 'guidance', 'outletId', 'technicianId', 'appointment'];

/** What a step must carry: the shared state machine's requirements (the server has the last word). */
export function requirementsOf(from: string, to: WorkOrderStatusName): Need[] {
  const rule = TRANSITIONS.find((r) => r.from === from && r.to === to);
  return (rule?.requires ?? []).filter((r): r is Need => (NEEDS as readonly string[]).includes(r));
}

interface Values {
  reason?: string;
  guidance?: string;
  outletId?: string;
  technicianId?: string;
  appointment?: [Dayjs, Dayjs];
  note?: string;
}

/** Confirms one step of the lifecycle and collects what it needs; explains 409s. */
export function TransitionDialog({
  order,
  to,
  onClose,
  onReload,
}: {
  order: WorkOrderDetail;
  to: WorkOrderStatusName | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const move = useTransition();
  const needs = to ? requirementsOf(order.status, to) : [];
  const conflict = isApiError(move.error) && move.error.code === 'resource.version_conflict';
  const invalid = isApiError(move.error) && move.error.code === 'state.invalid_transition';

  useEffect(() => {
    if (to) {
      form.resetFields();
      move.reset();
    }
  }, [to]);

  const submit = async (v: Values) => {
    if (!to) return;
    try {
      await move.mutateAsync({
        id: order.id,
        to,
        version: order.version,
        reason: v.reason?.trim() || undefined,
        data: {
          guidance: v.guidance?.trim() || undefined,
          outletId: v.outletId?.trim() || undefined,
          technicianId: v.technicianId?.trim() || undefined,
          appointment: v.appointment
            ? { start: v.appointment[0].toISOString(), end: v.appointment[1].toISOString() }
            : undefined,
          note: v.note?.trim() || undefined,
        },
      });
      onClose();
    } catch (e) {
      applyFieldErrors(form, e, {
        'data.guidance': 'guidance',
        'data.outletId': 'outletId',
        'data.technicianId': 'technicianId',
        'data.appointment': 'appointment',
        'data.appointment.end': 'appointment',
        'data.note': 'note',
      });
      // The order moved on under us: fetch the current state so the buttons show what is possible now.
      if (isApiError(e) && (e.code === 'state.invalid_transition' || e.code === 'resource.version_conflict'))
        onReload();
    }
  };

  return (
    <Modal
      open={!!to}
      onCancel={onClose}
      destroyOnHidden
      title={
        to && (
          <Space size={8} wrap>
            {actionWord(t, order.status, to)}
            <StatusTag status={order.status} />
            <ArrowRightOutlined />
            <StatusTag status={to} />
          </Space>
        )
      }
      footer={
        <Space>
          <Button onClick={onClose}>{t('settings.actions.cancel')}</Button>
          <Button
            type="primary"
            danger={to === 'cancelled' || to === 'outlet_rejected'}
            loading={move.isPending}
            onClick={() => form.submit()}
            data-testid="transition-confirm"
          >
            {t('workorders.transition.confirm')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        data-testid="transition-form"
        style={{ marginTop: 16 }}
      >
        {needs.includes('guidance') && (
          <Form.Item
            name="guidance"
            label={t('workorders.transition.guidance')}
            rules={[
              { required: true, whitespace: true, message: t('workorders.transition.required') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea autoFocus autoSize={{ minRows: 3 }} data-testid="transition-guidance" />
          </Form.Item>
        )}
        {needs.includes('outletId') && (
          <Form.Item
            name="outletId"
            label={t('workorders.transition.outletId')}
            rules={[{ required: true, whitespace: true, message: t('workorders.transition.required') }]}
            extra={t('workorders.transition.idHint')}
          >
            <Input autoFocus data-testid="transition-outlet" />
          </Form.Item>
        )}
        {needs.includes('technicianId') && (
          <Form.Item
            name="technicianId"
            label={t('workorders.transition.technicianId')}
            rules={[{ required: true, whitespace: true, message: t('workorders.transition.required') }]}
          >
            <TechnicianPicker orderId={order.id} />
          </Form.Item>
        )}
        {needs.includes('appointment') && (
          <Form.Item
            name="appointment"
            label={t('workorders.transition.appointment')}
            rules={[{ required: true, message: t('workorders.transition.required') }]}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm', minuteStep: 15 }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="transition-appointment"
            />
          </Form.Item>
        )}
        {needs.includes('reason') && (
          <Form.Item
            name="reason"
            label={t('workorders.transition.reason')}
            rules={[
              { required: true, whitespace: true, message: t('workorders.transition.required') },
              { max: 500 },
            ]}
          >
            <Input.TextArea autoFocus autoSize={{ minRows: 2 }} data-testid="transition-reason" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('workorders.transition.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            autoFocus={needs.length === 0}
            data-testid="transition-note"
          />
        </Form.Item>
      </Form>
      {invalid ? (
        <Alert
          type="warning"
          showIcon
          data-testid="transition-invalid"
          title={t('errors.state.invalid_transition')}
          description={
            order.allowedTransitions.length ? (
              <Space size={4} wrap>
                <Typography.Text>{t('workorders.transition.allowedNow')}</Typography.Text>
                {order.allowedTransitions.map((s) => (
                  <StatusTag key={s} status={s} />
                ))}
              </Space>
            ) : (
              t('workorders.transition.noneAllowed')
            )
          }
        />
      ) : conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="transition-conflict"
          title={t('errors.resource.version_conflict')}
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => {
                onReload();
                move.reset();
              }}
            >
              {t('settings.actions.reload')}
            </Button>
          }
        />
      ) : (
        <ProblemAlert error={move.error} />
      )}
    </Modal>
  );
}
