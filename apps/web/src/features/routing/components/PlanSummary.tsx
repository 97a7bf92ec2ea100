import { Alert, Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoutePlanView } from '../api.ts';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';

/** What changed on re-optimising, the plan's cost and the live check of the hand edits. */
export function PlanSummary({ rp, plan }: { rp: RoutePlanState; plan: RoutePlanView }) {
  const { t } = useTranslation();
  const { cost, checkPlan, check, jobs, techNames, violationText } = rp;
  return (
    <>
      {plan.diff && (
        <Alert
          type="info"
          showIcon
          data-testid="plan-diff"
          message={t('routing.reopt.diff', {
            moved: plan.diff.moved.length,
            windows: plan.diff.windowChanged.length,
            added: plan.diff.added.length,
          })}
        />
      )}
      {cost && (
        <Card data-testid="plan-cost">
          <Flex gap={32} wrap>
            <Statistic title={t('routing.cost.distance')} value={cost.distanceKm} />
            <Statistic
              title={t('routing.cost.travel')}
              value={Math.round(cost.travelMinutes)}
              data-testid="plan-cost-travel"
            />
            <Statistic
              title={t('routing.cost.lateVisits')}
              value={cost.lateVisits}
              data-testid="plan-cost-late"
            />
            <Statistic title={t('routing.cost.late')} value={Math.round(cost.lateMinutes)} />
            <Statistic title={t('routing.cost.unassigned')} value={cost.unassigned} />
            <Statistic title={t('routing.cost.technicians')} value={cost.technicians} />
          </Flex>
        </Card>
      )}
      {checkPlan.isPending && <Alert type="info" message={t('routing.checking')} />}
      {check && !checkPlan.isPending && (
        <Alert
          data-testid="plan-check"
          type={check.ok ? 'success' : 'error'}
          showIcon
          message={
            check.ok ? t('routing.feasible') : t('routing.infeasible', { count: check.violations.length })
          }
          description={
            check.ok ? undefined : (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {check.violations.map((v, i) => (
                  <li key={i}>
                    {v.orderId
                      ? (jobs.get(v.orderId)?.number ?? v.orderId)
                      : techNames.get(v.technicianId ?? '')}
                    ：{violationText(v)}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
    </>
  );
}
