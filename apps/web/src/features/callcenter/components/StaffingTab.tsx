import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CallFigures, StaffingPlan } from '@anxin/contracts';
import { api } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { useCallCenterPolicy, useStaffing } from '../api.ts';
import { halfHourLabel, parseVolumes, pct, secs } from '../format.ts';
import { StaffingChart } from './StaffingChart.tsx';

const SLOTS = 48;
type Row = StaffingPlan['intervals'][number];

/**
 * 排班测算: 48 half-hour volumes (typed, pasted as an Excel row, or the chosen dates' average),
 * handle time and targets → agents on the phones and scheduled staff per half hour by Erlang C.
 */
export function StaffingTab({ range }: { range: [Dayjs, Dayjs] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policy = useCallCenterPolicy();
  const plan = useStaffing();
  const [volumes, setVolumes] = useState<number[]>(() => Array.from({ length: SLOTS }, () => 0));
  const [paste, setPaste] = useState('');
  const [aht, setAht] = useState<number>(240);
  const [target, setTarget] = useState<number | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [shrinkage, setShrinkage] = useState<number | null>(null);
  const [maxOcc, setMaxOcc] = useState<number | null>(null);
  const [loadingAvg, setLoadingAvg] = useState(false);

  const applyPaste = () => {
    const { values, bad } = parseVolumes(paste);
    if (bad.length) {
      message.error(t('callcenter.staffing.invalidPaste', { count: bad.length }));
      return;
    }
    setVolumes((v) => v.map((x, i) => (i < values.length ? values[i]! : x)));
    message.success(t('callcenter.staffing.pasted', { count: Math.min(values.length, SLOTS) }));
  };

  /** The chosen dates' calls per half hour, averaged over the days, and their AHT. */
  const fromFigures = async () => {
    setLoadingAvg(true);
    try {
      const from = range[0].format('YYYY-MM-DD');
      const to = range[1].format('YYYY-MM-DD');
      const f = await api.get<CallFigures>('/api/v1/callcenter/figures', { from, to, interval: 'halfhour' });
      const days = range[1].diff(range[0], 'day') + 1;
      const next = Array.from({ length: SLOTS }, () => 0);
      for (const s of f.series) {
        const i = Number(s.key.slice(0, 2)) * 2 + (s.key.endsWith('30') ? 1 : 0);
        next[i] = Math.round((s.offered / days) * 10) / 10;
      }
      setVolumes(next);
      if (f.total.ahtSeconds) setAht(Math.round(f.total.ahtSeconds));
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setLoadingAvg(false);
    }
  };

  const run = () =>
    plan.mutate({
      volumes,
      intervalMinutes: 30,
      ahtSeconds: aht,
      targetServiceLevelPercent: target ?? policy.targetServiceLevelPercent,
      thresholdSeconds: threshold ?? policy.serviceLevelSeconds,
      shrinkagePercent: shrinkage ?? policy.shrinkagePercent,
      maxOccupancyPercent: maxOcc ?? policy.maxOccupancyPercent,
    });

  const r = plan.data;
  const none = t('callcenter.noData');
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('callcenter.staffing.intro')}
      </Typography.Paragraph>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('callcenter.staffing.aht')}>
            <InputNumber
              min={1}
              max={36000}
              value={aht}
              onChange={(v) => setAht(v ?? 1)}
              data-testid="staffing-aht"
            />
          </Form.Item>
          <Form.Item label={t('callcenter.staffing.target')}>
            <InputNumber
              min={1}
              max={99.9}
              value={target ?? policy.targetServiceLevelPercent}
              onChange={setTarget}
            />
          </Form.Item>
          <Form.Item label={t('callcenter.staffing.threshold')}>
            <InputNumber
              min={1}
              max={3600}
              value={threshold ?? policy.serviceLevelSeconds}
              onChange={setThreshold}
            />
          </Form.Item>
          <Form.Item label={t('callcenter.staffing.shrinkage')}>
            <InputNumber
              min={0}
              max={90}
              value={shrinkage ?? policy.shrinkagePercent}
              onChange={setShrinkage}
            />
          </Form.Item>
          <Form.Item label={t('callcenter.staffing.maxOccupancy')}>
            <InputNumber
              min={10}
              max={100}
              value={maxOcc ?? policy.maxOccupancyPercent}
              onChange={setMaxOcc}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card
        size="small"
        title={t('callcenter.staffing.volumes')}
        extra={
          <Button loading={loadingAvg} onClick={() => void fromFigures()} data-testid="staffing-from-figures">
            {t('callcenter.staffing.fromFigures')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('callcenter.staffing.volumesHint')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            placeholder={t('callcenter.staffing.pastePlaceholder')}
            aria-label={t('callcenter.staffing.paste')}
            data-testid="staffing-paste"
          />
          <Button onClick={applyPaste} disabled={!paste.trim()}>
            {t('callcenter.staffing.applyPaste')}
          </Button>
        </Space.Compact>
        <div className="callcenter-volumes">
          {volumes.map((v, i) => (
            <div key={i}>
              <label htmlFor={`vol-${i}`}>{halfHourLabel(i)}</label>
              <InputNumber
                id={`vol-${i}`}
                size="small"
                min={0}
                max={100000}
                value={v}
                style={{ width: '100%' }}
                onChange={(x) => setVolumes((all) => all.map((y, j) => (j === i ? (x ?? 0) : y)))}
              />
            </div>
          ))}
        </div>
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Button type="primary" onClick={run} loading={plan.isPending} data-testid="staffing-run">
            {t('callcenter.staffing.run')}
          </Button>
        </Flex>
      </Card>
      <ProblemAlert error={plan.error} />
      {r && (
        <>
          <Card
            size="small"
            title={t('callcenter.staffing.chartTitle')}
            extra={
              <Typography.Text strong data-testid="staffing-peak">
                {t('callcenter.staffing.peak', { agents: r.peakAgents, scheduled: r.peakScheduled })}
                {' · '}
                {t('callcenter.staffing.hours', {
                  agentHours: r.agentHours,
                  scheduledHours: r.scheduledHours,
                })}
              </Typography.Text>
            }
          >
            <StaffingChart plan={r} />
          </Card>
          <Table<Row>
            size="small"
            rowKey="index"
            dataSource={r.intervals}
            pagination={false}
            scroll={{ y: 480 }}
            data-testid="staffing-result"
            columns={[
              {
                key: 'i',
                title: t('callcenter.staffing.interval'),
                render: (_, x) => halfHourLabel(x.index),
              },
              { key: 'v', title: t('callcenter.staffing.volume'), dataIndex: 'volume', align: 'right' },
              {
                key: 'a',
                title: t('callcenter.staffing.traffic'),
                align: 'right',
                render: (_, x) => x.trafficErlangs.toFixed(2),
              },
              { key: 'n', title: t('callcenter.staffing.agents'), dataIndex: 'agents', align: 'right' },
              { key: 's', title: t('callcenter.staffing.scheduled'), dataIndex: 'scheduled', align: 'right' },
              {
                key: 'sl',
                title: t('callcenter.staffing.serviceLevel'),
                align: 'right',
                render: (_, x) => pct(x.serviceLevel) ?? none,
              },
              {
                key: 'asa',
                title: t('callcenter.staffing.asa'),
                align: 'right',
                render: (_, x) => secs(x.asaSeconds) ?? none,
              },
              {
                key: 'occ',
                title: t('callcenter.staffing.occupancy'),
                align: 'right',
                render: (_, x) => pct(x.occupancy) ?? none,
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
