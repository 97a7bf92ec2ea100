import { useState } from 'react';
import { App, Button, Drawer, Input, Modal, Skeleton, Timeline, Typography } from 'antd';
import { CalendarOutlined, CheckCircleFilled, LeftOutlined, UserOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import {
  CLOSED_STATUSES,
  isStatusIn,
  type PortalOrderDetail,
  type PortalTimelineEntry,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCancel, useConfirm, useOrder, useReschedule } from '../api.ts';
import { SlotPicker } from '../components/SlotPicker.tsx';
import { StatusChip } from '../components/StatusChip.tsx';
import { formatWindow, windowOf, type SlotChoice } from '../time.ts';

const TYPES = ['repair', 'install', 'maintenance', 'consult', 'complaint', 'return'] as const;
const typeKey = (t: string) =>
  (TYPES as readonly string[]).includes(t) ? (t as (typeof TYPES)[number]) : 'repair';

function TimelineText({ e }: { e: PortalTimelineEntry }) {
  const { t } = useTranslation();
  const fmt = { day: t('portal.fmt.day'), time: t('portal.fmt.time') };
  const w = e.window ? formatWindow(e.window, fmt) : '';
  let text: string;
  switch (e.kind) {
    case 'status':
      text = e.to ? t(`portal.status.${e.to}`) : '';
      if (e.to === 'scheduled' && w) text = `${text} · ${w}`;
      break;
    case 'appointment_set':
      text = t('portal.timeline.appointment_set', { window: w });
      break;
    case 'rescheduled':
      text = t('portal.timeline.rescheduled', { window: w });
      break;
    default:
      text = t(`portal.timeline.${e.kind}`);
  }
  return (
    <div className="portal-tl">
      <div className="portal-tl__text">
        {text}
        {e.byCustomer &&
          e.kind !== 'created' &&
          e.kind !== 'appointment_confirmed' &&
          e.kind !== 'photo_added' && (
            <Typography.Text type="secondary">{t('portal.timeline.byYou')}</Typography.Text>
          )}
      </div>
      {e.reason && <div className="portal-tl__reason">“{e.reason}”</div>}
      <div className="portal-tl__at">{dayjs(e.at).format(`${fmt.day} ${fmt.time}`)}</div>
    </div>
  );
}

function AppointmentActions({ order }: { order: PortalOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm(order.id);
  const reschedule = useReschedule(order.id);
  const [moving, setMoving] = useState(false);
  const [slot, setSlot] = useState<SlotChoice[]>([]);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const doMove = () => {
    setTried(true);
    if (!slot[0] || !reason.trim()) return;
    reschedule.mutate(
      { ...windowOf(slot[0]), version: order.version, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('portal.detail.rescheduleDone'));
          setMoving(false);
          setSlot([]);
          setReason('');
          setTried(false);
        },
      },
    );
  };

  if (!order.actions.confirm && !order.actions.reschedule) return null;
  return (
    <>
      <div className="portal-actions">
        {order.actions.confirm && (
          <Button
            type="primary"
            size="large"
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate(
                { version: order.version },
                { onSuccess: () => void message.success(t('portal.detail.confirmDone')) },
              )
            }
            data-testid="portal-confirm"
          >
            {t('portal.detail.confirm')}
          </Button>
        )}
        {order.actions.reschedule && (
          <Button
            size="large"
            onClick={() => {
              setTried(false);
              setMoving(true);
            }}
            data-testid="portal-reschedule"
          >
            {t('portal.detail.reschedule')}
          </Button>
        )}
      </div>
      {confirm.error && <ProblemAlert error={confirm.error} style={{ marginTop: 12 }} />}
      <Drawer
        open={moving}
        onClose={() => setMoving(false)}
        placement="bottom"
        size="auto"
        title={t('portal.detail.rescheduleTitle')}
        className="portal-sheet"
        destroyOnHidden
      >
        <SlotPicker value={slot} onChange={setSlot} max={1} testId="portal-reschedule-slot" />
        {tried && !slot[0] && <Typography.Text type="danger">{t('portal.detail.pickOne')}</Typography.Text>}
        <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
          {t('portal.detail.rescheduleReason')}
        </Typography.Text>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2 }}
          placeholder={t('portal.detail.rescheduleReasonPlaceholder')}
          status={tried && !reason.trim() ? 'error' : undefined}
          data-testid="portal-reschedule-reason"
        />
        {tried && !reason.trim() && (
          <Typography.Text type="danger">{t('portal.detail.reasonRequired')}</Typography.Text>
        )}
        {reschedule.error && <ProblemAlert error={reschedule.error} style={{ marginTop: 12 }} />}
        <Button
          type="primary"
          size="large"
          block
          className="portal-primary"
          style={{ marginTop: 16 }}
          loading={reschedule.isPending}
          onClick={doMove}
          data-testid="portal-reschedule-submit"
        >
          {t('portal.detail.submit')}
        </Button>
      </Drawer>
    </>
  );
}

