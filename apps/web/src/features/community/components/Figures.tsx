import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useFigures } from '../api.ts';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function Stat({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <Col xs={12} sm={8} md={4}>
      <Card size="small">
        <Statistic title={label} value={value} data-testid={testId} />
      </Card>
    </Col>
  );
}

/** The referral or event figures over the `community.policy` default range. */
export function Figures({ kind }: { kind: 'referrals' | 'events' }) {
  const { t } = useTranslation();
  const q = useFigures();
  const f = q.data;
  if (!f) return <ProblemAlert error={q.error} />;
  const k = 'community.figures';
  return (
    <>
      <Typography.Text type="secondary">{t(`${k}.range`, f.range)}</Typography.Text>
      {kind === 'referrals' ? (
        <Row gutter={[12, 12]}>
          <Stat label={t(`${k}.referrals`)} value={f.referrals.count} testId="community-figure-referrals" />
          <Stat
            label={t(`${k}.converted`)}
            value={f.referrals.converted}
            testId="community-figure-converted"
          />
          <Stat
            label={t(`${k}.conversionRate`)}
            value={pct(f.referrals.conversionRate)}
            testId="community-figure-conversionRate"
          />
          <Col xs={24} md={12}>
            <Card size="small" title={t(`${k}.byPeriod`)}>
              <Table
                size="small"
                pagination={false}
                rowKey="period"
                dataSource={f.byPeriod}
                columns={[
                  { title: t(`${k}.period`), dataIndex: 'period' },
                  { title: t(`${k}.referrals`), dataIndex: 'count' },
                  { title: t(`${k}.converted`), dataIndex: 'converted' },
                  { title: t(`${k}.conversionRate`), render: (_, r) => pct(r.conversionRate) },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t(`${k}.byReferrer`)}>
              <Table
                size="small"
                pagination={false}
                rowKey="referrerId"
                dataSource={f.byReferrer}
                columns={[
                  { title: t('community.referral.referrer'), dataIndex: 'referrerName' },
                  { title: t('community.referral.referred'), dataIndex: 'referred' },
                  { title: t(`${k}.converted`), dataIndex: 'converted' },
                  { title: t(`${k}.conversionRate`), render: (_, r) => pct(r.conversionRate) },
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : (
        <Row gutter={[12, 12]}>
          <Stat label={t(`${k}.events`)} value={f.events.events} testId="community-figure-events" />
          <Stat label={t(`${k}.invited`)} value={f.events.invited} testId="community-figure-invited" />
          <Stat
            label={t(`${k}.registered`)}
            value={f.events.registered}
            testId="community-figure-registered"
          />
          <Stat label={t(`${k}.attended`)} value={f.events.attended} testId="community-figure-attended" />
          <Stat
            label={t(`${k}.attendanceRate`)}
            value={pct(f.events.attendanceRate)}
            testId="community-figure-attendanceRate"
          />
        </Row>
      )}
    </>
  );
}
