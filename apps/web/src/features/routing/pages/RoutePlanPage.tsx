import { Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { PlanActions } from '../components/PlanActions.tsx';
import { PlanAxis } from '../components/PlanAxis.tsx';
import { PlanResultCard } from '../components/PlanResultCard.tsx';
import { PlanSummary } from '../components/PlanSummary.tsx';
import { PlanToolbar } from '../components/PlanToolbar.tsx';
import { ReoptimiseModal } from '../components/ReoptimiseModal.tsx';
import { RouteMapCard } from '../components/RouteMapCard.tsx';
import { UnassignedCard } from '../components/UnassignedCard.tsx';
import { useRoutePlan } from './useRoutePlan.ts';
import '../routing.css';

/** Day planning for an outlet: optimise, adjust by hand with live checks, accept. */
export default function RoutePlanPage() {
  const { t } = useTranslation();
  const rp = useRoutePlan();
  const { plan, busy, error, editable, result } = rp;
  return (
    <div>
      <PageHeader title={t('routing.title')} description={t('routing.description')} />
      <PlanToolbar rp={rp} />
      <ProblemAlert error={error} style={{ marginBottom: 16 }} />
      {!plan && !busy && <Empty description={t('routing.empty')} />}
      {plan && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <PlanSummary rp={rp} plan={plan} />
          <PlanAxis rp={rp} plan={plan} />
          <UnassignedCard rp={rp} />
          <RouteMapCard rp={rp} plan={plan} />
          {editable && <PlanActions rp={rp} plan={plan} />}
          {result && <PlanResultCard rp={rp} />}
        </Space>
      )}
      <ReoptimiseModal rp={rp} />
    </div>
  );
}
