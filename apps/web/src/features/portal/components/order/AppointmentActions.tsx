import { ReasonField } from './ReasonField.tsx';
import { Button, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalOrderDetail } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { SlotPicker } from '../SlotPicker.tsx';
import { useAppointmentActions } from './useOrderActions.ts';

/** The customer's appointment actions: confirm, or reschedule in a drawer. */
export function AppointmentActions({ order }: { order: PortalOrderDetail }) {
  const { t } = useTranslation();
  const {
    message,
    setTried,
    confirm,
    reschedule,
    moving,
    setMoving,
    slot,
    setSlot,
    reason,
    setReason,
    tried,
    doMove,
  } = useAppointmentActions(order);

  if (!order.actions.confirm && !order.actions.reschedule) return null;
  return (
    <>
      <div className="portal-actions">
        {order.actions.confirm && (
          <Button
            type="primary"
            size="large"
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate(
                { version: order.version },
                { onSuccess: () => void message.success(t('portal.detail.confirmDone')) },
              )
            }
            data-testid="portal-confirm"
          >
            {t('portal.detail.confirm')}
          </Button>
        )}
        {order.actions.reschedule && (
          <Button
            size="large"
            onClick={() => {
              setTried(false);
              setMoving(true);
            }}
            data-testid="portal-reschedule"
          >
            {t('portal.detail.reschedule')}
          </Button>
        )}
      </div>
      {confirm.error && <ProblemAlert error={confirm.error} style={{ marginTop: 12 }} />}
      <Drawer
        open={moving}
        onClose={() => setMoving(false)}
        placement="bottom"
        size="auto"
        title={t('portal.detail.rescheduleTitle')}
        className="portal-sheet"
        destroyOnHidden
      >
        <SlotPicker value={slot} onChange={setSlot} max={1} testId="portal-reschedule-slot" />
        {tried && !slot[0] && <Typography.Text type="danger">{t('portal.detail.pickOne')}</Typography.Text>}
        <ReasonField
          label={t('portal.detail.rescheduleReason')}
          placeholder={t('portal.detail.rescheduleReasonPlaceholder')}
          value={reason}
          onChange={setReason}
          tried={tried}
          testId="portal-reschedule-reason"
          labelStyle={{ margin: '16px 0 8px' }}
        />
        {reschedule.error && <ProblemAlert error={reschedule.error} style={{ marginTop: 12 }} />}
        <Button
          type="primary"
          size="large"
          block
          className="portal-primary"
          style={{ marginTop: 16 }}
          loading={reschedule.isPending}
          onClick={doMove}
          data-testid="portal-reschedule-submit"
        >
          {t('portal.detail.submit')}
        </Button>
      </Drawer>
    </>
  );
}
