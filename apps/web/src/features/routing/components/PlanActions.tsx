import { Button, Flex, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoutePlanView } from '../api.ts';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';
import { routesOf } from '../routePlanDraft.ts';

/** Save or discard the hand edits; accept the plan (which books the appointments). */
export function PlanActions({ rp, plan }: { rp: RoutePlanState; plan: RoutePlanView }) {
  const { t } = useTranslation();
  const { dirty, check, checkPlan, save, draft, showPlan, busy, accept } = rp;
  return (
    <Flex gap={8} wrap>
      {dirty && (
        <>
          <Button
            data-testid="plan-save"
            disabled={!check?.ok || checkPlan.isPending}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { id: plan.id, version: plan.version, routes: routesOf(draft) },
                { onSuccess: showPlan },
              )
            }
          >
            {t('routing.save')}
          </Button>
          <Button data-testid="plan-discard" onClick={() => showPlan(plan)}>
            {t('routing.discard')}
          </Button>
          <Typography.Text type="secondary">{t('routing.unsaved')}</Typography.Text>
        </>
      )}
      <Button
        type="primary"
        icon={<CheckOutlined />}
        data-testid="plan-accept"
        disabled={dirty || busy}
        loading={accept.isPending}
        onClick={() => accept.mutate({ id: plan.id, version: plan.version }, { onSuccess: showPlan })}
      >
        {t('routing.accept')}
      </Button>
    </Flex>
  );
}
