import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Complaint,
  ComplaintDetail,
  ComplaintPolicy,
  ComplaintStats,
  ComplaintTransition,
  CreateComplaint,
  Investigation,
  NewCapa,
  OrderLookup,
  Outlet,
  ResponsibleCandidates,
} from '@anxin/contracts';
import { useSetting } from '../settings/index.ts';
import { api, type QueryValue } from '../../api/client.ts';

const KEY = ['complaints'] as const;

/** The desk list's filters as the address holds them; no `status` means open complaints. */
export const COMPLAINT_LIST_KEYS = [
  'status',
  'severity',
  'source',
  'outletId',
  'overdue',
  'department',
  'routed',
  'q',
  'sort',
] as const;
export type ListFilters = Partial<Record<(typeof COMPLAINT_LIST_KEYS)[number], string>>;

/** The desk list, a page at a time (keyset cursor): nothing is cut off without a "load more". */
export const useComplaints = (filters: ListFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'list', filters, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: Complaint[]; now: string; nextCursor: string | null }>(
        '/api/v1/complaints',
        { ...filters, cursor: pageParam, limit } as Record<string, QueryValue>,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });

export const useComplaint = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<ComplaintDetail>(`/api/v1/complaints/${id}`, undefined, { signal }),
    enabled: !!id,
  });

/** The `complaints.policy` setting (edited in the settings area). */
export const useComplaintPolicy = () => {
  const q = useSetting<ComplaintPolicy>('complaints.policy', { staleTime: 300_000 });
  return { ...q, data: q.data && { policy: q.data.value, version: q.data.version } };
};

export const useComplaintStats = (from: string, to: string) =>
  useQuery({
    queryKey: [...KEY, 'stats', from, to],
    queryFn: ({ signal }) => api.get<ComplaintStats>('/api/v1/complaints/stats', { from, to }, { signal }),
  });

/** Outlets for the filter and the responsible-outlet select (needs outlet:read). */
export const useOutletOptions = (enabled: boolean) =>
  useQuery({
    queryKey: ['outlets', 'options'],
    queryFn: () => api.get<{ items: Outlet[] }>('/api/v1/outlets', { limit: 200 }),
    enabled,
    staleTime: 300_000,
  });

/** 责任人 candidates: the technicians of an outlet (default the complaint's own). */
export const useResponsibleCandidates = (
  complaintId: string,
  outletId: string | null | undefined,
  enabled: boolean,
) =>
  useQuery({
    queryKey: [...KEY, complaintId, 'candidates', outletId ?? null],
    queryFn: ({ signal }) =>
      api.get<ResponsibleCandidates>(
        `/api/v1/complaints/${complaintId}/responsible-candidates`,
        outletId ? { outletId } : undefined,
        { signal },
      ),
    enabled,
    staleTime: 60_000,
  });

export const lookupOrder = (number: string) =>
  api.get<OrderLookup>('/api/v1/complaints/order-lookup', { number });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateComplaint = () =>
  useWrite((body: Partial<CreateComplaint>) => api.post<ComplaintDetail>('/api/v1/complaints', body));

export const useTransitionComplaint = () =>
  useWrite((v: { id: string; body: ComplaintTransition }) =>
    api.post<ComplaintDetail>(`/api/v1/complaints/${v.id}/transitions`, v.body),
  );

export const useSaveInvestigation = () =>
  useWrite((v: { id: string; body: Investigation }) =>
    api.put<ComplaintDetail>(`/api/v1/complaints/${v.id}/investigation`, v.body),
  );

export const useAddCapa = () =>
  useWrite((v: { id: string; body: Partial<NewCapa> }) =>
    api.post<ComplaintDetail>(`/api/v1/complaints/${v.id}/capa`, v.body),
  );

export const useCapaStatus = () =>
  useWrite((v: { id: string; capaId: string; status: 'done' | 'verified'; version: number }) =>
    api.post<ComplaintDetail>(`/api/v1/complaints/${v.id}/capa/${v.capaId}/status`, {
      status: v.status,
      version: v.version,
    }),
  );
