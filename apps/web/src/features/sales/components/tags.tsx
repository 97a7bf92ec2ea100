import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SalesContractStatus, SalesLineState, SampleStatus } from '@anxin/contracts';

const STATUS_COLOR: Record<SalesContractStatus, string> = {
  entered: 'gold',
  stock_checked: 'blue',
  booked: 'geekblue',
  delivered: 'green',
  exception: 'red',
  cancelled: 'default',
};
const LINE_COLOR: Record<SalesLineState, string> = {
  pending: 'default',
  reserved: 'green',
  factory_order: 'orange',
  released: 'default',
};
const SAMPLE_COLOR: Record<SampleStatus, string> = {
  pending_display: 'gold',
  on_display: 'green',
  pending_removal: 'orange',
  removed: 'default',
  rejected: 'red',
};

export function ContractStatusTag({ status }: { status: SalesContractStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="sales-status">
      {t(`sales.status.${status}`)}
    </Tag>
  );
}
export function LineStateTag({ state }: { state: SalesLineState }) {
  const { t } = useTranslation();
  return <Tag color={LINE_COLOR[state]}>{t(`sales.lineState.${state}`)}</Tag>;
}
export function SampleStatusTag({ status }: { status: SampleStatus }) {
  const { t } = useTranslation();
  return <Tag color={SAMPLE_COLOR[status]}>{t(`sales.samples.status.${status}`)}</Tag>;
}
