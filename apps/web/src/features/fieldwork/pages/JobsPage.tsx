import { lazy, Suspense, useState } from 'react';
import { Button, Flex, Spin, Tag } from 'antd';
import { EnvironmentOutlined, InboxOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FieldJob } from '@anxin/contracts';
import { bj, SlaTag, StatusTag, UrgencyTag } from '../../workorders/index.ts';
import { useJobs, usePending } from '../api.ts';
import '../fieldwork.css';
import { productLabel } from '../../../components/productName.ts';

type Tab = 'today' | 'upcoming' | 'done';

// Shown only when the list fails to load (no network and nothing cached): fetched then.
const ProblemAlert = lazy(() =>
  import('../../../components/ProblemAlert.tsx').then((m) => ({ default: m.ProblemAlert })),
);

function JobCard({ job, pending }: { job: FieldJob; pending: number }) {
  const { t } = useTranslation();
  const a = job.appointment;
  return (
    <Link to={`/m/jobs/${job.id}`} className="field-job-card" data-testid={`job-card-${job.number}`}>
      {/* Plain markup rather than Ant Design's Card (which brings Tabs): the list is the phone's
          first screen and every kilobyte of it loads over a weak signal. */}
      <div className="field-card field-job-card__body">
        <Flex justify="space-between" align="baseline" gap={8}>
          <span className="field-time">
            {a ? `${bj(a.start).format('HH:mm')}–${bj(a.end).format('HH:mm')}` : t('fieldwork.noAppointment')}
          </span>
          <Flex gap={4} wrap>
            {pending > 0 && <Tag color="processing">{t('fieldwork.pending')}</Tag>}
            <StatusTag status={job.status} />
          </Flex>
        </Flex>
        {a && job.bucket === 'upcoming' && (
          <div className="field-muted">{bj(a.start).format('MM-DD ddd')}</div>
        )}
        <strong className="field-job-card__customer">{job.customerName}</strong>
        <div className="field-muted">
          <EnvironmentOutlined /> {job.address ?? '—'}
        </div>
        <div style={{ marginTop: 4 }}>
          {job.product ? `${productLabel(job.product)} · ` : ''}
          {job.faultDescription}
        </div>
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
          <Flex gap={4}>
            <UrgencyTag urgency={job.urgency} />
            <SlaTag
              state={job.slaState as 'on_track' | 'at_risk' | 'breached'}
              dueAt={job.slaDueAt}
              compact
              hint={false}
            />
          </Flex>
          <span className="field-muted">
            <PhoneOutlined /> {job.contactPhone}
          </span>
        </Flex>
        <div className="field-muted" style={{ fontSize: 12, marginTop: 4 }}>
          {job.number}
        </div>
      </div>
    </Link>
  );
}

/**
 * 我的工单: today's and upcoming visits in appointment order, at phone width. The queued writes
 * are sent by the phone shell (FieldQueueSync), not from here.
 */
export default function JobsPage() {
  const { t } = useTranslation();
  const jobs = useJobs();
  const pending = usePending();
  const [tab, setTab] = useState<Tab>('today');

  const items = (jobs.data?.items ?? []).filter((j) => j.bucket === tab);
  const count = (b: Tab) => (jobs.data?.items ?? []).filter((j) => j.bucket === b).length;

  return (
    <div className="field-root" data-testid="field-jobs">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h4 className="field-page-title">{t('fieldwork.title')}</h4>
        <Flex gap={8}>
          <Link to="/m/parts" data-testid="jobs-my-parts">
            <Button icon={<InboxOutlined />} size="large">
              {t('parts.field.van.title')}
            </Button>
          </Link>
          <Button
            icon={<ReloadOutlined />}
            size="large"
            aria-label={t('fieldwork.refresh')}
            loading={jobs.isFetching}
            onClick={() => void jobs.refetch()}
            data-testid="jobs-refresh"
          />
        </Flex>
      </Flex>
      {/* Plain markup for the notice, the tabs and the empty state: Ant Design's Alert, Segmented
          (with its Tooltip) and Empty would add some 15 KB to the phone's first load. */}
      {pending.length > 0 && (
        <div className="field-notice" role="status">
          {t('fieldwork.pendingCount', { count: pending.length })}
        </div>
      )}
      <div className="field-tabs" role="group">
        {(['today', 'upcoming', 'done'] as const).map((b) => (
          <button
            key={b}
            type="button"
            className="field-tabs__tab"
            aria-pressed={tab === b}
            onClick={() => setTab(b)}
          >
            <span data-testid={`jobs-tab-${b}`}>{`${t(`fieldwork.tabs.${b}`)} ${count(b)}`}</span>
          </button>
        ))}
      </div>
      {jobs.isPending && (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      )}
      {jobs.isError && (
        <Suspense fallback={null}>
          <ProblemAlert error={jobs.error} />
        </Suspense>
      )}
      {jobs.isSuccess && items.length === 0 && <p className="field-empty">{t(`fieldwork.empty.${tab}`)}</p>}
      {items.map((j) => (
        <JobCard key={j.id} job={j} pending={pending.filter((p) => p.orderId === j.id).length} />
      ))}
    </div>
  );
}
