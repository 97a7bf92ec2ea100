import { useState } from 'react';
import { CLOSED_STATUSES, isStatusIn, type WorkOrderStatusName } from '@anxin/contracts';
import { currentLocale } from '../../../i18n/index.ts';
import { useSession } from '../../auth/index.ts';
import { useFaultTree, useInstalledProduct, useRegions } from '../../customers/index.ts';
import { useAppointment, useStaffNames, useWorkOrder } from '../api.ts';

/**
 * Everything the work-order detail page reads (the order, its product and fault codes, region
 * names, staff names for the timeline) and which of its dialogs is open.
 */
export function useWorkOrderDetail(id: string | undefined) {
  const me = useSession();
  const order = useWorkOrder(id);
  const appointment = useAppointment();
  const product = useInstalledProduct(order.data?.product?.id);
  const faultTree = useFaultTree(order.data?.product?.categoryCode);
  const regions = useRegions();
  const names = useStaffNames(me.permissions.includes('user:read'));
  const [to, setTo] = useState<WorkOrderStatusName | null>(null);
  const [appointing, setAppointing] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const zh = currentLocale() === 'zh-CN';
  const codes = new Map(
    (faultTree.data?.faults ?? [])
      .flatMap((f) => [f, ...f.symptoms])
      .map((c) => [c.id, zh ? c.nameZh : c.nameEn]),
  );
  return {
    me,
    order,
    appointment,
    product: product.data,
    regions: regions.data,
    names: names.data,
    codes,
    canTransition: me.permissions.includes('workorder:transition'),
    canUpdate: me.permissions.includes('workorder:update'),
    open: !!order.data && !isStatusIn(CLOSED_STATUSES, order.data.status),
    reload: () => void order.refetch(),
    to,
    setTo,
    appointing,
    setAppointing,
    escalating,
    setEscalating,
  };
}
