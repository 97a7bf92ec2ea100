import { Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useSession } from '../../auth/index.ts';
import { OutletScorecard } from '../components/OutletScorecard.tsx';

/** The outlet manager's own scorecard (from the outlet desk): months, figures and their orders. */
export default function MyScorecardPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('grading.myTitle')} description={t('grading.myDescription')} />
      {me.scope.outletId ? (
        <OutletScorecard outletId={me.scope.outletId} />
      ) : (
        <Empty description={t('grading.emptyOutlet')} />
      )}
    </Flex>
  );
}
