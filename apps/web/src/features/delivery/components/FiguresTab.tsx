import { useState } from 'react';
import { Card, Col, DatePicker, Flex, Progress, Row, Segmented, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeliveryFigureRow } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useFigures } from '../api.ts';

type Key = 'onTime' | 'intact' | 'problems' | 'satisfaction';
const PCT: Record<Key, keyof DeliveryFigureRow> = {
  onTime: 'onTimePercent',
  intact: 'intactPercent',
  problems: 'problemsSolvedPercent',
  satisfaction: 'satisfactionPercent',
};
const TARGET = {
  onTime: 'onTimePercent',
  intact: 'intactPercent',
  problems: 'problemsSolvedPercent',
  satisfaction: 'satisfactionPercent',
} as const;

/** 送货指标: the seed's four KPIs for a month against their targets, per store or crew. */
export function FiguresTab() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs());
  const [by, setBy] = useState<'store' | 'crew'>('store');
  const q = useFigures(month.format('YYYY-MM'), by);
  const d = q.data;
  const pct = (v: number | null) => (v === null ? t('delivery.noData') : `${v}%`);
  const keys: Key[] = ['onTime', 'intact', 'problems', 'satisfaction'];
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          value={month}
          onChange={(m) => m && setMonth(m)}
          allowClear={false}
          data-testid="figures-month"
        />
        <Segmented
          value={by}
          onChange={(v) => setBy(v as 'store' | 'crew')}
          options={(['store', 'crew'] as const).map((b) => ({ value: b, label: t(`delivery.by.${b}`) }))}
        />
      </Flex>
      <ProblemAlert error={q.error} />
      {d && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {keys.map((k) => {
              const v = d.total[PCT[k]] as number | null;
              const target = d.targets[TARGET[k]];
              const ok = v !== null && v >= target;
              return (
                <Col key={k} xs={12} lg={6}>
                  <Card size="small" data-testid={`figure-${k}`}>
                    <Statistic
                      title={t(`delivery.figure.${k}`)}
                      value={pct(v)}
                      valueStyle={{ color: v === null ? undefined : ok ? '#16a34a' : '#dc2626' }}
                    />
                    <Progress
                      percent={v ?? 0}
                      showInfo={false}
                      strokeColor={ok ? '#16a34a' : '#f97316'}
                      size="small"
                    />
                    <Typography.Text type="secondary">
                      {t('delivery.target', { value: target })}
                    </Typography.Text>
                  </Card>
                </Col>
              );
            })}
          </Row>
          <Table<DeliveryFigureRow>
            size="small"
            rowKey="key"
            loading={q.isPending}
            dataSource={d.rows}
            pagination={false}
            data-testid="figures-table"
            columns={[
              {
                key: 'name',
                title: t(`delivery.field.${by === 'store' ? 'store' : 'crew'}`),
                render: (_, r) => r.name || '—',
              },
              { key: 'n', title: t('delivery.figure.deliveries'), dataIndex: 'deliveries' },
              ...keys.map((k) => ({
                key: k,
                title: t(`delivery.figure.${k}`),
                render: (_: unknown, r: DeliveryFigureRow) => {
                  const v = r[PCT[k]] as number | null;
                  return (
                    <span style={{ color: v !== null && v < d.targets[TARGET[k]] ? '#dc2626' : undefined }}>
                      {pct(v)}
                    </span>
                  );
                },
              })),
            ]}
          />
        </>
      )}
    </>
  );
}
