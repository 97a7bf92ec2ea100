import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementStatus } from '@anxin/contracts';

const COLOR: Record<StatementStatus, string> = {
  draft: 'default',
  confirmed: 'blue',
  disputed: 'red',
  approved: 'green',
  paid: 'purple',
};

export function StatusTag({ status }: { status: StatementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="stl-status">
      {t(`settlement.status.${status}`)}
    </Tag>
  );
}
