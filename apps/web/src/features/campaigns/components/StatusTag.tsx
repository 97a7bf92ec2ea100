import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '@anxin/contracts';

const COLORS: Record<CampaignStatus, string> = {
  draft: 'default',
  active: 'processing',
  finished: 'success',
};

export function StatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`campaigns.status.${status}`)}</Tag>;
}
