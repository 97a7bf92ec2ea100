import { Checkbox, Modal, Typography, type Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';

/** Re-optimise the plan, optionally without some technicians (off sick, called away). */
export function ReoptimiseModal({ rp }: { rp: RoutePlanState }) {
  const { t } = useTranslation();
  const { plan, reoptOpen, setReoptOpen, reopt, dropIds, setDropIds, showPlan } = rp;
  return (
    <Modal
      open={reoptOpen}
      title={t('routing.reopt.title')}
      okText={t('routing.reopt.run')}
      okButtonProps={{ 'data-testid': 'plan-reoptimise-run' } as React.ComponentProps<typeof Button>}
      confirmLoading={reopt.isPending}
      onCancel={() => setReoptOpen(false)}
      onOk={() =>
        plan &&
        reopt.mutate(
          { id: plan.id, dropTechnicianIds: dropIds },
          {
            onSuccess: (p) => {
              showPlan(p);
              setReoptOpen(false);
            },
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('routing.reopt.hint')}</Typography.Paragraph>
      <Typography.Text strong>{t('routing.reopt.drop')}</Typography.Text>
      <Checkbox.Group
        style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 8 }}
        value={dropIds}
        onChange={(v) => setDropIds(v as string[])}
        options={(plan?.technicians ?? []).map((x) => ({
          value: x.id,
          label: <span data-testid={`plan-drop-${x.name}`}>{x.name}</span>,
        }))}
      />
    </Modal>
  );
}
