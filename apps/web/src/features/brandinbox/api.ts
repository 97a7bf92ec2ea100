import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BrandAction,
  BrandConnection,
  BrandConnectionTest,
  BrandOrder,
  BrandReject,
  BrandSchedule,
  BrandStepKind,
  BrandTechnician,
  BrandWebhook,
  CreateBrandConnection,
  Offer,
  Outlet,
  UpdateBrandConnection,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** Multi-brand inbox (issue #21 item 6): every write refreshes connections and orders. */
const KEY = ['brandinbox'] as const;
const P = '/api/v1/brand-inbox';

export const useConnections = () =>
  useQuery({
    queryKey: [...KEY, 'connections'],
    queryFn: ({ signal }) => api.get<{ items: BrandConnection[] }>(`${P}/connections`, undefined, { signal }),
    select: (d) => d.items,
  });

export const useBrandOrders = () =>
  useQuery({
    queryKey: [...KEY, 'orders'],
    queryFn: ({ signal }) =>
      api.get<{ items: BrandOrder[] }>(`${P}/orders`, { sort: '-created', limit: 500 }, { signal }),
    select: (d) => d.items,
    refetchInterval: 30_000,
  });

/** The own brand's pending offers to the outlet (the outlet desk answers them). */
export const useOwnOffers = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'own-offers'],
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ items: Offer[] }>('/api/v1/dispatch/offers', { status: 'pending' }, { signal }),
    select: (d) => d.items,
    refetchInterval: 30_000,
  });

/** Outlets to attach a connection to (an outlet manager sees his own). */
export const useOutletChoices = () =>
  useQuery({
    queryKey: [...KEY, 'outlets'],
    queryFn: ({ signal }) => api.get<{ items: Outlet[] }>('/api/v1/outlets', { limit: 200 }, { signal }),
    select: (d) => d.items,
  });

export const useBrandTechnicians = (connectionId: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'technicians', connectionId],
    enabled: !!connectionId,
    queryFn: ({ signal }) =>
      api.get<{ items: BrandTechnician[] }>(`${P}/connections/${connectionId}/technicians`, undefined, {
        signal,
      }),
    select: (d) => d.items,
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateConnection = () =>
  useWrite((v: CreateBrandConnection) => api.post<BrandConnection>(`${P}/connections`, v));
export const useUpdateConnection = () =>
  useWrite((v: { id: string } & UpdateBrandConnection) => {
    const { id, ...body } = v;
    return api.patch<BrandConnection>(`${P}/connections/${id}`, body);
  });
export const useTestConnection = () =>
  useWrite((id: string) => api.post<BrandConnectionTest>(`${P}/connections/${id}/test`));
export const useSyncConnection = () => useWrite((id: string) => api.post(`${P}/connections/${id}/sync`));
export const useAccept = () => useWrite((id: string) => api.post<BrandAction>(`${P}/orders/${id}/accept`));
export const useReject = () =>
  useWrite((v: { id: string } & BrandReject) => {
    const { id, ...body } = v;
    return api.post<BrandAction>(`${P}/orders/${id}/reject`, body);
  });
export const useSchedule = () =>
  useWrite((v: { id: string } & BrandSchedule) => {
    const { id, ...body } = v;
    return api.post<BrandAction>(`${P}/orders/${id}/schedule`, body);
  });
export const useRetryAction = () =>
  useWrite((id: string) => api.post<BrandAction>(`${P}/actions/${id}/retry`));

/** The connection's webhook receiver (address, secret set or not, last received/refused). */
export const useBrandWebhook = (connectionId: string) =>
  useQuery({
    queryKey: [...KEY, 'webhook', connectionId],
    queryFn: ({ signal }) =>
      api.get<BrandWebhook>(`${P}/connections/${connectionId}/webhook`, undefined, { signal }),
  });
export const useSetWebhookSecret = () =>
  useWrite((v: { id: string; secret: string | null }) =>
    api.put<BrandWebhook>(`${P}/connections/${v.id}/webhook`, { secret: v.secret }),
  );
export const useStep = () =>
  useWrite((v: { id: string; step: BrandStepKind }) =>
    api.post<BrandAction>(`${P}/orders/${v.id}/steps/${v.step}`, {}),
  );
