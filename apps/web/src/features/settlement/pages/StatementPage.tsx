import { Alert, Flex, Result, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useStatement } from '../api.ts';
import { AppealDialog } from '../components/AppealDialog.tsx';
import { DisputePanel } from '../components/DisputePanel.tsx';
import { StatementActions } from '../components/StatementActions.tsx';
import { AdjustDialog, StepDialog } from '../components/StatementDialogs.tsx';
import { StatementLinesTable } from '../components/StatementLinesTable.tsx';
import { StatementHistory, StatementSummaryCard } from '../components/StatementSummaryCard.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { useStatementView } from '../statement/useStatementView.ts';

/** One statement: totals, lines with their rules, the outlet's answer and finance's steps. */
export default function StatementPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const q = useStatement(id);
  const view = useStatementView(q.data);

  if (q.isLoading) return <Spin />;
  if (q.error || !q.data)
    return (
      <Result
        status="404"
        title={t('settlement.detail.notFound')}
        extra={<Link to="/settlement">{t('settlement.detail.back')}</Link>}
      />
    );
  const s = q.data;

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            <Link to={`/settlement?month=${s.month}`} aria-label={t('settlement.detail.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="stl-number">{s.number}</span>
            <StatusTag status={s.status} />
          </Flex>
        }
        description={`${s.outlet.code} ${s.outlet.name} · ${s.month}`}
        extra={<StatementActions s={s} onStep={view.setStep} onExportError={view.setExportError} />}
      />
      {view.exportError ? <ProblemAlert error={view.exportError} /> : null}
      {s.disputedCount > 0 && s.canAdjust && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('settlement.detail.openDisputes', { count: s.disputedCount })}
        />
      )}
      <StatementSummaryCard s={s} />
      {view.chosen.length > 0 && (
        <DisputePanel
          s={s}
          lines={view.chosen}
          comments={view.disputes}
          onChange={view.comment}
          onDone={view.clearDisputes}
        />
      )}
      <StatementLinesTable
        s={s}
        disputes={view.disputes}
        canAppeal={me.permissions.includes('appeal:create')}
        onToggleDispute={view.toggle}
        onAdjust={view.setAdjusting}
        onAppeal={view.setAppealing}
      />
      <StatementHistory history={s.history} />
      {view.adjusting && <AdjustDialog s={s} line={view.adjusting} onClose={() => view.setAdjusting(null)} />}
      {view.appealing && <AppealDialog line={view.appealing} onClose={() => view.setAppealing(null)} />}
      {view.step && <StepDialog s={s} step={view.step} onClose={() => view.setStep(null)} />}
    </>
  );
}
