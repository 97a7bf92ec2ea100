import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Result, Skeleton, Tag, Typography } from 'antd';
import { AimOutlined, ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isStatusIn, ON_SITE_STATUSES, WORK_DONE_STATUSES, type FieldJobDetail } from '@anxin/contracts';
import type { ApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj, formatWindow, SlaTag, StatusTag, UrgencyTag } from '../../workorders/index.ts';
import { useFieldAction, useJob, usePending, useQueueSync, useSendCode, type QueuedWrite } from '../api.ts';
import { fieldError, FlagTag, locate, mapUrl } from '../components/bits.tsx';
import { DiagnosisStep, PhotosStep, ResultStep, SignatureStep, WorkStep } from '../components/Steps.tsx';
import '../fieldwork.css';

/** The status the job will have once its queued writes are synced (so the next step is offered). */
const AFTER: Record<string, string> = { depart: 'departed', arrive: 'arrived', start: 'in_progress' };
function effectiveStatus(status: string, pending: QueuedWrite[]): string {
  return pending.reduce((s, w) => AFTER[w.action] ?? s, status);
}

function Header({ job }: { job: FieldJobDetail }) {
  const { t } = useTranslation();
  const map = mapUrl(job);
  return (
    <>
      <Card className="field-card" size="small">
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {job.customerName}
          </Typography.Text>
          <StatusTag status={job.status} />
        </Flex>
        <div className="field-muted">{job.number}</div>
        <Descriptions
          column={1}
          size="small"
          style={{ marginTop: 8 }}
          items={[
            { key: 'a', label: t('fieldwork.appointment'), children: formatWindow(job.appointment) },
            { key: 'addr', label: t('fieldwork.address'), children: job.address ?? '—' },
            {
              key: 'p',
              label: t('fieldwork.product'),
              children: job.product ? (
                <span>
                  {[job.product.brand, job.product.modelName].filter(Boolean).join(' ')}
                  {job.product.serial ? ` · ${t('fieldwork.serial')} ${job.product.serial}` : ''}{' '}
                  <Tag color={job.product.warrantyStatus === 'in_warranty' ? 'green' : 'default'}>
                    {t(`fieldwork.warranty.${job.product.warrantyStatus as 'unknown'}`)}
                  </Tag>
                </span>
              ) : (
                '—'
              ),
            },
            { key: 'f', label: t('fieldwork.fault'), children: job.faultDescription },
          ]}
        />
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          <UrgencyTag urgency={job.urgency} />
          <SlaTag state={job.slaState as 'on_track'} dueAt={job.slaDueAt} />
          {job.flags.map((f) => (
            <FlagTag key={f.flag + f.createdAt} flag={f.flag} />
          ))}
        </Flex>
      </Card>
      <div className="field-quick">
        <Button icon={<PhoneOutlined />} href={`tel:${job.contactPhone}`} data-testid="job-call">
          {t('fieldwork.call')}
        </Button>
        <Button
          icon={<AimOutlined />}
          href={map ?? undefined}
          target="_blank"
          disabled={!map}
          data-testid="job-navigate"
        >
          {t('fieldwork.navigate')}
        </Button>
      </div>
    </>
  );
}

function VisitCard({ job }: { job: FieldJobDetail }) {
  const { t } = useTranslation();
  const v = job.visit;
  if (!v) return null;
  return (
    <Card className="field-card" size="small" title={t('fieldwork.arrival.title')}>
      <div>
        {t('fieldwork.arrival.departedAt')}: {bj(v.departedAt).format('MM-DD HH:mm')}
      </div>
      {v.arrivedAt && (
        <div data-testid="job-arrived-at">
          {t('fieldwork.arrival.arrivedAt')}: {bj(v.arrivedAt).format('MM-DD HH:mm')} ·{' '}
          {v.arrival?.distanceM != null
            ? t('fieldwork.arrival.distance', { m: v.arrival.distanceM })
            : v.arrival
              ? ''
              : t('fieldwork.arrival.noLocation')}
        </div>
      )}
    </Card>
  );
}

