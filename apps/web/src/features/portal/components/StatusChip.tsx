import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatusName } from '@anxin/contracts';

/** Colour by what the customer should feel: waiting (blue), on its way (teal), done (green), stopped (grey). */
const COLOR: Record<WorkOrderStatusName, string> = {
  new: 'blue',
  accepted: 'blue',
  awaiting_dispatch: 'blue',
  dispatched_outlet: 'cyan',
  outlet_accepted: 'cyan',
  outlet_rejected: 'gold',
  assigned: 'cyan',
  scheduled: 'geekblue',
  departed: 'purple',
  arrived: 'purple',
  in_progress: 'purple',
  awaiting_parts: 'orange',
  remote_resolved: 'green',
  completed: 'green',
  awaiting_callback: 'green',
  closed: 'default',
  cancelled: 'default',
};

export function StatusChip({ status }: { status: WorkOrderStatusName }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} className="portal-chip" data-testid="portal-status-chip" data-status={status}>
      {t(`portal.status.${status}`)}
    </Tag>
  );
}
