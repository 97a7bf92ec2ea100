import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateRecallOrders,
  ProductModel,
  Recall,
  RecallActionResult,
  RecallContactStatus,
  RecallCriteria,
  RecallInput,
  RecallPreview,
  RecallProduct,
  RecordRecallCall,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** Product recalls (产品召回, issue #18 item 4); every write refreshes the recalls and their products. */
const KEY = ['recalls'] as const;
const P = '/api/v1/recalls';

export const useRecalls = () =>
  useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ signal }) => api.get<{ items: Recall[] }>(P, undefined, { signal }),
  });

export const useRecall = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Recall>(`${P}/${id}`, undefined, { signal }),
  });

export const useRecallProducts = (id: string | undefined, contactStatus?: RecallContactStatus) =>
  useQuery({
    queryKey: [...KEY, 'products', id, contactStatus],
    enabled: !!id,
    queryFn: ({ signal }) =>
      api.get<{ items: RecallProduct[] }>(
        `${P}/${id}/products`,
        contactStatus ? { contactStatus } : undefined,
        {
          signal,
        },
      ),
  });

/** Every model, for the picker (the catalogue is small). */
export const useModels = () =>
  useQuery({
    queryKey: ['catalog', 'models', 'all'],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api.get<{ items: ProductModel[]; nextCursor: string | null }>(
        '/api/v1/catalog/models',
        { limit: 200 },
        { signal },
      ),
    select: (d) => d.items,
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const usePreview = () =>
  useMutation({ mutationFn: (c: RecallCriteria) => api.post<RecallPreview>(`${P}/preview`, c) });
export const useCreateRecall = () => useWrite((body: RecallInput) => api.post<Recall>(P, body));
export const useUpdateRecall = () =>
  useWrite(({ id, ...body }: RecallInput & { id: string; version: number }) =>
    api.put<Recall>(`${P}/${id}`, body),
  );
export const useRecallStep = () =>
  useWrite(({ id, step, version }: { id: string; step: 'launch' | 'close'; version: number }) =>
    api.post<Recall>(`${P}/${id}/${step}`, { version }),
  );
export const useRecallAction = () =>
  useWrite(({ id, action }: { id: string; action: 'refresh' | 'notify' }) =>
    api.post<RecallActionResult>(`${P}/${id}/${action}`),
  );
export const useCreateOrders = () =>
  useWrite(({ id, ...body }: CreateRecallOrders & { id: string }) =>
    api.post<RecallActionResult>(`${P}/${id}/orders`, body),
  );
export const useRecordCall = () =>
  useWrite(({ recallId, id, ...body }: RecordRecallCall & { recallId: string; id: string }) =>
    api.post<RecallProduct>(`${P}/${recallId}/products/${id}/calls`, body),
  );
