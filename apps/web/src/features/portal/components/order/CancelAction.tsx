import { ReasonField } from './ReasonField.tsx';
import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalOrderDetail } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { useCancelAction } from './useOrderActions.ts';

/** The customer's cancel action, asking for a reason. */
export function CancelAction({ order }: { order: PortalOrderDetail }) {
  const { t } = useTranslation();
  const { setTried, cancel, open, setOpen, reason, setReason, tried, doCancel } = useCancelAction(order);

  if (!order.actions.cancel) return null;
  return (
    <>
      <Button
        danger
        block
        size="large"
        className="portal-cancel"
        onClick={() => {
          setTried(false);
          setOpen(true);
        }}
        data-testid="portal-cancel"
      >
        {t('portal.detail.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('portal.detail.cancelTitle')}
        onCancel={() => setOpen(false)}
        footer={
          <div className="portal-actions">
            <Button size="large" onClick={() => setOpen(false)}>
              {t('portal.detail.keep')}
            </Button>
            <Button
              danger
              type="primary"
              size="large"
              loading={cancel.isPending}
              onClick={doCancel}
              data-testid="portal-cancel-submit"
            >
              {t('portal.detail.cancel')}
            </Button>
          </div>
        }
        centered
        destroyOnHidden
      >
        <ReasonField
          label={t('portal.detail.cancelReason')}
          placeholder={t('portal.detail.cancelReasonPlaceholder')}
          value={reason}
          onChange={setReason}
          tried={tried}
          testId="portal-cancel-reason"
          labelStyle={{ marginBottom: 8 }}
        />
        {cancel.error && <ProblemAlert error={cancel.error} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
