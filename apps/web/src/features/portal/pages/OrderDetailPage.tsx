import { Button, Image, Skeleton, Timeline, Typography } from 'antd';
import { CalendarOutlined, CheckCircleFilled, LeftOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { CLOSED_STATUSES, isStatusIn } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { photoUrl, useOrder } from '../api.ts';
import { StatusChip } from '../components/StatusChip.tsx';
import { formatWindow } from '../time.ts';
import { AppointmentActions } from '../components/order/AppointmentActions.tsx';
import { CancelAction } from '../components/order/CancelAction.tsx';
import { TimelineText } from '../components/order/TimelineText.tsx';
import { QuotesPanel } from '../components/order/QuotesPanel.tsx';
import { RatingCard } from '../components/order/RatingCard.tsx';

const TYPES = ['repair', 'install', 'maintenance', 'consult', 'complaint', 'return'] as const;
const typeKey = (t: string) =>
  (TYPES as readonly string[]).includes(t) ? (t as (typeof TYPES)[number]) : 'repair';

/** 工单详情: the customer's order with its timeline and the actions open to them. */
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

          <RatingCard orderId={o.id} enabled={o.status === 'awaiting_callback'} />

          <QuotesPanel orderId={o.id} />

          <div className="portal-card" data-testid="portal-order-contact">
            <div className="portal-section-title">{t('portal.detail.contact')}</div>
            <dl className="portal-dl">
              <dt>{t('portal.detail.contactName')}</dt>
              <dd>{o.contactName}</dd>
              <dt>{t('portal.detail.contactPhone')}</dt>
              <dd className="portal-mono">{o.contactPhone}</dd>
              <dt>{t('portal.detail.address')}</dt>
              <dd>{o.address ?? '—'}</dd>
            </dl>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('portal.detail.contactHint')}
            </Typography.Text>
          </div>

          <div className="portal-card">
            <div className="portal-section-title">{t('portal.detail.description')}</div>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
              {o.faultDescription}
            </Typography.Paragraph>
            {o.photos.length > 0 && (
              <>
                <Typography.Text type="secondary">
                  {t('portal.detail.photos', { count: o.photos.length })}
                </Typography.Text>
                <div className="portal-photos" data-testid="portal-order-photos">
                  {o.photos.map((p, i) => (
                    <Image
                      key={p.id}
                      src={photoUrl(o.id, p.id)}
                      alt={t('portal.detail.photoAlt', { n: i + 1 })}
                      width={88}
                      height={88}
                      style={{ objectFit: 'cover', borderRadius: 8 }}
                    />
                  ))}
                </div>
              </>
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
