import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GradingFinaliseResult,
  GradingMetric,
  GradingPolicy,
  GradingPolicyView,
  GradingRunResult,
  MetricOrders,
  ScorecardHistory,
  ScorecardList,
} from '@anxin/contracts';
import { useSetting } from '../settings/index.ts';
import { api } from '../../api/client.ts';

const KEY = ['grading'] as const;

export const useScorecards = (month: string) =>
  useQuery({
    queryKey: [...KEY, 'month', month],
    queryFn: ({ signal }) => api.get<ScorecardList>('/api/v1/grading/scorecards', { month }, { signal }),
  });

/** Several months at once (the trend column): one query per month, cached like the month view. */
export const useMonths = (months: string[]) =>
  useQueries({
    queries: months.map((month) => ({
      queryKey: [...KEY, 'month', month],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<ScorecardList>('/api/v1/grading/scorecards', { month }, { signal }),
    })),
  });

export const useHistory = (outletId: string | null | undefined) =>
  useQuery({
    queryKey: [...KEY, 'history', outletId],
    queryFn: ({ signal }) =>
      api.get<ScorecardHistory>(`/api/v1/grading/scorecards/${outletId}`, undefined, { signal }),
    enabled: !!outletId,
  });

export const useMetricOrders = (q: { outletId: string; month: string; metric: GradingMetric } | null) =>
  useQuery({
    queryKey: [...KEY, 'orders', q],
    queryFn: ({ signal }) =>
      api.get<MetricOrders>(
        `/api/v1/grading/scorecards/${q!.outletId}/${q!.month}/metrics/${q!.metric}/orders`,
        undefined,
        { signal },
      ),
    enabled: !!q,
  });

/** The `grading.policy` setting (edited in the settings area). */
export const usePolicy = () => {
  const q = useSetting<GradingPolicy>('grading.policy');
  return {
    ...q,
    data: q.data && ({ policy: q.data.value, version: q.data.version } satisfies GradingPolicyView),
  };
};

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useRun = () =>
  useWrite((month: string) => api.post<GradingRunResult>('/api/v1/grading/runs', { month }));

export const useFinalise = () =>
  useWrite((month: string) => api.post<GradingFinaliseResult>(`/api/v1/grading/runs/${month}/finalise`, {}));
