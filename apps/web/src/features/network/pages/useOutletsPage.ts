import { useState } from 'react';
import type { Outlet } from '@anxin/contracts';
import { useMe } from '../../auth/index.ts';
import { useCategories, useRegions } from '../../customers/index.ts';
import { networkApi, useNetworkMutation, useOutletList } from '../api.ts';

/**
 * The outlets page's state: the filters and the list they select, who may manage outlets, which
 * outlet is being edited, suspended / reactivated or looked at.
 */
export function useOutletsPage() {
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('outlet:manage');
  const regions = useRegions();
  const categories = useCategories();
  const [region, setRegion] = useState<string[]>([]);
  const [category, setCategory] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [type, setType] = useState<string>();
  const [q, setQ] = useState('');
  const outlets = useOutletList({
    region: region[region.length - 1],
    category,
    status,
    type,
    q: q.trim() || undefined,
  });
  const [editing, setEditing] = useState<Outlet | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [statusOf, setStatusOf] = useState<Outlet | null>(null);
  const [detail, setDetail] = useState<Outlet | null>(null);
  const setOutletStatus = useNetworkMutation((v: { o: Outlet; reason: string }) =>
    networkApi.setOutletStatus(v.o.id, v.o.status === 'active' ? 'suspend' : 'reactivate', {
      version: v.o.version,
      reason: v.reason,
    }),
  );
  const catName = (code: string) => categories.data?.items.find((c) => c.code === code)?.nameZh ?? code;
  const items = outlets.data?.pages.flatMap((p) => p.items) ?? [];

  return {
    canManage,
    regions,
    categories,
    region,
    setRegion,
    category,
    setCategory,
    status,
    setStatus,
    type,
    setType,
    q,
    setQ,
    outlets,
    editing,
    setEditing,
    drawerOpen,
    setDrawerOpen,
    statusOf,
    setStatusOf,
    detail,
    setDetail,
    setOutletStatus,
    catName,
    items,
  };
}

export type OutletsPageState = ReturnType<typeof useOutletsPage>;
