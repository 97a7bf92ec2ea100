import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { CalendarOutlined, ReloadOutlined, RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail, WorkOrderStatusName } from '@anxin/contracts';
import { EscalationTag } from '../../outlet/index.ts';
import { bj } from '../time.ts';
import { SlaTag, StatusTag, TypeTag, UrgencyTag } from './Tags.tsx';
import { actionWord } from './timelineWords.ts';

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

/** The order's number and tags, and the steps this user may take next (each opens its dialog). */
export function WorkOrderHeader({
  o,
  open,
  canTransition,
  canUpdate,
  reloading,
  onReload,
  onAppoint,
  onEscalate,
  onTransition,
}: {
  o: WorkOrderDetail;
  /** Not closed or cancelled. */
  open: boolean;
  canTransition: boolean;
  canUpdate: boolean;
  reloading: boolean;
  onReload: () => void;
  onAppoint: () => void;
  onEscalate: () => void;
  onTransition: (to: WorkOrderStatusName) => void;
}) {
  const { t } = useTranslation();
  return (
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
            onClick={onReload}
            loading={reloading}
            aria-label={t('settings.actions.reload')}
          />
          {canUpdate && APPOINTABLE.includes(o.status) && (
            <Button icon={<CalendarOutlined />} onClick={onAppoint} data-testid="wo-appointment">
              {o.appointment ? t('workorders.appointment.move') : t('workorders.appointment.set')}
            </Button>
          )}
          {canTransition && open && o.escalationTier < 4 && (
            <Button icon={<RiseOutlined />} onClick={onEscalate} data-testid="wo-escalate">
              {t('outlet.escalate.button')}
            </Button>
          )}
          {canTransition &&
            o.allowedTransitions.map((s) => (
              <Button
                key={s}
                type={NEGATIVE.includes(s) ? 'default' : 'primary'}
                danger={NEGATIVE.includes(s)}
                onClick={() => onTransition(s)}
                data-testid={`transition-${s}`}
              >
                {actionWord(t, o.status, s)}
              </Button>
            ))}
        </Flex>
      </Flex>
      {canTransition && o.allowedTransitions.length === 0 && open && (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('workorders.detail.noActions')} />
      )}
    </Card>
  );
}
