import { useState } from 'react';
import { Card, Col, DatePicker, Flex, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useFigures } from '../api.ts';

const pct = (x: number | null) => (x === null ? 0 : Math.round(x * 1000) / 10);

/** 知识库统计: deflection, remote resolution, unanswered searches, most helpful articles. */
export function FiguresTab() {
  const { t } = useTranslation();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const q = useFigures(range);
  const f = q.data;
  const rate = (title: string, value: number | null, hint: string, detail: string, testId: string) => (
    <Card size="small" data-testid={testId}>
      <Statistic title={title} value={value === null ? '—' : pct(value)} suffix={value === null ? '' : '%'} />
      <Progress percent={pct(value)} showInfo={false} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint ? `${detail} · ${hint}` : detail}
      </Typography.Text>
    </Card>
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Typography.Text>{t('knowledge.figures.range')}</Typography.Text>
        <DatePicker.RangePicker
          value={f ? [dayjs(f.from), dayjs(f.to)] : null}
          onChange={(v) =>
            setRange(v?.[0] && v[1] ? { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } : {})
          }
        />
      </Flex>
      <ProblemAlert error={q.error} />
      {f && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={6}>
              {rate(
                t('knowledge.figures.deflection'),
                f.deflectionRate,
                t('knowledge.figures.deflectionHint'),
                t('knowledge.figures.sessions', { deflected: f.deflected, total: f.portalSessions }),
                'kb-fig-deflection',
              )}
            </Col>
            <Col xs={24} md={6}>
              {rate(
                t('knowledge.figures.remote'),
                f.remoteResolutionRate,
                t('knowledge.figures.remoteHint'),
                t('knowledge.figures.remoteCount', {
                  resolved: f.remoteResolved,
                  registered: f.ordersRegistered,
                }),
                'kb-fig-remote',
              )}
            </Col>
            <Col xs={24} md={6}>
              {rate(
                t('knowledge.figures.share'),
                f.articleShare,
                '',
                t('knowledge.figures.shareCount', { count: f.remoteResolvedWithArticle }),
                'kb-fig-share',
              )}
            </Col>
            <Col xs={24} md={6}>
              <Card size="small">
                <Statistic title={t('knowledge.figures.searches')} value={f.searches} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={10}>
              <Card size="small" title={t('knowledge.figures.unanswered')}>
                <Table
                  size="small"
                  rowKey="query"
                  pagination={false}
                  dataSource={f.unanswered}
                  locale={{ emptyText: t('knowledge.figures.none') }}
                  columns={[
                    { title: t('knowledge.figures.query'), dataIndex: 'query' },
                    {
                      title: t('knowledge.figures.count'),
                      dataIndex: 'count',
                      width: 80,
                      align: 'right' as const,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} md={14}>
              <Card size="small" title={t('knowledge.figures.helpful')}>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={f.helpful}
                  locale={{ emptyText: t('knowledge.figures.none') }}
                  columns={[
                    { title: t('knowledge.figures.article'), dataIndex: 'title' },
                    {
                      title: t('knowledge.helpful'),
                      dataIndex: 'helpful',
                      width: 80,
                      align: 'right' as const,
                    },
                    {
                      title: t('knowledge.resolved'),
                      dataIndex: 'resolved',
                      width: 100,
                      align: 'right' as const,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
