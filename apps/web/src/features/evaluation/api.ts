import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdjustmentInput,
  CreateEvaluation,
  EvaluationDetail,
  EvaluationSummary,
  EvidenceInput,
  ClockKpiKey,
  KpiOrders,
  KpiPanel,
  KpiTargets,
  PutItem,
  PutOutstanding,
  Scheme,
  SchemeDefinition,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

const KEY = ['evaluation'] as const;
const E = '/api/v1/evaluation';

export type KpiTargetsView = KpiTargets & { version: number };

export const useScheme = () =>
  useQuery({ queryKey: [...KEY, 'scheme'], queryFn: () => api.get<Scheme>(`${E}/scheme`) });

export const useEvaluations = (subject?: string) =>
  useQuery({
    queryKey: [...KEY, 'list', subject ?? ''],
    queryFn: () =>
      api.get<{ items: EvaluationSummary[] }>(`${E}/evaluations`, { subject: subject || undefined }),
  });

export const useEvaluation = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => api.get<EvaluationDetail>(`${E}/evaluations/${id}`),
    enabled: !!id,
  });

export const useKpis = (from: string, to: string) =>
  useQuery({
    queryKey: [...KEY, 'kpis', from, to],
    queryFn: () => api.get<KpiPanel>(`${E}/kpis`, { from, to }),
    refetchInterval: 60_000,
  });

/** The orders behind a clock KPI over the panel's period (fetched when a card is opened). */
export const useKpiOrders = (key: ClockKpiKey | null, from: string, to: string) =>
  useQuery({
    queryKey: [...KEY, 'kpi-orders', key, from, to],
    queryFn: () => api.get<KpiOrders>(`${E}/kpis/${key}/orders`, { from, to }),
    enabled: key !== null,
  });

function useWrite<V, R>(
  fn: (v: V) => Promise<R>,
  onData?: (r: R, qc: ReturnType<typeof useQueryClient>) => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => onData?.(r, qc),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Every evaluation change answers with the whole detail; put it in the cache at once. */
const setDetail = (r: EvaluationDetail, qc: ReturnType<typeof useQueryClient>) =>
  qc.setQueryData([...KEY, 'detail', r.evaluation.id], r);

export const useSaveScheme = () =>
  useWrite((v: { baseVersion: number; definition: SchemeDefinition }) => api.put<Scheme>(`${E}/scheme`, v));

export const useCreateEvaluation = () =>
  useWrite((v: CreateEvaluation) => api.post<EvaluationDetail>(`${E}/evaluations`, v), setDetail);

export const useEvaluationActions = (id: string) => ({
  putItem: useWrite(
    (v: { code: string; body: PutItem }) =>
      api.put<EvaluationDetail>(`${E}/evaluations/${id}/items/${encodeURIComponent(v.code)}`, v.body),
    setDetail,
  ),
  addEvidence: useWrite(
    (v: EvidenceInput) => api.post<EvaluationDetail>(`${E}/evaluations/${id}/evidence`, v),
    setDetail,
  ),
  removeEvidence: useWrite(
    (evidenceId: string) => api.delete<EvaluationDetail>(`${E}/evaluations/${id}/evidence/${evidenceId}`),
    setDetail,
  ),
  addAdjustment: useWrite(
    (v: AdjustmentInput) => api.post<EvaluationDetail>(`${E}/evaluations/${id}/adjustments`, v),
    setDetail,
  ),
  removeAdjustment: useWrite(
    (adjustmentId: string) =>
      api.delete<EvaluationDetail>(`${E}/evaluations/${id}/adjustments/${adjustmentId}`),
    setDetail,
  ),
  setOutstanding: useWrite(
    (v: PutOutstanding) => api.put<EvaluationDetail>(`${E}/evaluations/${id}/outstanding`, v),
    setDetail,
  ),
  finalize: useWrite(() => api.post<EvaluationDetail>(`${E}/evaluations/${id}/finalize`), setDetail),
});
