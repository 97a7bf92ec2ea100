import { useMemo, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Offer, WorkOrderSummary } from '@anxin/contracts';
import { useCategories, useRegions } from '../../customers/index.ts';
import { useWorkOrders } from '../../workorders/index.ts';
import { useAcceptOffer, useFigures, usePendingOffers, useReschedule } from '../api.ts';
import type { AssignTarget } from '../components/AssignDrawer.tsx';
import { GROUPS, type Group } from '../components/desk/groups.ts';

/**
 * The outlet desk's data and state: pending offers, the month's figures, the orders of the chosen
 * list, and which dialog (reject, assign, reschedule, escalate) is open for which order.
 */
export function useOutletDesk() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const zh = i18n.language === 'zh-CN';
  const [group, setGroup] = useState<Group>('toAssign');
  const offers = usePendingOffers();
  const figures = useFigures();
  // Work in progress by deadline; finished and mixed lists newest first.
  const orders = useWorkOrders(
    { status: GROUPS[group], sort: group === 'all' || group === 'done' ? '-created_at' : 'sla_due_at' },
    30,
  );
  const regions = useRegions();
  const categories = useCategories();
  const accept = useAcceptOffer();
  const reschedule = useReschedule();
  const [rejecting, setRejecting] = useState<{ id: string; number: string } | null>(null);
  const [assigning, setAssigning] = useState<AssignTarget | null>(null);
  const [moving, setMoving] = useState<WorkOrderSummary | null>(null);
  const [escalating, setEscalating] = useState<WorkOrderSummary | null>(null);

  const techNames = useMemo(
    () => new Map((figures.data?.technicians ?? []).map((x) => [x.technicianId, x.name])),
    [figures.data],
  );
  const categoryName = (code: string | null) => {
    const c = code ? categories.data?.items.find((x) => x.code === code) : undefined;
    return c ? (zh ? c.nameZh : c.nameEn) : (code ?? '—');
  };
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const f = figures.data;
  const refresh = () => {
    void offers.refetch();
    void figures.refetch();
    void orders.refetch();
  };

  const onAccept = async (o: Offer) => {
    try {
      await accept.mutateAsync({ offerId: o.id });
      message.success(t('outlet.offers.accepted', { number: o.order?.number ?? '' }));
      setGroup('toAssign');
    } catch {
      /* shown below the table */
    }
  };

  return {
    group,
    setGroup,
    offers,
    figures,
    orders,
    regions,
    accept,
    reschedule,
    rejecting,
    setRejecting,
    assigning,
    setAssigning,
    moving,
    setMoving,
    escalating,
    setEscalating,
    techNames,
    categoryName,
    rows,
    f,
    refresh,
    onAccept,
    message,
  };
}

export type OutletDesk = ReturnType<typeof useOutletDesk>;
