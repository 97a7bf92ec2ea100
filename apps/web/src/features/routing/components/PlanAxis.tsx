import { Card, Empty, Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoutePlanView } from '../api.ts';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';
import { PlanTimeline } from './PlanTimeline.tsx';

/** The day axis per technician; a selected job can be moved to another technician. */
export function PlanAxis({ rp, plan }: { rp: RoutePlanState; plan: RoutePlanView }) {
  const { t } = useTranslation();
  const {
    editable,
    jobs,
    routes,
    problems,
    techProblems,
    selected,
    setSelected,
    move,
    selectedJob,
    selectedTech,
    moveOptions,
  } = rp;
  return (
    <>
      {plan.jobs.length === 0 ? (
        <Empty description={t('routing.noJobs')} />
      ) : (
        <Card
          title={t('routing.axis')}
          extra={
            <Typography.Text type="secondary">{editable ? t('routing.selectHint') : null}</Typography.Text>
          }
        >
          <PlanTimeline
            dayStart={plan.dayStart}
            technicians={plan.technicians}
            jobs={jobs}
            routes={routes}
            problems={problems}
            techProblems={techProblems}
            selected={selected}
            onSelect={setSelected}
            onDrop={(orderId, techId, minute) => !jobs.get(orderId)?.fixed && move(orderId, techId, minute)}
            editable={!!editable}
          />
          {editable && selectedJob && (
            <Flex gap={8} align="center" style={{ marginTop: 12 }} wrap>
              <Typography.Text>{t('routing.moveToLabel', { number: selectedJob.number })}</Typography.Text>
              <Select
                data-testid="plan-move-select"
                style={{ minWidth: 200 }}
                value={selectedTech}
                disabled={selectedJob.fixed}
                onChange={(v: string) => move(selectedJob.orderId, v)}
                options={moveOptions}
              />
              {selectedJob.fixed && <Tag color="green">{t('routing.fixed')}</Tag>}
            </Flex>
          )}
        </Card>
      )}
    </>
  );
}
