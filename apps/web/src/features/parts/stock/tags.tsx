import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OldPartStatus, PartRequestStatus, StocktakeStatus } from '@anxin/contracts';

const STOCKTAKE_COLOR: Record<StocktakeStatus, string> = {
  counting: 'processing',
  submitted: 'warning',
  approved: 'success',
  rejected: 'default',
};

export function StocktakeStatusTag({ status }: { status: StocktakeStatus }) {
  const { t } = useTranslation();
  return <Tag color={STOCKTAKE_COLOR[status]}>{t(`parts.stocktakeStatuses.${status}`)}</Tag>;
}

const REQUEST_COLOR: Record<PartRequestStatus, string> = {
  pending_approval: 'warning',
  approved: 'processing',
  rejected: 'error',
  shipped: 'cyan',
  received: 'success',
  cancelled: 'default',
};

export function RequestStatusTag({ status }: { status: PartRequestStatus }) {
  const { t } = useTranslation();
  return <Tag color={REQUEST_COLOR[status]}>{t(`parts.requestStatuses.${status}`)}</Tag>;
}

const OLD_PART_COLOR: Record<OldPartStatus, string> = {
  awaiting_return: 'warning',
  in_transit: 'processing',
  received: 'cyan',
  passed: 'success',
  rejected: 'error',
};

export function OldPartStatusTag({ status }: { status: OldPartStatus }) {
  const { t } = useTranslation();
  return <Tag color={OLD_PART_COLOR[status]}>{t(`parts.oldPartStatuses.${status}`)}</Tag>;
}
