import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWebhookEndpoint,
  UpdateWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from '@anxin/contracts';
import { api, type QueryValue } from '../../api/client.ts';

/** Webhook endpoints and the delivery log (issue #21); every write refreshes both. */
const KEY = ['webhooks'] as const;
const P = '/api/v1/webhooks';

export const useWebhookEndpoints = () =>
  useQuery({
    queryKey: [...KEY, 'endpoints'],
    queryFn: ({ signal }) => api.get<{ items: WebhookEndpoint[] }>(`${P}/endpoints`, undefined, { signal }),
  });

export const useWebhookEventTypes = () =>
  useQuery({
    queryKey: [...KEY, 'event-types'],
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      api.get<{ items: WebhookEventType[] }>(`${P}/event-types`, undefined, { signal }),
  });

export interface DeliveryFilters {
  endpointId?: string;
  status?: WebhookDeliveryStatus;
}

export const useWebhookDeliveries = (f: DeliveryFilters) =>
  useQuery({
    queryKey: [...KEY, 'deliveries', f],
    refetchInterval: 10_000,
    queryFn: ({ signal }) =>
      api.get<{ items: WebhookDelivery[]; nextCursor: string | null }>(
        `${P}/deliveries`,
        { ...f, limit: 200 } as Record<string, QueryValue>,
        { signal },
      ),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateEndpoint = () =>
  useWrite((body: CreateWebhookEndpoint) => api.post<WebhookEndpointWithSecret>(`${P}/endpoints`, body));
export const useUpdateEndpoint = () =>
  useWrite(({ id, ...body }: UpdateWebhookEndpoint & { id: string }) =>
    api.patch<WebhookEndpoint>(`${P}/endpoints/${id}`, body),
  );
export const useDeleteEndpoint = () => useWrite((id: string) => api.delete<null>(`${P}/endpoints/${id}`));
export const useRotateSecret = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.post<WebhookEndpointWithSecret>(`${P}/endpoints/${id}/rotate-secret`, { version }),
  );
export const useResumeEndpoint = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.post<WebhookEndpoint>(`${P}/endpoints/${id}/resume`, { version }),
  );
export const usePauseEndpoint = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.post<WebhookEndpoint>(`${P}/endpoints/${id}/pause`, { version }),
  );
export const useSendTest = () =>
  useWrite((id: string) => api.post<WebhookDelivery>(`${P}/endpoints/${id}/test`));
export const useReplayDelivery = () =>
  useWrite((id: string) => api.post<WebhookDelivery>(`${P}/deliveries/${id}/replay`));
