import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdjustLine,
  Appeal,
  AppealStatus,
  CreateAppeal,
  DecideAppeal,
  FeeSchedule,
  GenerateResult,
  RespondStatement,
  StatementDetail,
  StatementSummary,
  StatementTransition,
} from '@anxin/contracts';
import { useSaveSetting, useSetting } from '../settings/index.ts';
import { api, buildUrl, type QueryValue } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

const KEY = ['settlement'] as const;
const P = '/api/v1/settlement';

/** The statement list's filters as the address holds them (`month=all`: every month). */
export const STATEMENT_LIST_KEYS = ['month', 'status', 'outlet', 'q', 'sort'] as const;

export interface StatementFilters {
  month?: string | undefined;
  outletId?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  sort?: string | undefined;
}

/** The statements, a page at a time (keyset cursor): nothing is cut off without a "load more". */
export const useStatements = (f: StatementFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'list', f, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: StatementSummary[]; nextCursor: string | null }>(
        `${P}/statements`,
        { ...f, cursor: pageParam, limit } as Record<string, QueryValue>,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useStatement = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<StatementDetail>(`${P}/statements/${id}`, undefined, { signal }),
    enabled: !!id,
  });

export const useAppeals = (status: AppealStatus | 'all') =>
  useQuery({
    queryKey: [...KEY, 'appeals', status],
    queryFn: ({ signal }) => api.get<{ items: Appeal[] }>(`${P}/appeals`, { status }, { signal }),
  });

const FEE_KEY = 'settlement.fee_schedule';

/** The `settlement.fee_schedule` setting, read and written through the one settings API. */
export const useFeeSchedule = () => {
  const q = useSetting<FeeSchedule>(FEE_KEY);
  return { ...q, data: q.data && { schedule: q.data.value, version: q.data.version } };
};

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useGenerate = () =>
  useWrite((v: { month: string; outletId?: string }) => api.post<GenerateResult>(`${P}/statements`, v));

export const useRespond = () =>
  useWrite((v: { id: string; body: RespondStatement }) =>
    api.post<StatementDetail>(`${P}/statements/${v.id}/respond`, v.body),
  );

export const useAdjust = () =>
  useWrite((v: { id: string; body: AdjustLine }) =>
    api.post<StatementDetail>(`${P}/statements/${v.id}/adjustments`, v.body),
  );

export const useStatementTransition = () =>
  useWrite((v: { id: string; body: StatementTransition }) =>
    api.post<StatementDetail>(`${P}/statements/${v.id}/transitions`, v.body),
  );

export const useFileAppeal = () => useWrite((body: CreateAppeal) => api.post<Appeal>(`${P}/appeals`, body));

export const useDecideAppeal = () =>
  useWrite((v: { id: string; body: DecideAppeal }) =>
    api.post<Appeal>(`${P}/appeals/${v.id}/decision`, v.body),
  );

export function useSaveSchedule() {
  const save = useSaveSetting();
  return {
    ...save,
    mutate: (
      v: { schedule: FeeSchedule; version: number },
      opts?: { onSuccess?: () => void; onError?: (e: unknown) => void },
    ) => save.mutate({ key: FEE_KEY, value: v.schedule, version: v.version }, opts),
  };
}

/** Downloads a statement's Excel file; a refusal comes back as an ApiError. */
export async function downloadStatement(id: string, number: string): Promise<void> {
  await downloadFile(buildUrl(`${P}/statements/${id}/export.xlsx`), `${number}.xlsx`);
}

export { yuan } from '../../components/money.ts';

/** Yuan typed in a form → integer fen (rounded to the fen). */
export const toFen = (yuanValue: number): number => Math.round(yuanValue * 100);