function Completion({
  job,
  code,
  setCode,
}: {
  job: FieldJobDetail;
  code: string;
  setCode: (c: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendCode(job.id);
  const complete = useFieldAction<{ method: 'signature' }>(job.id, 'complete');
  const sentTo = send.data?.sentTo ?? job.completionCode?.sentTo;
  return (
    <Card className="field-card" size="small" title={t('fieldwork.complete.title')}>
      <Button
        block
        className="field-big"
        loading={send.isPending}
        data-testid="complete-send-code"
        onClick={() => send.mutate(undefined, { onError: (e) => void message.error(fieldError(t, e)) })}
      >
        {sentTo ? t('fieldwork.complete.resend') : t('fieldwork.complete.sendCode')}
      </Button>
      {sentTo && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }} data-testid="complete-sent-to">
          {t('fieldwork.complete.sentTo', { phone: sentTo })}
        </Typography.Paragraph>
      )}
      <Input
        className="field-code"
        size="large"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        placeholder={t('fieldwork.complete.code')}
        aria-label={t('fieldwork.complete.code')}
        data-testid="complete-code"
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        style={{ marginTop: 8 }}
      />
      <Button
        type="link"
        block
        style={{ marginTop: 8, whiteSpace: 'normal', height: 'auto', minHeight: 44 }}
        disabled={!job.signature}
        loading={complete.isPending}
        data-testid="complete-with-signature"
        onClick={() =>
          complete.mutate(
            { method: 'signature' },
            {
              onSuccess: (r) =>
                void message[r.queued ? 'info' : 'success'](
                  t(r.queued ? 'fieldwork.queued' : 'fieldwork.complete.done'),
                ),
              onError: (e) => void message.error(fieldError(t, e)),
            },
          )
        }
      >
        {job.signature
          ? t('fieldwork.complete.withSignature')
          : `${t('fieldwork.complete.noPhone')} · ${t('fieldwork.complete.needSignature')}`}
      </Button>
    </Card>
  );
}

function ActionBar({
  job,
  status,
  code,
  onCodeSent,
}: {
  job: FieldJobDetail;
  status: string;
  code: string;
  onCodeSent: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const depart = useFieldAction<Record<string, never>>(job.id, 'depart');
  const arrive = useFieldAction<{ lat?: number; lng?: number; accuracy?: number }>(job.id, 'arrive');
  const start = useFieldAction<Record<string, never>>(job.id, 'start');
  const complete = useFieldAction<{ method: 'code'; code: string }>(job.id, 'complete');
  const [locating, setLocating] = useState(false);
  const cb = {
    onSuccess: (r: { queued: boolean }) =>
      void message[r.queued ? 'info' : 'success'](t(r.queued ? 'fieldwork.queued' : 'fieldwork.saved')),
    onError: (e: unknown) => void message.error(fieldError(t, e)),
  };
  let button: React.ReactNode = null;
  if (status === 'scheduled')
    button = (
      <Button
        type="primary"
        loading={depart.isPending}
        data-testid="job-depart"
        onClick={() => depart.mutate({}, cb)}
      >
        {t('fieldwork.actions.depart')}
      </Button>
    );
  else if (status === 'departed')
    button = (
      <Button
        type="primary"
        loading={locating || arrive.isPending}
        data-testid="job-arrive"
        onClick={async () => {
          setLocating(true);
          const pos = await locate();
          setLocating(false);
          arrive.mutate(pos ? { lat: pos.lat, lng: pos.lng, accuracy: Math.round(pos.accuracy) } : {}, cb);
        }}
      >
        {locating ? t('fieldwork.actions.locating') : t('fieldwork.actions.arrive')}
      </Button>
    );
  else if (status === 'arrived' || status === 'awaiting_parts')
    button = (
      <Button
        type="primary"
        loading={start.isPending}
        data-testid="job-start"
        onClick={() => start.mutate({}, cb)}
      >
        {status === 'arrived' ? t('fieldwork.actions.start') : t('fieldwork.actions.resume')}
      </Button>
    );
  else if (status === 'in_progress')
    button = (
      <Button
        type="primary"
        disabled={code.length !== 6}
        loading={complete.isPending}
        data-testid="complete-submit"
        onClick={() =>
          complete.mutate(
            { method: 'code', code },
            { ...cb, onSuccess: (r) => (cb.onSuccess(r), onCodeSent()) },
          )
        }
      >
        {t('fieldwork.complete.submit')}
      </Button>
    );
  if (!button) return null;
  return (
    <div className="field-actionbar">
      <div className="field-actionbar-inner">{button}</div>
    </div>
  );
}

/** One job at phone width: the customer, one big next step, and the forms of the visit. */
export default function JobPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { message } = App.useApp();
  const job = useJob(id);
  const pending = usePending(id);
  const [code, setCode] = useState('');
  const onRefused = useCallback(
    (r: { write: QueuedWrite; error: ApiError }[]) =>
      r.forEach((x) => void message.error(t('fieldwork.syncRefused', { message: fieldError(t, x.error) }))),
    [message, t],
  );
  useQueueSync(onRefused);

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
  const status = effectiveStatus(j.status, pending);
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
      <Header job={j} />
      <VisitCard job={j} />
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
      {(working || status === 'arrived' || j.photos.length > 0) && (
        <PhotosStep job={j} editable={isStatusIn(ON_SITE_STATUSES, j.status)} />
      )}
      {working && <SignatureStep job={j} />}
      {working && <ResultStep job={j} />}
      {working && <Completion job={j} code={code} setCode={setCode} />}
      <ActionBar job={j} status={status} code={code} onCodeSent={() => setCode('')} />
    </div>
  );
}
