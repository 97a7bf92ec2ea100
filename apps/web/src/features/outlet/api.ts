import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EscalationList,
  Offer,
  OfferRejectReason,
  OutletFigures,
  SuggestionList,
  TechnicianSlots,
  WorkOrderDetail,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

const KEY = ['outlet-desk'] as const;
/** The work-order feature's cache: writes here refresh its lists and details too. */
const ORDERS = ['work-orders'] as const;

export interface Window {
  start: string;
  end: string;
}

/** The outlet's pending offers (dispatch module), refreshed every 30 s; countdowns tick locally. */
export const usePendingOffers = () =>
  useQuery({
    queryKey: [...KEY, 'offers'],
    queryFn: ({ signal }) =>
      api.get<{ items: Offer[] }>('/api/v1/dispatch/offers', { status: 'pending' }, { signal }),
    refetchInterval: 30_000,
  });

export const useFigures = () =>
  useQuery({
    queryKey: [...KEY, 'figures'],
    queryFn: ({ signal }) => api.get<OutletFigures>('/api/v1/outlets/me/figures', undefined, { signal }),
    refetchInterval: 60_000,
  });

export const useSuggestions = (orderId: string | null, window: Window | null) =>
  useQuery({
    queryKey: [...KEY, 'suggestions', orderId, window],
    queryFn: ({ signal }) =>
      api.get<SuggestionList>(
        `/api/v1/work-orders/${orderId}/technician-suggestions`,
        window ? { start: window.start, end: window.end } : undefined,
        { signal },
      ),
    enabled: !!orderId,
  });

/** The free-slot calendar of the assign dialog (the next days, every technician of the outlet). */
export const useTechnicianSlots = (orderId: string | null) =>
  useQuery({
    queryKey: [...KEY, 'slots', orderId],
    queryFn: ({ signal }) =>
      api.get<TechnicianSlots>(`/api/v1/work-orders/${orderId}/technician-slots`, { days: 5 }, { signal }),
    enabled: !!orderId,
  });

export const useEscalations = (orderId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'escalations', orderId],
    queryFn: () => api.get<EscalationList>(`/api/v1/work-orders/${orderId}/escalations`),
    enabled: !!orderId && enabled,
  });

function useDeskWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: KEY }),
        qc.invalidateQueries({ queryKey: ORDERS }),
        qc.invalidateQueries({ queryKey: ['dispatch'] }),
      ]);
    },
  });
}

export const useAcceptOffer = () =>
  useDeskWrite((v: { offerId: string }) =>
    api.post<unknown>(`/api/v1/dispatch/offers/${v.offerId}/accept`, {}),
  );

export const useRejectOffer = () =>
  useDeskWrite((v: { offerId: string; reasonCode: OfferRejectReason; note?: string | undefined }) =>
    api.post<unknown>(`/api/v1/dispatch/offers/${v.offerId}/reject`, {
      reasonCode: v.reasonCode,
      note: v.note,
    }),
  );

export const useTransitionTo = () =>
  useDeskWrite(
    (v: {
      id: string;
      to: 'assigned' | 'scheduled';
      version: number;
      technicianId?: string;
      appointment?: Window;
    }) =>
      api.post<WorkOrderDetail>(`/api/v1/work-orders/${v.id}/transitions`, {
        to: v.to,
        version: v.version,
        data: {
          ...(v.technicianId ? { technicianId: v.technicianId } : {}),
          ...(v.appointment ? { appointment: v.appointment } : {}),
        },
      }),
  );

export const useReschedule = () =>
  useDeskWrite((v: { id: string; version: number; reason: string } & Window) =>
    api.post<WorkOrderDetail>(`/api/v1/work-orders/${v.id}/appointment`, {
      start: v.start,
      end: v.end,
      version: v.version,
      reason: v.reason,
    }),
  );

export const useEscalate = () =>
  useDeskWrite((v: { id: string; version: number; reason: string }) =>
    api.post<WorkOrderDetail>(`/api/v1/work-orders/${v.id}/escalate`, {
      reason: v.reason,
      version: v.version,
    }),
  );
