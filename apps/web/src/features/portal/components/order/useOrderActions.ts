import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalOrderDetail } from '@anxin/contracts';
import { useCancel, useConfirm, useReschedule } from '../../api.ts';
import { windowOf, type SlotChoice } from '../../time.ts';

/** Confirming the appointment, or moving it to another slot with a reason. */
export function useAppointmentActions(order: PortalOrderDetail) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm(order.id);
  const reschedule = useReschedule(order.id);
  const [moving, setMoving] = useState(false);
  const [slot, setSlot] = useState<SlotChoice[]>([]);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const doMove = () => {
    setTried(true);
    if (!slot[0] || !reason.trim()) return;
    reschedule.mutate(
      { ...windowOf(slot[0]), version: order.version, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('portal.detail.rescheduleDone'));
          setMoving(false);
          setSlot([]);
          setReason('');
          setTried(false);
        },
      },
    );
  };

  return {
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
  };
}

/** Cancelling the order with a reason. */
export function useCancelAction(order: PortalOrderDetail) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancel(order.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const doCancel = () => {
    setTried(true);
    if (!reason.trim()) return;
    cancel.mutate(
      { version: order.version, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('portal.detail.cancelDone'));
          setOpen(false);
          setTried(false);
        },
      },
    );
  };

  return { setTried, cancel, open, setOpen, reason, setReason, tried, doCancel };
}