function CancelAction({ order }: { order: PortalOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancel(order.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const doCancel = () => {
    setTried(true);
    if (!reason.trim()) return;
    cancel.mutate(
      { version: order.version, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('portal.detail.cancelDone'));
          setOpen(false);
          setTried(false);
        },
      },
    );
  };

  if (!order.actions.cancel) return null;
  return (
    <>
      <Button
        danger
        block
        size="large"
        className="portal-cancel"
        onClick={() => {
          setTried(false);
          setOpen(true);
        }}
        data-testid="portal-cancel"
      >
        {t('portal.detail.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('portal.detail.cancelTitle')}
        onCancel={() => setOpen(false)}
        footer={
          <div className="portal-actions">
            <Button size="large" onClick={() => setOpen(false)}>
              {t('portal.detail.keep')}
            </Button>
            <Button
              danger
              type="primary"
              size="large"
              loading={cancel.isPending}
              onClick={doCancel}
              data-testid="portal-cancel-submit"
            >
              {t('portal.detail.cancel')}
            </Button>
          </div>
        }
        centered
        destroyOnHidden
      >
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('portal.detail.cancelReason')}
        </Typography.Text>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2 }}
          placeholder={t('portal.detail.cancelReasonPlaceholder')}
          status={tried && !reason.trim() ? 'error' : undefined}
          data-testid="portal-cancel-reason"
        />
        {tried && !reason.trim() && (
          <Typography.Text type="danger">{t('portal.detail.reasonRequired')}</Typography.Text>
        )}
        {cancel.error && <ProblemAlert error={cancel.error} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}

export default function OrderDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const order = useOrder(id);
  const fmt = { day: t('portal.fmt.day'), time: t('portal.fmt.time') };
  const o = order.data;

  return (
    <div className="portal-page">
      <Button
        type="text"
        icon={<LeftOutlined />}
        onClick={() => void navigate('/portal/orders')}
        className="portal-back"
        data-testid="portal-back"
      >
        {t('portal.detail.back')}
      </Button>
      {order.error && <ProblemAlert error={order.error} />}
      {order.isPending && <Skeleton active />}
      {o && (
        <>
          <div
            className="portal-card portal-detail__head"
            data-testid="portal-order-detail"
            data-status={o.status}
          >
            <div className="portal-order__top">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t(`portal.type.${typeKey(o.type)}`)}
              </Typography.Title>
              <StatusChip status={o.status} />
            </div>
            <dl className="portal-dl">
              <dt>{t('portal.detail.number')}</dt>
              <dd className="portal-mono" data-testid="portal-order-number">
                {o.number}
              </dd>
              {o.product && (
                <>
                  <dt>{t('portal.detail.product')}</dt>
                  <dd>
                    {o.product.brand} · <span className="portal-mono">{o.product.serial}</span>
                  </dd>
                </>
              )}
              {o.technicianName && (
                <>
                  <dt>{t('portal.detail.technician')}</dt>
                  <dd>
                    <UserOutlined /> {o.technicianName}
                  </dd>
                </>
              )}
            </dl>
            {o.cancelReason && (
              <Typography.Text type="secondary">
                {t('portal.detail.cancelledReason', { reason: o.cancelReason })}
              </Typography.Text>
            )}
          </div>

          {!isStatusIn(CLOSED_STATUSES, o.status) && (
            <div className="portal-card portal-appt" data-testid="portal-appointment">
              <div className="portal-appt__label">{t('portal.detail.appointment')}</div>
              {o.appointment ? (
                <div className="portal-appt__when">
                  <CalendarOutlined /> {formatWindow(o.appointment, fmt)}
                  {o.appointmentConfirmed && (
                    <span className="portal-appt__ok">
                      <CheckCircleFilled /> {t('portal.detail.confirmed')}
                    </span>
                  )}
                </div>
              ) : (
                <Typography.Text type="secondary">{t('portal.detail.noAppointment')}</Typography.Text>
              )}
              <AppointmentActions order={o} />
            </div>
          )}

          <div className="portal-card">
            <div className="portal-section-title">{t('portal.detail.description')}</div>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
              {o.faultDescription}
            </Typography.Paragraph>
            {o.photoCount > 0 && (
              <Typography.Text type="secondary">
                {t('portal.detail.photos', { count: o.photoCount })}
              </Typography.Text>
            )}
            {o.preferredWindows.length > 0 && (
              <>
                <div className="portal-section-title" style={{ marginTop: 12 }}>
                  {t('portal.detail.preferred')}
                </div>
                {o.preferredWindows.map((w) => (
                  <div key={w.start} className="portal-muted-line">
                    {formatWindow(w, fmt)}
                  </div>
                ))}
              </>
            )}
          </div>

          <div className="portal-card">
            <div className="portal-section-title">{t('portal.detail.timeline')}</div>
            <Timeline
              className="portal-timeline"
              data-testid="portal-timeline"
              items={[...o.timeline].reverse().map((e, i) => ({
                key: e.id,
                color: i === 0 ? 'var(--portal-primary)' : 'gray',
                content: <TimelineText e={e} />,
              }))}
            />
          </div>
          <CancelAction order={o} />
        </>
      )}
    </div>
  );
}
