import { useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Segmented,
  Statistic,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CallFigures, CallKpis } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { downloadFigures, useCallFigures, type Interval } from '../api.ts';
import { pct, secs } from '../format.ts';
import { FiguresChart } from './FiguresChart.tsx';
import { ImportDialog } from './ImportDialog.tsx';

type AgentRow = CallFigures['agents'][number];

/** 话务指标: tiles for the range, the chart per day or half hour, and the per-agent table. */
export function FiguresTab({
  range,
  onRange,
  canImport,
}: {
  range: [Dayjs, Dayjs];
  onRange: (r: [Dayjs, Dayjs]) => void;
  canImport: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [interval, setInterval] = useState<Interval>('day');
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useCallFigures(from, to, interval);
  const d = q.data;
  const none = t('callcenter.noData');
  const s = (v: number | null) => {
    const x = secs(v);
    return x === null ? none : t('callcenter.seconds', { value: x });
  };
  const p = (v: number | null) => pct(v) ?? none;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFigures({ from, to, interval }, `${t('callcenter.fileName')}-${from}-${to}.xlsx`);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setExporting(false);
    }
  };

  const tiles = d
    ? [
        { key: 'offered', title: t('callcenter.kpi.offered'), value: String(d.total.offered) },
        { key: 'answerRate', title: t('callcenter.kpi.answerRate'), value: p(d.total.answerRate) },
        {
          key: 'abandonmentRate',
          title: t('callcenter.kpi.abandonmentRate'),
          value: p(d.total.abandonmentRate),
        },
        {
          key: 'serviceLevel',
          title: t('callcenter.kpi.serviceLevel', { seconds: d.thresholdSeconds }),
          value: p(d.total.serviceLevel),
          hint: t('callcenter.hint.serviceLevel', { seconds: d.thresholdSeconds }),
        },
        { key: 'asa', title: t('callcenter.kpi.asa'), value: s(d.total.asaSeconds) },
        {
          key: 'aht',
          title: t('callcenter.kpi.aht'),
          value: s(d.total.ahtSeconds),
          hint: t('callcenter.hint.aht'),
        },
        {
          key: 'fcr',
          title: t('callcenter.kpi.fcr'),
          value: p(d.total.fcrRate),
          hint: t('callcenter.hint.fcr', { count: d.total.fcrRecorded }),
        },
      ]
    : [];

  // Per agent only answered calls count (an abandoned call has no agent): the share answered within
  // T is of the agent's answered calls, not the queue's service level.
  const agentColumns = (seconds: number) => [
    { key: 'answered', title: t('callcenter.kpi.answered'), dataIndex: 'answered', align: 'right' as const },
    {
      key: 'within',
      title: t('callcenter.kpi.answeredWithin', { seconds }),
      align: 'right' as const,
      render: (_: unknown, r: CallKpis) => p(r.serviceLevel),
    },
    {
      key: 'asa',
      title: t('callcenter.kpi.asa'),
      align: 'right' as const,
      render: (_: unknown, r: CallKpis) => s(r.asaSeconds),
    },
    {
      key: 'aht',
      title: t('callcenter.kpi.aht'),
      align: 'right' as const,
      render: (_: unknown, r: CallKpis) => s(r.ahtSeconds),
    },
    {
      key: 'fcr',
      title: t('callcenter.kpi.fcr'),
      align: 'right' as const,
      render: (_: unknown, r: CallKpis) => p(r.fcrRate),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && onRange([v[0], v[1]])}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            data-testid="callcenter-range"
          />
          <Segmented
            value={interval}
            onChange={(v) => setInterval(v as Interval)}
            options={(['day', 'halfhour'] as const).map((i) => ({
              value: i,
              label: t(`callcenter.interval.${i}`),
            }))}
            data-testid="callcenter-interval"
          />
        </Flex>
        <Flex gap={8}>
          {canImport && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="callcenter-import"
            >
              {t('callcenter.import.open')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportXlsx()}
            disabled={!d}
          >
            {t('callcenter.export')}
          </Button>
        </Flex>
      </Flex>
      <ProblemAlert error={q.error} />
      {d?.ownOnly && <Alert type="info" showIcon title={t('callcenter.ownOnly')} />}
      {d && (
        <>
          <div className="callcenter-tiles">
            {tiles.map((x) => (
              <Card key={x.key} size="small" data-testid={`callcenter-tile-${x.key}`}>
                <Statistic
                  title={
                    x.hint ? (
                      <Tooltip title={x.hint}>
                        <span style={{ borderBottom: '1px dotted' }}>{x.title}</span>
                      </Tooltip>
                    ) : (
                      x.title
                    )
                  }
                  value={x.value}
                />
              </Card>
            ))}
          </div>
          <Card size="small" title={t('callcenter.chartTitle')}>
            <FiguresChart figures={d} />
          </Card>
          <Card size="small" title={t('callcenter.agentsTitle')}>
            <Table<AgentRow>
              size="small"
              rowKey="agentUserId"
              loading={q.isFetching}
              dataSource={d.agents}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="callcenter-agents"
              columns={[
                {
                  key: 'agent',
                  title: t('callcenter.agent'),
                  render: (_, r) =>
                    r.agentName ?? <Typography.Text type="secondary">{r.agentUserId}</Typography.Text>,
                },
                ...agentColumns(d.thresholdSeconds),
              ]}
            />
          </Card>
        </>
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </Flex>
  );
}
