import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallbackOutcomeRequest,
  CallbackPolicy,
  CallbackQueueQuery,
  CallbackScript,
  CallbackTask,
  ClassificationList,
  OrderClass,
  PortalLink,
} from '@anxin/contracts';
import { useSetting } from '../settings/index.ts';
import { api, type QueryValue } from '../../api/client.ts';

const KEY = ['callbacks'] as const;

export type QueueFilters = Partial<Pick<CallbackQueueQuery, 'status' | 'due' | 'class' | 'q' | 'sort'>>;
export type QueuePage = { items: CallbackTask[]; nextCursor: string | null; now: string };

/** The queue a page at a time (keyset cursor): nothing is cut off silently, more loads on request. */
export const useQueue = (filters: QueueFilters, limit = 100) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'queue', filters, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<QueuePage>(
        '/api/v1/callbacks',
        { ...(filters as Record<string, QueryValue>), cursor: pageParam, limit },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });

export const useScript = (taskId: string | null) =>
  useQuery({
    queryKey: [...KEY, 'script', taskId],
    queryFn: ({ signal }) => api.get<CallbackScript>(`/api/v1/callbacks/${taskId}`, undefined, { signal }),
    enabled: !!taskId,
  });

export const useClassifications = (q: { class?: OrderClass; from?: string; to?: string }) =>
  useQuery({
    queryKey: [...KEY, 'classes', q],
    queryFn: ({ signal }) =>
      api.get<ClassificationList>('/api/v1/callbacks/classifications', q as Record<string, QueryValue>, {
        signal,
      }),
  });

/** The `callbacks.policy` setting (edited in the settings area). */
export const usePolicy = () => {
  const q = useSetting<CallbackPolicy>('callbacks.policy');
  return { ...q, data: q.data && { policy: q.data.value, version: q.data.version } };
};

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useRecordOutcome = () =>
  useWrite((v: { taskId: string; body: CallbackOutcomeRequest }) =>
    api.post<CallbackScript>(`/api/v1/callbacks/${v.taskId}/outcomes`, v.body),
  );

export const usePortalLink = () =>
  useWrite((taskId: string) => api.post<PortalLink>(`/api/v1/callbacks/${taskId}/portal-link`));
