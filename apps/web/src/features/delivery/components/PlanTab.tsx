import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Row, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { usePlanDay } from '../api.ts';

/** 排线: one day's deliveries per crew, ordered by the route optimiser. */
export function PlanTab() {
  const { t } = useTranslation();
  const [date, setDate] = useState(dayjs());
  const plan = usePlanDay();
  const data = plan.data;
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
        <Button
          type="primary"
          loading={plan.isPending}
          onClick={() => plan.mutate(date.format('YYYY-MM-DD'))}
          data-testid="plan-day"
        >
          {t('delivery.planDay')}
        </Button>
      </Flex>
      <ProblemAlert error={plan.error} />
      {data && data.routes.length === 0 && data.unplanned.length === 0 && (
        <Empty description={t('delivery.noRoutes')} />
      )}
      {data && data.routes.length > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('delivery.planned', { count: data.routes.reduce((n, r) => n + r.stops.length, 0) })}
        />
      )}
      <Row gutter={[12, 12]}>
        {data?.routes.map((r) => (
          <Col key={r.crewId} xs={24} md={12} xl={8}>
            <Card size="small" title={r.crewName} data-testid={`route-${r.crewName}`}>
              <Timeline
                items={r.stops.map((s) => ({
                  children: (
                    <Flex gap={6} wrap>
                      <strong>{s.start}</strong>
                      <span className="anxin-mono">{s.number}</span>
                      {s.approximate && <Tag color="warning">{t('delivery.approximate')}</Tag>}
                    </Flex>
                  ),
                }))}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {data && data.unplanned.length > 0 && (
        <Alert
          type="warning"
          style={{ marginTop: 12 }}
          message={t('delivery.unplanned')}
          description={data.unplanned.map((u) => u.number).join('、')}
        />
      )}
    </>
  );
}
