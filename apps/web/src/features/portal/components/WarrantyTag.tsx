import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalProduct } from '@anxin/contracts';

const COLOR = {
  in_warranty: 'success',
  main_parts_only: 'warning',
  out_of_warranty: 'error',
  unknown: 'default',
} as const;

export function WarrantyTag({ warranty }: { warranty: PortalProduct['warranty'] }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={COLOR[warranty.status]}
      className="portal-chip"
      data-testid="portal-warranty"
      data-status={warranty.status}
    >
      {t(`portal.warranty.${warranty.status}`)}
    </Tag>
  );
}
