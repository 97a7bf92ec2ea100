import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportRun, ReportSubscription, SaveReportSubscription } from '@anxin/contracts';
import { api } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

/** 订阅报表 (issue #19 item 6): one's subscriptions, their runs and files. */
const KEY = ['report-subscriptions'] as const;
const P = '/api/v1/report-subscriptions';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const useSubscriptions = (all: boolean) =>
  useQuery({
    queryKey: [...KEY, 'list', all],
    queryFn: ({ signal }) =>
      api.get<Page<ReportSubscription>>(P, { limit: 100, ...(all ? { all: 'true' } : {}) }, { signal }),
  });

export const useRuns = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'runs', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Page<ReportRun>>(`${P}/${id}/runs`, { limit: 100 }, { signal }),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export type SubscriptionInput = Omit<SaveReportSubscription, 'scope' | 'roles'> &
  Partial<Pick<SaveReportSubscription, 'scope' | 'roles'>>;

export const useSaveSubscription = () =>
  useWrite(({ id, ...body }: SubscriptionInput & { id?: string }) =>
    id ? api.put<ReportSubscription>(`${P}/${id}`, body) : api.post<ReportSubscription>(P, body),
  );
export const usePause = () =>
  useWrite(({ id, paused, version }: { id: string; paused: boolean; version: number }) =>
    api.post<ReportSubscription>(`${P}/${id}/pause`, { paused, version }),
  );
export const useSendNow = () => useWrite((id: string) => api.post<ReportRun>(`${P}/${id}/send-now`));
export const useDeleteSubscription = () => useWrite((id: string) => api.delete<null>(`${P}/${id}`));

export const downloadRun = (run: ReportRun) =>
  downloadFile(`${P}/runs/${run.id}/file`, run.fileName ?? 'report');
