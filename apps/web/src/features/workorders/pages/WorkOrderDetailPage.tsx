import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, CalendarOutlined, ReloadOutlined, RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bj } from '../time.ts';
import { Link, useParams } from 'react-router-dom';
import { CLOSED_STATUSES, isStatusIn, type WorkOrderStatusName } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { useSession } from '../../auth/index.ts';
import {
  TierTag,
  WarrantyBadge,
  regionName,
  useFaultTree,
  useInstalledProduct,
  useRegions,
} from '../../customers/index.ts';
import { useAppointment, useStaffNames, useWorkOrder } from '../api.ts';
import { VisitWindowDialog } from '../components/VisitWindowDialog.tsx';
import { AttachmentUploader } from '../components/AttachmentUploader.tsx';
import { OrderTimeline } from '../components/OrderTimeline.tsx';
import { SlaClocks } from '../components/SlaClocks.tsx';
import { SlaTag, StatusTag, TypeTag, UrgencyTag, formatWindow } from '../components/Tags.tsx';
import { TransitionDialog } from '../components/TransitionDialog.tsx';
import { productName } from '../../../components/productName.ts';
import { EscalateDialog, EscalationTag } from '../../outlet/index.ts';
import { ProofPanel } from '../../fieldwork/index.ts';

const APPOINTABLE = [
  'new',
  'accepted',
  'awaiting_dispatch',
  'dispatched_outlet',
  'outlet_accepted',
  'assigned',
  'scheduled',
];
const NEGATIVE: WorkOrderStatusName[] = ['cancelled', 'outlet_rejected'];

