import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommunityEventStatus } from '@anxin/contracts';

const COLORS: Record<CommunityEventStatus, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'warning',
  done: 'success',
  cancelled: 'error',
};

export function EventStatusTag({ status }: { status: CommunityEventStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="event-status">
      {t(`community.eventStatus.${status}`)}
    </Tag>
  );
}
