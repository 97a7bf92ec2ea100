import type { ReactNode } from 'react';
import { Badge, Empty, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useSession } from '../../auth/index.ts';
import { useOldParts, usePartRequests } from '../api/warehouse.ts';
import { CatalogTab, OutletStoreTab, ReplenishmentTab, StocktakeTab } from '../stock/index.ts';
import { LedgerTab } from '../warehouse/LedgerTab.tsx';
import { inTransitFilter, OldPartsTab, toInspectFilter } from '../warehouse/OldPartsTab.tsx';
import {
  PendingApprovalTab,
  pendingFilter,
  RequestHistoryTab,
  ToShipTab,
  toShipFilter,
} from '../warehouse/RequestsTab.tsx';
import { StockTab } from '../warehouse/StockTab.tsx';

/** A working queue's size on its tab; the lists load at most 200 rows, so more reads as "199+". */
function Counted({ label, count }: { label: string; count: number }) {
  return (
    <Space size={6}>
      {label}
      <Badge count={count} overflowCount={199} size="small" />
    </Space>
  );
}

const countOf = (data: { items: unknown[] } | undefined) => data?.items.length ?? 0;

/**
 * 备件 workbench. The warehouse (parts:approve / parts:manage) works its queues: approvals,
 * shipments, returned old parts, stock and the ledger; parts:manage also keeps the catalogue,
 * stocktakes and replenishment. An outlet manager (parts:request without parts:manage) sees the
 * outlet's own store. The tab is in the URL so a reload keeps it.
 */
export default function PartsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const has = (p: string) => me.permissions.includes(p as (typeof me.permissions)[number]);
  const canApprove = has('parts:approve');
  const canManage = has('parts:manage');
  const warehouse = canApprove || canManage;
  const outletManager = has('parts:request') && !canManage;

  // The same queries (and cache entries) as the tabs' lists: counts and lists refresh together.
  const pending = usePartRequests(pendingFilter, warehouse);
  const toShip = usePartRequests(toShipFilter, warehouse);
  const inTransit = useOldParts(inTransitFilter, warehouse);
  const toInspect = useOldParts(toInspectFilter, warehouse);

  const tabs: { key: string; label: ReactNode; children: ReactNode }[] = [
    ...(warehouse
      ? [
          {
            key: 'approvals',
            label: <Counted label={t('parts.warehouse.tabs.approvals')} count={countOf(pending.data)} />,
            children: <PendingApprovalTab canApprove={canApprove} />,
          },
          {
            key: 'shipping',
            label: <Counted label={t('parts.warehouse.tabs.shipping')} count={countOf(toShip.data)} />,
            children: <ToShipTab canShip={canManage} />,
          },
          { key: 'requests', label: t('parts.warehouse.tabs.requests'), children: <RequestHistoryTab /> },
          {
            key: 'old-parts',
            label: (
              <Counted
                label={t('parts.warehouse.tabs.oldParts')}
                count={countOf(inTransit.data) + countOf(toInspect.data)}
              />
            ),
            children: <OldPartsTab canHandle={canManage} />,
          },
          {
            key: 'stock',
            label: t('parts.warehouse.tabs.stock'),
            children: <StockTab canManage={canManage} />,
          },
          { key: 'ledger', label: t('parts.warehouse.tabs.ledger'), children: <LedgerTab /> },
        ]
      : []),
    ...(canManage
      ? [
          { key: 'catalog', label: t('parts.warehouse.tabs.catalog'), children: <CatalogTab /> },
          { key: 'stocktake', label: t('parts.warehouse.tabs.stocktake'), children: <StocktakeTab /> },
          {
            key: 'replenishment',
            label: t('parts.warehouse.tabs.replenishment'),
            children: <ReplenishmentTab />,
          },
        ]
      : []),
    ...(outletManager
      ? [{ key: 'outlet', label: t('parts.warehouse.tabs.outlet'), children: <OutletStoreTab /> }]
      : []),
  ];
  const asked = params.get('tab');
  const active = tabs.some((x) => x.key === asked) ? asked! : tabs[0]?.key;

  return (
    <>
      <PageHeader title={t('parts.title')} description={t('parts.warehouse.description')} />
      {tabs.length === 0 ? (
        <Empty description={t('parts.warehouse.noTabs')} />
      ) : (
        <Tabs
          activeKey={active}
          // A tab's filters belong to it (the stock and request lists sort by different keys).
          onChange={(k) => setParams(new URLSearchParams({ tab: k }), { replace: true })}
          items={tabs}
        />
      )}
    </>
  );
}