/** 工单详情: everything about one order and the next steps this user may take. */
export default function WorkOrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useSession();
  const order = useWorkOrder(id);
  const appointment = useAppointment();
  const product = useInstalledProduct(order.data?.product?.id);
  const faultTree = useFaultTree(order.data?.product?.categoryCode);
  const regions = useRegions();
  const names = useStaffNames(me.permissions.includes('user:read'));
  const [to, setTo] = useState<WorkOrderStatusName | null>(null);
  const [appointing, setAppointing] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const zh = currentLocale() === 'zh-CN';

  if (order.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (order.error) {
    return isApiError(order.error) && order.error.status === 404 ? (
      <Result
        status="404"
        title={t('workorders.detail.notFound')}
        extra={<Link to="/workorders">{t('workorders.detail.backToList')}</Link>}
      />
    ) : (
      <ProblemAlert
        error={order.error}
        action={<Button onClick={() => order.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const o = order.data;
  const canTransition = me.permissions.includes('workorder:transition');
  const canUpdate = me.permissions.includes('workorder:update');
  const codes = new Map(
    (faultTree.data?.faults ?? [])
      .flatMap((f) => [f, ...f.symptoms])
      .map((c) => [c.id, zh ? c.nameZh : c.nameEn]),
  );
  const reload = () => void order.refetch();
  const open = !isStatusIn(CLOSED_STATUSES, o.status);

  return (
    <Flex vertical gap={16} data-testid="wo-detail">
      <div>
        <Link to="/workorders" className="anxin-back-link">
          <ArrowLeftOutlined /> {t('workorders.detail.backToList')}
        </Link>
      </div>
      <Card className="anxin-wo-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0 }}>
            <Space size={10} wrap align="center">
              <Typography.Title
                level={3}
                style={{ margin: 0 }}
                className="anxin-mono"
                data-testid="wo-number"
                copyable={{ text: o.number }}
              >
                {o.number}
              </Typography.Title>
              <StatusTag status={o.status} />
              <TypeTag type={o.type} />
              <UrgencyTag urgency={o.urgency} />
              {open && <SlaTag state={o.slaState} dueAt={o.slaDueAt} />}
              <EscalationTag tier={o.escalationTier} />
            </Space>
            <Typography.Text type="secondary">
              {t('workorders.detail.createdVia', {
                at: bj(o.createdAt).format('YYYY-MM-DD HH:mm'),
                channel: t(`workorders.channels.${o.channel}`),
              })}
            </Typography.Text>
          </Flex>
          <Flex gap={8} wrap justify="flex-end" data-testid="wo-actions">
            <Button
              icon={<ReloadOutlined />}
              onClick={reload}
              loading={order.isRefetching}
              aria-label={t('settings.actions.reload')}
            />
            {canUpdate && APPOINTABLE.includes(o.status) && (
              <Button
                icon={<CalendarOutlined />}
                onClick={() => setAppointing(true)}
                data-testid="wo-appointment"
              >
                {o.appointment ? t('workorders.appointment.move') : t('workorders.appointment.set')}
              </Button>
            )}
            {canTransition && open && o.escalationTier < 4 && (
              <Button icon={<RiseOutlined />} onClick={() => setEscalating(true)} data-testid="wo-escalate">
                {t('outlet.escalate.button')}
              </Button>
            )}
            {canTransition &&
              o.allowedTransitions.map((s) => (
                <Button
                  key={s}
                  type={NEGATIVE.includes(s) ? 'default' : 'primary'}
                  danger={NEGATIVE.includes(s)}
                  onClick={() => setTo(s)}
                  data-testid={`transition-${s}`}
                >
                  {t(`workorders.actions.${s}`)}
                </Button>
              ))}
          </Flex>
        </Flex>
        {canTransition && o.allowedTransitions.length === 0 && open && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('workorders.detail.noActions')} />
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('workorders.detail.customerProduct')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'customer',
                    label: t('workorders.fields.customer'),
                    children: o.customer ? (
                      <Space size={4} wrap>
                        {o.customer.name}
                        <TierTag tier={o.customer.tier} />
                      </Space>
                    ) : (
                      '—'
                    ),
                  },
                  {
                    key: 'contact',
                    label: t('workorders.detail.contact'),
                    children: `${o.contactName} · ${o.contactPhone}`,
                  },
                  {
                    key: 'address',
                    label: t('workorders.detail.address'),
                    span: 'filled',
                    children:
                      [regionName(regions.data, o.districtCode), o.address].filter(Boolean).join(' ') || '—',
                  },
                  {
                    key: 'product',
                    label: t('workorders.fields.product'),
                    children: product.data ? productName(product.data) : (o.product?.brand ?? '—'),
                  },
                  {
                    key: 'serial',
                    label: t('workorders.detail.serial'),
                    children: o.product ? <span className="anxin-mono">{o.product.serial}</span> : '—',
                  },
                  {
                    key: 'warranty',
                    label: t('workorders.detail.warranty'),
                    children: product.data ? <WarrantyBadge warranty={product.data.warranty} /> : '—',
                  },
                  {
                    key: 'purchase',
                    label: t('workorders.detail.purchase'),
                    children: product.data?.purchaseDate ?? '—',
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('workorders.detail.problem')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'fault',
                    label: t('workorders.detail.fault'),
                    children:
                      o.faultCodeId || o.symptomCodes.length ? (
                        <Space size={4} wrap>
                          {o.faultCodeId && (
                            <Tag color="volcano">{codes.get(o.faultCodeId) ?? o.faultCodeId}</Tag>
                          )}
                          {o.symptomCodes.map((s) => (
                            <Tag key={s}>{codes.get(s) ?? s}</Tag>
                          ))}
                        </Space>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    key: 'desc',
                    label: t('workorders.detail.description'),
                    children: <span className="anxin-prewrap">{o.faultDescription || '—'}</span>,
                  },
                  ...(o.remoteGuidance
                    ? [
                        {
                          key: 'guidance',
                          label: t('workorders.detail.guidance'),
                          children: <span className="anxin-prewrap">{o.remoteGuidance}</span>,
                        },
                      ]
                    : []),
                  ...(o.cancelReason
                    ? [
                        {
                          key: 'cancel',
                          label: t('workorders.detail.cancelReason'),
                          children: o.cancelReason,
                        },
                      ]
                    : []),
                  ...(o.linkedRef
                    ? [{ key: 'linked', label: t('workorders.detail.linkedRef'), children: o.linkedRef }]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={t('workorders.detail.visit')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'appointment',
                    label: t('workorders.fields.appointment'),
                    children: <span data-testid="wo-appointment-value">{formatWindow(o.appointment)}</span>,
                  },
                  {
                    key: 'preferred',
                    label: t('workorders.detail.preferred'),
                    children: o.preferredWindows.length ? (
                      <Flex vertical>
                        {o.preferredWindows.map((w) => (
                          <span key={w.start}>{formatWindow(w)}</span>
                        ))}
                      </Flex>
                    ) : (
                      '—'
                    ),
                  },
                  {
                    key: 'outlet',
                    label: t('workorders.detail.outlet'),
                    children: o.outlet?.name ?? t('workorders.detail.unassigned'),
                  },
                  {
                    key: 'technician',
                    label: t('workorders.detail.technician'),
                    children: o.technician?.name ?? t('workorders.detail.unassigned'),
                  },
                  ...(o.completedAt
                    ? [
                        {
                          key: 'completed',
                          label: t('workorders.detail.completedAt'),
                          children: bj(o.completedAt).format('YYYY-MM-DD HH:mm'),
                        },
                      ]
                    : []),
                  ...(o.closedAt
                    ? [
                        {
                          key: 'closed',
                          label: t('workorders.detail.closedAt'),
                          children: bj(o.closedAt).format('YYYY-MM-DD HH:mm'),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={t('workorders.detail.attachments', { count: o.attachments.length })}>
              <AttachmentUploader
                key={o.id}
                orderId={o.id}
                attachments={o.attachments}
                canUpload={canUpdate}
              />
            </Card>
            <ProofPanel orderId={o.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <SlaClocks clocks={o.sla} />
            <OrderTimeline entries={o.timeline} meId={me.id} names={names.data} />
          </Flex>
        </Col>
      </Row>
      <TransitionDialog order={o} to={to} onClose={() => setTo(null)} onReload={reload} />
      <VisitWindowDialog
        order={appointing ? o : null}
        save={appointment}
        requireReason={!!o.appointment}
        title={o.appointment ? t('workorders.appointment.move') : t('workorders.appointment.set')}
        testId="appointment"
        onClose={() => setAppointing(false)}
        onReload={reload}
      />
      <EscalateDialog order={o} open={escalating} onClose={() => setEscalating(false)} onReload={reload} />
    </Flex>
  );
}
