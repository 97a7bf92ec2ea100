import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BoardResponse,
  BulkDispatchResult,
  DispatchResult,
  Offer,
  RankingResponse,
  Urgency,
} from '@anxin/contracts';
import { api, type QueryValue } from '../../api/client.ts';

export interface BoardFilters {
  regionCode?: string;
  categoryCode?: string;
  urgency?: Urgency;
  /** Order number, customer or address (two characters at least). */
  q?: string;
}

/** The board shows this many waiting orders first and this many more per "load more". */
export const BOARD_PAGE = 200;
/** The server's largest page: past it the page asks to narrow the filters instead. */
export const BOARD_MAX = 500;

const KEY = ['dispatch'] as const;

/** The board refreshes itself every 30 s; the SLA countdowns tick locally in between. */
export const useBoard = (filters: BoardFilters, limit = BOARD_PAGE) =>
  useQuery({
    queryKey: [...KEY, 'board', filters, limit],
    queryFn: ({ signal }) =>
      api.get<BoardResponse>(
        '/api/v1/dispatch/board',
        { ...(filters as Record<string, QueryValue>), limit },
        { signal },
      ),
    // A larger page keeps the rows already shown while it loads.
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

export const useRanking = (orderId: string | null) =>
  useQuery({
    queryKey: [...KEY, 'ranking', orderId],
    queryFn: ({ signal }) =>
      api.get<RankingResponse>(`/api/v1/dispatch/orders/${orderId}/ranking`, undefined, { signal }),
    enabled: !!orderId,
  });

export const usePendingOffers = () =>
  useQuery({
    queryKey: [...KEY, 'offers', 'pending'],
    queryFn: ({ signal }) =>
      api.get<{ items: Offer[] }>('/api/v1/dispatch/offers', { status: 'pending' }, { signal }),
    refetchInterval: 30_000,
  });

function useDispatchWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const useDispatch = () =>
  useDispatchWrite((v: { orderId: string; outletId: string; version: number }) =>
    api.post<DispatchResult>(`/api/v1/dispatch/orders/${v.orderId}/dispatch`, {
      outletId: v.outletId,
      version: v.version,
    }),
  );

export const useBulkDispatch = () =>
  useDispatchWrite((items: { orderId: string; version: number }[]) =>
    api.post<BulkDispatchResult>('/api/v1/dispatch/bulk', { items }),
  );
