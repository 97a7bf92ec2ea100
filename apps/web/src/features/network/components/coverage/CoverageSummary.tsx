import { Card, Col, Empty, Flex, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageReport } from '@anxin/contracts';
import { pct } from '../bits.tsx';

/** Region coverage and self-built share against their targets, and coverage per category. */
export function CoverageSummary({
  report,
  catName,
}: {
  report: CoverageReport;
  catName: (code: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xl={8}>
        <Gauge
          testId="coverage-region"
          title={t('network.coverage.regionCoverage')}
          hint={t('network.coverage.regionCoverageHint')}
          ratio={report.regionCoverage.ratio}
          target={report.targets.regionCoverage}
          detail={t('network.coverage.ofTotal', {
            covered: report.regionCoverage.covered,
            total: report.regionCoverage.total,
          })}
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Gauge
          testId="coverage-self-built"
          title={t('network.coverage.selfBuilt')}
          hint={t('network.coverage.selfBuiltHint')}
          ratio={report.selfBuilt.ratio}
          target={report.targets.selfBuiltShare}
          detail={t('network.coverage.ofTotal', {
            covered: report.selfBuilt.selfBuilt,
            total: report.selfBuilt.active,
          })}
        />
      </Col>
      <Col xs={24} xl={8}>
        <Card
          title={t('network.coverage.byCategory')}
          size="small"
          style={{ height: '100%' }}
          data-testid="coverage-by-category"
        >
          <Flex vertical gap={8}>
            {report.regionCoverage.byCategory.map((c) => (
              <div key={c.categoryCode}>
                <Flex justify="space-between">
                  <Typography.Text>{catName(c.categoryCode)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {pct(c.ratio)} ({c.covered}/{c.total})
                  </Typography.Text>
                </Flex>
                <Progress
                  percent={Math.round((c.ratio ?? 0) * 100)}
                  showInfo={false}
                  size="small"
                  status={(c.ratio ?? 0) >= report.targets.regionCoverage ? 'success' : 'exception'}
                />
              </div>
            ))}
            {!report.regionCoverage.byCategory.length && <Empty description={t('network.coverage.noData')} />}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

function Gauge(props: {
  testId: string;
  title: string;
  hint: string;
  ratio: number | null;
  target: number;
  detail: string;
}) {
  const { t } = useTranslation();
  const ok = props.ratio !== null && props.ratio >= props.target;
  return (
    <Card size="small" title={props.title} data-testid={props.testId} style={{ height: '100%' }}>
      <Flex align="center" gap={24}>
        <Progress
          type="dashboard"
          percent={props.ratio === null ? 0 : Math.round(props.ratio * 1000) / 10}
          status={props.ratio === null ? 'normal' : ok ? 'success' : 'exception'}
          format={() => pct(props.ratio)}
        />
        <Flex vertical gap={4}>
          <Typography.Text strong data-testid={`${props.testId}-value`}>
            {pct(props.ratio)}
          </Typography.Text>
          <Tag color={ok ? 'green' : 'red'}>{t('network.coverage.target', { value: pct(props.target) })}</Tag>
          <Typography.Text type="secondary">{props.detail}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {props.hint}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
