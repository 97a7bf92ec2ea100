import { Card, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutletCompletion, TrainingFigures } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCategoryName } from '../../customers/index.ts';
import { useTrainingFigures } from '../api.ts';
import { CompletionChart } from './CompletionChart.tsx';

type Expiring = TrainingFigures['expiring'][number];

/** The figures: completion by outlet (chart and table) and certifications expiring or expired. */
export function FiguresPanel() {
  const { t } = useTranslation();
  const figures = useTrainingFigures();
  const category = useCategoryName();
  if (figures.isPending) return <Skeleton active />;
  if (figures.isError) return <ProblemAlert error={figures.error} />;
  const f = figures.data;
  const hq = t('training.figures.hq');
  const pct = (n: number, d: number) => (d ? `${Math.round((n * 100) / d)}%` : '—');
  return (
    <Flex vertical gap={16} data-testid="training-figures">
      <Card
        title={t('training.figures.completion')}
        extra={
          <Typography.Text type="secondary">{t('training.figures.asOf', { date: f.asOf })}</Typography.Text>
        }
      >
        {f.byOutlet.length === 0 ? (
          <Empty description={t('training.figures.noData')} />
        ) : (
          <>
            <CompletionChart rows={f.byOutlet} hqName={hq} />
            <Table<OutletCompletion>
              size="small"
              rowKey={(r) => r.outletId ?? 'hq'}
              dataSource={f.byOutlet}
              pagination={false}
              data-testid="training-completion-table"
              columns={[
                { key: 'outlet', title: t('training.figures.outlet'), render: (_, r) => r.outletName ?? hq },
                {
                  key: 'assigned',
                  title: t('training.figures.assigned'),
                  dataIndex: 'assigned',
                  align: 'right',
                },
                {
                  key: 'completed',
                  title: t('training.figures.completed'),
                  align: 'right',
                  render: (_, r) => `${r.completed} (${pct(r.completed, r.assigned)})`,
                },
                {
                  key: 'passed',
                  title: t('training.figures.passed'),
                  align: 'right',
                  render: (_, r) => `${r.passed} (${pct(r.passed, r.assigned)})`,
                },
                {
                  key: 'overdue',
                  title: t('training.figures.overdue'),
                  align: 'right',
                  render: (_, r) => (r.overdue ? <Tag color="warning">{r.overdue}</Tag> : 0),
                },
                {
                  key: 'avg',
                  title: t('training.figures.averageScore'),
                  align: 'right',
                  render: (_, r) => r.averageScore ?? '—',
                },
              ]}
            />
          </>
        )}
      </Card>
      <Card title={t('training.figures.expiring', { days: f.expiringSoonDays })}>
        <Table<Expiring>
          size="small"
          rowKey={(r) => `${r.technicianId}:${r.name}:${r.categoryCode}`}
          dataSource={f.expiring}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('training.figures.noExpiring')} /> }}
          data-testid="training-expiring"
          columns={[
            { key: 'tech', title: t('training.figures.technician'), dataIndex: 'technicianName' },
            { key: 'outlet', title: t('training.figures.outlet'), render: (_, r) => r.outletName ?? hq },
            {
              key: 'cert',
              title: t('training.figures.certification'),
              render: (_, r) => (r.categoryCode ? `${r.name} · ${category(r.categoryCode)}` : r.name),
            },
            { key: 'expiresOn', title: t('training.figures.expiresOn'), dataIndex: 'expiresOn' },
            {
              key: 'status',
              title: t('training.field.status'),
              render: (_, r) => (
                <Tag color={r.status === 'expired' ? 'error' : 'warning'}>
                  {t(`training.figures.certStatus.${r.status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
