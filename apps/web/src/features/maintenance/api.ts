import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateMaintenancePlan,
  MaintenanceDueItem,
  MaintenancePlan,
  MaintenanceRun,
  MaintenanceRunResult,
  ProductModel,
  UpdateMaintenancePlan,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** Maintenance plans (保养计划, issue #18); every write refreshes plans, previews and runs. */
const KEY = ['maintenance'] as const;
const P = '/api/v1/maintenance';

export const useMaintenancePlans = () =>
  useQuery({
    queryKey: [...KEY, 'plans'],
    queryFn: ({ signal }) =>
      api.get<{ items: MaintenancePlan[]; defaultLeadDays: number }>(`${P}/plans`, undefined, { signal }),
  });

export const useMaintenanceDue = (planId: string | undefined, days: number) =>
  useQuery({
    queryKey: [...KEY, 'due', planId, days],
    enabled: !!planId,
    queryFn: ({ signal }) =>
      api.get<{ asOf: string; until: string; items: MaintenanceDueItem[] }>(
        `${P}/plans/${planId}/due`,
        { days },
        { signal },
      ),
  });

/** Generated runs, newest first, a page at a time (keyset cursor) behind a "load more". */
export const useMaintenanceRuns = (planId: string | undefined, limit = 100) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'runs', planId ?? 'all', limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: MaintenanceRun[]; nextCursor: string | null }>(
        `${P}/runs`,
        { limit, ...(planId ? { planId } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Product models for the plan editor's model picker (needs product:read). */
export const useModels = () =>
  useQuery({
    queryKey: ['catalog', 'models', 'all'],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api.get<{ items: ProductModel[]; nextCursor: string | null }>(
        '/api/v1/catalog/models',
        { limit: 200 },
        { signal },
      ),
    select: (d) => d.items,
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreatePlan = () =>
  useWrite((body: CreateMaintenancePlan) => api.post<MaintenancePlan>(`${P}/plans`, body));
export const useUpdatePlan = () =>
  useWrite(({ id, ...body }: UpdateMaintenancePlan & { id: string }) =>
    api.put<MaintenancePlan>(`${P}/plans/${id}`, body),
  );
export const useDeletePlan = () => useWrite((id: string) => api.delete<null>(`${P}/plans/${id}`));
export const useRunNow = () => useWrite(() => api.post<MaintenanceRunResult>(`${P}/run`));
