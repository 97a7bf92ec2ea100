import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWarrantyPolicy,
  NewWarrantyPolicyVersion,
  OrderWarranty,
  UpdateWarrantyPolicy,
  WarrantyEvaluation,
  WarrantyPolicy,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** The warranty API (policies and evaluations); every path lives here. */
const P = '/api/v1/warranty';
const KEY = ['warranty'] as const;

export const useOrderWarranty = (orderId: string) =>
  useQuery({
    queryKey: [...KEY, 'order', orderId],
    queryFn: ({ signal }) =>
      api.get<OrderWarranty>(`/api/v1/work-orders/${orderId}/warranty`, {}, { signal }),
  });

export const useProductWarranty = (productId: string, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'product', productId],
    enabled,
    queryFn: ({ signal }) =>
      api.get<WarrantyEvaluation>(`${P}/products/${productId}/evaluation`, {}, { signal }),
  });

export const usePolicies = () =>
  useQuery({
    queryKey: [...KEY, 'policies'],
    queryFn: ({ signal }) => api.get<{ items: WarrantyPolicy[] }>(`${P}/policies`, {}, { signal }),
    select: (d) => d.items,
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreatePolicy = () =>
  useWrite((body: CreateWarrantyPolicy) => api.post<WarrantyPolicy>(`${P}/policies`, body));
export const useNewVersion = () =>
  useWrite(({ id, body }: { id: string; body: NewWarrantyPolicyVersion }) =>
    api.post<WarrantyPolicy>(`${P}/policies/${id}/versions`, body),
  );
export const useUpdatePolicy = () =>
  useWrite(({ id, body }: { id: string; body: UpdateWarrantyPolicy }) =>
    api.put<WarrantyPolicy>(`${P}/policies/${id}`, body),
  );
export const usePublishPolicy = () =>
  useWrite((id: string) => api.post<WarrantyPolicy>(`${P}/policies/${id}/publish`));
