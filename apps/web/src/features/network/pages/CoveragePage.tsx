import { Button, Flex } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PROSPECT_STAGES } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { settingHref } from '../../settings/index.ts';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { ActivateModal } from '../components/coverage/ActivateModal.tsx';
import { CoverageSummary } from '../components/coverage/CoverageSummary.tsx';
import { ProspectDrawer } from '../components/coverage/ProspectDrawer.tsx';
import { ProspectsTable } from '../components/coverage/ProspectsTable.tsx';
import { UncoveredTable } from '../components/coverage/UncoveredTable.tsx';
import { useCoveragePage } from './useCoveragePage.ts';

/** 网点覆盖: coverage against targets, the uncovered list with the pipeline beside it, the pipeline. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const page = useCoveragePage();
  const { canManage, coverage, prospects, catName, report, prospectOpen, setProspectOpen } = page;
  const { backOf, setBackOf, activate, setActivate, moveError, move, forward } = page;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.coverage')}
        description={t('network.coverage.subtitle')}
        extra={
          canManage && (
            <Button
              icon={<SettingOutlined />}
              onClick={() => navigate(settingHref('network.coverage_targets'))}
              data-testid="coverage-edit-targets"
            >
              {t('network.coverage.editTargets')}
            </Button>
          )
        }
      />
      <ProblemAlert error={coverage.error ?? prospects.error ?? moveError} />
      {report && <CoverageSummary report={report} catName={catName} />}
      <UncoveredTable
        report={report}
        loading={coverage.isPending}
        canManage={canManage}
        catName={catName}
        onNewProspect={setProspectOpen}
      />
      <ProspectsTable
        prospects={prospects.data?.items ?? []}
        loading={prospects.isPending}
        canManage={canManage}
        catName={catName}
        onOpen={setProspectOpen}
        onForward={forward}
        onBack={setBackOf}
      />
      <ProspectDrawer state={prospectOpen} onClose={() => setProspectOpen(null)} />
      <ReasonModal
        open={!!backOf}
        testId="prospect-back-reason"
        title={t('network.coverage.backTitle')}
        onClose={() => setBackOf(null)}
        onOk={(reason) =>
          move.mutateAsync({
            p: backOf!,
            stage: PROSPECT_STAGES[PROSPECT_STAGES.indexOf(backOf!.stage) - 1]!,
            reason,
          })
        }
      />
      <ActivateModal
        prospect={activate}
        onClose={() => setActivate(null)}
        onOk={(id) => move.mutateAsync({ p: activate!, stage: 'active', linkedOutletId: id })}
      />
    </Flex>
  );
}
