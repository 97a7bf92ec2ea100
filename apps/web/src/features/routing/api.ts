import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouteMapConfig, RoutePlanCheckResponse, RoutePlanView } from '@anxin/contracts';
import { api } from '../../api/client.ts';

export type { RoutePlanCheckResponse, RoutePlanView };

export interface EditedRoute {
  technicianId: string;
  orderIds: string[];
}

interface OutletOption {
  id: string;
  code: string;
  name: string;
}

/** Active outlets to plan for (an outlet manager's scope returns only their own). */
export const useOutlets = () =>
  useQuery({
    queryKey: ['routing', 'outlets'],
    queryFn: () => api.get<{ items: OutletOption[] }>('/api/v1/outlets', { status: 'active', limit: 200 }),
  });

export const useOptimise = () =>
  useMutation({
    mutationFn: (v: { outletId: string; date: string }) =>
      api.post<RoutePlanView>('/api/v1/routing/plans', v),
  });

export const useCheckPlan = () =>
  useMutation({
    mutationFn: (v: { id: string; version: number; routes: EditedRoute[] }) =>
      api.post<RoutePlanCheckResponse>(`/api/v1/routing/plans/${v.id}/check`, {
        version: v.version,
        routes: v.routes,
      }),
  });

export const useSavePlan = () =>
  useMutation({
    mutationFn: (v: { id: string; version: number; routes: EditedRoute[] }) =>
      api.put<RoutePlanView>(`/api/v1/routing/plans/${v.id}`, { version: v.version, routes: v.routes }),
  });

export const useAcceptPlan = () =>
  useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      api.post<RoutePlanView>(`/api/v1/routing/plans/${v.id}/accept`, { version: v.version }),
  });

export const useReoptimise = () =>
  useMutation({
    mutationFn: (v: { id: string; dropTechnicianIds: string[] }) =>
      api.post<RoutePlanView>(`/api/v1/routing/plans/${v.id}/reoptimise`, {
        dropTechnicianIds: v.dropTechnicianIds,
      }),
  });

/** The map provider and what its JS API needs (the server keeps the rest of the setting). */
export const useMapConfig = () =>
  useQuery({
    queryKey: ['routing', 'map'],
    queryFn: () => api.get<RouteMapConfig>('/api/v1/routing/map'),
    staleTime: 5 * 60_000,
  });
