import { useState } from 'react';
import { Alert, Button, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isStatusIn, ON_SITE_STATUSES, WORK_DONE_STATUSES } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ConsumeParts, JobPartsPanel } from '../../parts/index.ts';
import { DiagnosisStep, PhotosStep, ResultStep, SignatureStep, WorkStep } from '../components/Steps.tsx';
import { ActionBar } from '../components/job/ActionBar.tsx';
import { Completion } from '../components/job/Completion.tsx';
import { JobHeader } from '../components/job/JobHeader.tsx';
import { VisitCard } from '../components/job/VisitCard.tsx';
import { useJobPage } from './useJobPage.ts';
import { KnowledgeSuggestions } from '../../knowledge/index.ts';
import { RedoBanner } from '../../workorders/index.ts';
import '../fieldwork.css';

/** One job at phone width: the customer, one big next step, and the forms of the visit. */
export default function JobPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { job, pending, status: queuedStatus } = useJobPage(id);
  const [code, setCode] = useState('');

  const back = (
    <Link to="/m/jobs">
      <Button type="text" icon={<ArrowLeftOutlined />} size="large" data-testid="job-back">
        {t('fieldwork.back')}
      </Button>
    </Link>
  );
  if (job.isPending)
    return (
      <div className="field-root">
        {back}
        <Skeleton active />
      </div>
    );
  if (job.isError)
    return (
      <div className="field-root">
        {back}
        <ProblemAlert error={job.error} />
      </div>
    );
  const j = job.data;
  const status = queuedStatus ?? j.status;
  const working = status === 'in_progress';
  const done = isStatusIn(WORK_DONE_STATUSES, status);
  return (
    <div className="field-root" data-testid="field-job" data-status={j.status}>
      {back}
      {pending.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="job-pending-sync"
          message={t('fieldwork.pendingCount', { count: pending.length })}
        />
      )}
      <JobHeader job={j} />
      <RedoBanner redo={j.redo} previousVisit={j.previousVisit} compact />
      <VisitCard job={j} />
      {!done && (
        <div style={{ marginBottom: 12 }}>
          {/* The fault library for this product and fault, before and while working on it. */}
          <KnowledgeSuggestions
            channel="technician"
            compact
            text={j.faultDescription}
            categoryCode={j.product?.categoryCode ?? j.categoryCode ?? undefined}
            orderId={j.id}
          />
        </div>
      )}
      {done && (
        <Result
          status="success"
          title={t('fieldwork.complete.done')}
          subTitle={
            j.visit?.completionMethod ? t(`fieldwork.complete.method.${j.visit.completionMethod}`) : undefined
          }
          data-testid="job-done"
        />
      )}
      {status === 'awaiting_parts' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('fieldwork.status.awaitingParts')}
          description={j.visit?.result?.note}
        />
      )}
      {working && j.visit?.result?.outcome === 'needs_escalation' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('fieldwork.status.escalation')}
          description={j.visit.result.note}
        />
      )}
      {working && <DiagnosisStep job={j} />}
      {working && <WorkStep job={j} />}
      {(working || status === 'arrived' || status === 'awaiting_parts') && (
        <JobPartsPanel
          orderId={j.id}
          warrantyStatus={j.product?.warrantyStatus}
          editable={working || status === 'arrived'}
        />
      )}
      {(working || status === 'arrived' || j.photos.length > 0) && (
        <PhotosStep job={j} editable={isStatusIn(ON_SITE_STATUSES, j.status)} />
      )}
      {working && <SignatureStep job={j} />}
      {working && <ResultStep job={j} />}
      {working && <ConsumeParts orderId={j.id} />}
      {working && <Completion job={j} code={code} setCode={setCode} />}
      <ActionBar job={j} status={status} code={code} onCodeSent={() => setCode('')} />
    </div>
  );
}
