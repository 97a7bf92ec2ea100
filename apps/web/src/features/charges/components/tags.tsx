import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageStatus, QuoteStatus } from '@anxin/contracts';

const COVERAGE_COLOR: Record<CoverageStatus, string> = {
  in_warranty: 'green',
  main_parts_only: 'gold',
  out_of_warranty: 'red',
  unknown: 'default',
};
const STATUS_COLOR: Record<QuoteStatus, string> = {
  draft: 'default',
  sent: 'blue',
  approved: 'green',
  declined: 'red',
  expired: 'orange',
  superseded: 'default',
};

export function CoverageTag({ coverage }: { coverage: CoverageStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COVERAGE_COLOR[coverage]} data-testid="coverage-tag" data-coverage={coverage}>
      {t(`charges.coverage.${coverage}`)}
    </Tag>
  );
}

export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="quote-status" data-status={status}>
      {t(`charges.status.${status}`)}
    </Tag>
  );
}
