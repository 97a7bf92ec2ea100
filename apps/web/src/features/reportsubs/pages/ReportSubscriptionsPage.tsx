import { useState } from 'react';
import { App, Button, Checkbox, Drawer, Flex, Popconfirm, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { useTranslation } from 'react-i18next';
import type { ReportRun, ReportSubscription } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { useMe } from '../../auth/index.ts';
import {
  downloadRun,
  useDeleteSubscription,
  usePause,
  useRuns,
  useSendNow,
  useSubscriptions,
} from '../api.ts';
import { SubscriptionForm } from '../components/SubscriptionForm.tsx';

dayjs.extend(utc);
dayjs.extend(timezone);
/** Schedules are Beijing wall-clock times, whatever the browser's zone. */
const bj = (iso: string) => dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm');

/** 订阅报表: one's subscriptions, their schedule and channels, runs, "send now" and the files. */
export default function ReportSubscriptionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isAdmin = !!me.data?.roles.includes('admin');
  const [all, setAll] = useState(false);
  const list = useSubscriptions(all && isAdmin);
  const [editing, setEditing] = useState<ReportSubscription | 'new' | null>(null);
  const [runsOf, setRunsOf] = useState<ReportSubscription | null>(null);
  const pause = usePause();
  const sendNow = useSendNow();
  const remove = useDeleteSubscription();
  const k = 'reportsubs';

  const schedule = (s: ReportSubscription) =>
    s.cadence === 'weekly'
      ? t(`${k}.weeklyAt`, {
          weekday: t(`${k}.weekdays.${String(s.weekday ?? 1)}` as never),
          time: s.timeOfDay,
        })
      : t(`${k}.monthlyAt`, { day: s.monthDay ?? 1, time: s.timeOfDay });

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      message.error(problemText(t, e));
    }
  };
  const send = (s: ReportSubscription) =>
    act(async () => {
      const run = await sendNow.mutateAsync(s.id);
      if (run.status === 'sent') message.success(t(`${k}.sendNowDone`));
      else
        message.error(
          t(`${k}.sendNowFailed`, { reason: t(`${k}.reasons.${run.reason ?? 'producer_failed'}`) }),
        );
      setRunsOf(s);
    });

  return (
    <>
      <PageHeader
        title={t(`${k}.title`)}
        description={t(`${k}.description`)}
        extra={
          <Space>
            {isAdmin && (
              <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
                {t(`${k}.allOwners`)}
              </Checkbox>
            )}
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="reportsubs-add"
              onClick={() => setEditing('new')}
            >
              {t(`${k}.add`)}
            </Button>
          </Space>
        }
      />
      {list.error && <ProblemAlert error={list.error} />}
      <Table<ReportSubscription>
        rowKey="id"
        data-testid="reportsubs-list"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t(`${k}.empty`) }}
        columns={[
          { title: t(`${k}.columns.kind`), render: (_, s) => t(`${k}.kinds.${s.kind}`) },
          { title: t(`${k}.columns.schedule`), render: (_, s) => schedule(s) },
          {
            title: t(`${k}.columns.channels`),
            render: (_, s) => s.channels.map((c) => <Tag key={c}>{t(`${k}.channels.${c}`)}</Tag>),
          },
          { title: t(`${k}.columns.nextRunAt`), render: (_, s) => (s.paused ? '—' : bj(s.nextRunAt)) },
          {
            title: t(`${k}.columns.status`),
            render: (_, s) =>
              s.paused ? <Tag>{t(`${k}.paused`)}</Tag> : <Tag color="green">{t(`${k}.active`)}</Tag>,
          },
          ...(all && isAdmin
            ? [
                {
                  title: t(`${k}.columns.owner`),
                  render: (_: unknown, s: ReportSubscription) => s.ownerName ?? '—',
                },
              ]
            : []),
          {
            title: t(`${k}.columns.actions`),
            render: (_, s) => (
              <Flex wrap gap={4}>
                <Button
                  size="small"
                  type="primary"
                  data-testid={`reportsubs-send-now-${s.id}`}
                  loading={sendNow.isPending}
                  onClick={() => void send(s)}
                >
                  {t(`${k}.sendNow`)}
                </Button>
                <Button size="small" data-testid={`reportsubs-runs-${s.id}`} onClick={() => setRunsOf(s)}>
                  {t(`${k}.runs`)}
                </Button>
                <Button size="small" onClick={() => setEditing(s)}>
                  {t(`${k}.edit`)}
                </Button>
                <Button
                  size="small"
                  onClick={() =>
                    void act(() => pause.mutateAsync({ id: s.id, paused: !s.paused, version: s.version }))
                  }
                >
                  {s.paused ? t(`${k}.resume`) : t(`${k}.pause`)}
                </Button>
                <Popconfirm
                  title={t(`${k}.deleteConfirm`)}
                  onConfirm={() => act(() => remove.mutateAsync(s.id))}
                >
                  <Button size="small" danger>
                    {t(`${k}.delete`)}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      {editing && (
        <SubscriptionForm
          subscription={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <Drawer
        open={!!runsOf}
        width={720}
        title={runsOf ? `${t(`${k}.runs`)} · ${t(`${k}.kinds.${runsOf.kind}`)}` : ''}
        onClose={() => setRunsOf(null)}
      >
        {runsOf && <RunsTable id={runsOf.id} />}
      </Drawer>
    </>
  );
}

function RunsTable({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const runs = useRuns(id);
  const k = 'reportsubs';
  const color = { sent: 'green', failed: 'red', running: 'blue' } as const;
  return (
    <Table<ReportRun>
      rowKey="id"
      size="small"
      loading={runs.isLoading}
      dataSource={runs.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t(`${k}.noRuns`) }}
      columns={[
        { title: t(`${k}.runColumns.createdAt`), render: (_, r) => bj(r.createdAt) },
        { title: t(`${k}.runColumns.period`), render: (_, r) => `${r.periodFrom} – ${r.periodTo}` },
        { title: t(`${k}.runColumns.trigger`), render: (_, r) => t(`${k}.triggers.${r.trigger}`) },
        {
          title: t(`${k}.runColumns.status`),
          render: (_, r) => (
            <>
              <Tag
                color={color[r.status]}
                data-testid={`reportsubs-run-status-${r.id}`}
                data-value={r.status}
              >
                {t(`${k}.runStatuses.${r.status}`)}
              </Tag>
              {r.reason && <div>{t(`${k}.reasons.${r.reason}`)}</div>}
            </>
          ),
        },
        {
          title: t(`${k}.runColumns.file`),
          render: (_, r) =>
            r.fileName ? (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => void downloadRun(r).catch((e: unknown) => message.error(problemText(t, e)))}
              >
                {t(`${k}.download`)}
              </Button>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
