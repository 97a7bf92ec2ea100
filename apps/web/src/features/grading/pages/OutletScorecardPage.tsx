import { useParams, useSearchParams } from 'react-router-dom';
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { OutletScorecard } from '../components/OutletScorecard.tsx';

/** One outlet's scorecards (from the grading table); `?month=` preselects a month. */
export default function OutletScorecardPage() {
  const { t } = useTranslation();
  const { outletId = '' } = useParams();
  const [params] = useSearchParams();
  const month = params.get('month') ?? undefined;
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('grading.title')} />
      <OutletScorecard outletId={outletId} {...(month ? { initialMonth: month } : {})} />
    </Flex>
  );
}
