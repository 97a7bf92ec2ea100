import { Tag, Tooltip } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Warranty } from '@anxin/contracts';

const COLOR: Record<Warranty['status'], string> = {
  in_warranty: 'success',
  main_parts_only: 'warning',
  out_of_warranty: 'error',
  unknown: 'default',
};

/** 保修状态 with the dates behind it in the tooltip. */
export function WarrantyBadge({ warranty }: { warranty: Warranty }) {
  const { t } = useTranslation();
  const details = [
    warranty.unitUntil && t('customers.warranty.unitUntil', { date: warranty.unitUntil }),
    warranty.mainPartsUntil && t('customers.warranty.mainPartsUntil', { date: warranty.mainPartsUntil }),
  ].filter(Boolean);
  return (
    <Tooltip title={details.length ? details.join(' · ') : t('customers.warranty.noDates')}>
      <Tag
        color={COLOR[warranty.status]}
        icon={<SafetyCertificateOutlined />}
        data-testid="warranty-badge"
        data-status={warranty.status}
      >
        {t(`customers.warranty.${warranty.status}`)}
      </Tag>
    </Tooltip>
  );
}
