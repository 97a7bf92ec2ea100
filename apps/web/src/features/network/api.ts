import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoverageReport,
  Leave,
  NetworkImportResult,
  Outlet,
  OutletCalendarOverride,
  Prospect,
  Technician,
} from '@anxin/contracts';
import { api, type QueryValue } from '../../api/client.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const useOutlets = (filters: Record<string, QueryValue>) =>
  useQuery({
    queryKey: ['network', 'outlets', filters],
    queryFn: () => api.get<Page<Outlet>>('/api/v1/outlets', { limit: 200, ...filters }),
  });

/** The outlets page's list, a page at a time (keyset cursor): no outlet is cut off silently. */
export const useOutletList = (filters: Record<string, QueryValue>, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['network', 'outlets', 'pages', filters, limit],
    queryFn: ({ pageParam }) =>
      api.get<Page<Outlet>>('/api/v1/outlets', { ...filters, cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Dealers and regional agents, for the parent select. */
export const useParentOutlets = () =>
  useQuery({
    queryKey: ['network', 'parents'],
    queryFn: async () => {
      const [d, a] = await Promise.all([
        api.get<Page<Outlet>>('/api/v1/outlets', { kind: 'dealer', limit: 200 }),
        api.get<Page<Outlet>>('/api/v1/outlets', { kind: 'regional_agent', limit: 200 }),
      ]);
      return [...d.items, ...a.items];
    },
    staleTime: 60_000,
  });

export const useOutletCalendar = (id: string | undefined) =>
  useQuery({
    queryKey: ['network', 'outlet-calendar', id],
    queryFn: () => api.get<{ items: OutletCalendarOverride[] }>(`/api/v1/outlets/${id}/calendar`),
    enabled: !!id,
  });

export const useTechnicians = (filters: Record<string, QueryValue>, enabled = true) =>
  useQuery({
    queryKey: ['network', 'technicians', filters],
    queryFn: () => api.get<Page<Technician>>('/api/v1/technicians', { limit: 200, ...filters }),
    enabled,
  });

/** The technicians page's list, a page at a time (keyset cursor). */
export const useTechnicianList = (filters: Record<string, QueryValue>, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['network', 'technicians', 'pages', filters, limit],
    queryFn: ({ pageParam }) =>
      api.get<Page<Technician>>('/api/v1/technicians', { ...filters, cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useLeave = (id: string | undefined, from: string, to: string) =>
  useQuery({
    queryKey: ['network', 'leave', id, from, to],
    queryFn: () => api.get<{ items: Leave[] }>(`/api/v1/technicians/${id}/leave`, { from, to }),
    enabled: !!id,
  });

export const useRota = (id: string | undefined, from: string, to: string) =>
  useQuery({
    queryKey: ['network', 'rota', id, from, to],
    queryFn: () =>
      api.get<{ items: Array<{ date: string; kind: 'duty' | 'off' }> }>(`/api/v1/technicians/${id}/rota`, {
        from,
        to,
      }),
    enabled: !!id,
  });

export const useProspects = () =>
  useQuery({
    queryKey: ['network', 'prospects'],
    queryFn: () => api.get<{ items: Prospect[] }>('/api/v1/network/prospects'),
  });

export const useCoverage = () =>
  useQuery({
    queryKey: ['network', 'coverage'],
    queryFn: () => api.get<CoverageReport>('/api/v1/network/coverage'),
  });

/** Any network write: invalidates every network query afterwards. */
export function useNetworkMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['network'] }),
  });
}

export const networkApi = {
  createOutlet: (body: unknown) => api.post<Outlet>('/api/v1/outlets', body),
  updateOutlet: (id: string, body: unknown) => api.patch<Outlet>(`/api/v1/outlets/${id}`, body),
  setOutletStatus: (
    id: string,
    action: 'suspend' | 'reactivate',
    body: { version: number; reason: string },
  ) => api.post<Outlet>(`/api/v1/outlets/${id}/${action}`, body),
  createTechnician: (body: unknown) => api.post<Technician>('/api/v1/technicians', body),
  updateTechnician: (id: string, body: unknown) => api.patch<Technician>(`/api/v1/technicians/${id}`, body),
  addLeave: (id: string, body: unknown) => api.post<Leave>(`/api/v1/technicians/${id}/leave`, body),
  removeLeave: (id: string, leaveId: string) =>
    api.delete<null>(`/api/v1/technicians/${id}/leave/${leaveId}`),
  putRota: (id: string, date: string, kind: 'duty' | 'off') =>
    api.put<null>(`/api/v1/technicians/${id}/rota/${date}`, { kind }),
  clearRota: (id: string, date: string) => api.delete<null>(`/api/v1/technicians/${id}/rota/${date}`),
  createProspect: (body: unknown) => api.post<Prospect>('/api/v1/network/prospects', body),
  updateProspect: (id: string, body: unknown) => api.patch<Prospect>(`/api/v1/network/prospects/${id}`, body),
  moveProspect: (id: string, body: unknown) =>
    api.post<Prospect>(`/api/v1/network/prospects/${id}/stage`, body),
};

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const toHhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export const fromHhmm = (s: string) => {
  const [h, m] = s.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export type NetworkImportKind = 'outlets' | 'technicians';

/** 网点 / 工程师导入: all or nothing, every bad row reported (`outlet.import_invalid` / `technician.import_invalid`). */
export const useNetworkImport = (kind: NetworkImportKind) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<NetworkImportResult>(`/api/v1/${kind}/import`, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['network'] }),
  });
};

export const networkImportTemplate = (kind: NetworkImportKind) => `/api/v1/${kind}/import/template`;
