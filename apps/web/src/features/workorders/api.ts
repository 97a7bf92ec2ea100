import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWorkOrder,
  TransitionRequest,
  WorkOrderDetail,
  WorkOrderListQuery,
  WorkOrderSummary,
} from '@anxin/contracts';
import {
  api,
  buildUrl,
  getCsrfToken,
  toApiError,
  ApiError,
  CLIENT_ERROR_CODES,
  type QueryValue,
} from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';

export type ListFilters = Partial<Omit<WorkOrderListQuery, 'cursor' | 'limit'>>;
export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}
export interface CreateResult {
  order: WorkOrderDetail;
  warnings: { code: 'open_order_for_product'; orderId: string; number: string }[];
}

const KEY = ['work-orders'] as const;
const asQuery = (f: ListFilters) => f as Record<string, QueryValue>;

export const useWorkOrders = (filters: ListFilters, limit = 30, enabled = true) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'list', filters, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: WorkOrderSummary[]; nextCursor: string | null }>(
        '/api/v1/work-orders',
        { ...asQuery(filters), cursor: pageParam, limit },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export const useWorkOrder = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => api.get<WorkOrderDetail>(`/api/v1/work-orders/${id}`),
    enabled: !!id,
  });

export const useOpenForProduct = (productId: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'open-for-product', productId],
    queryFn: () =>
      api.get<{ items: { id: string; number: string; type: string; status: string; createdAt: string }[] }>(
        `/api/v1/work-orders/open-for-product/${productId}`,
      ),
    enabled: !!productId,
  });

export function useCreateWorkOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateWorkOrder> & Pick<CreateWorkOrder, 'type' | 'channel' | 'customerId'>) =>
      api.post<CreateResult>('/api/v1/work-orders', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Writes that return the new detail put it straight into the cache. */
function useDetailWrite<V>(fn: (v: V) => Promise<WorkOrderDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData([...KEY, 'detail', d.id], d);
      void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export const useTransition = () =>
  useDetailWrite(
    (v: { id: string } & Omit<TransitionRequest, 'data'> & { data?: TransitionRequest['data'] }) =>
      api.post<WorkOrderDetail>(`/api/v1/work-orders/${v.id}/transitions`, {
        to: v.to,
        version: v.version,
        reason: v.reason,
        data: v.data ?? {},
      }),
  );

export const useAppointment = () =>
  useDetailWrite((v: { id: string; start: string; end: string; version: number; reason?: string }) =>
    api.post<WorkOrderDetail>(`/api/v1/work-orders/${v.id}/appointment`, {
      start: v.start,
      end: v.end,
      version: v.version,
      reason: v.reason,
    }),
  );

export const ALLOWED_UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'video/mp4',
  'video/quicktime',
  'application/pdf',
];
export const UPLOAD_ACCEPT = '.jpg,.jpeg,.png,.webp,.heic,.mp4,.mov,.pdf';

/** Multipart upload (field `file`); the JSON client does not do multipart. */
export async function uploadAttachment(orderId: string, file: File): Promise<AttachmentView> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api/v1/work-orders/${orderId}/attachments`, {
      method: 'POST',
      body,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as AttachmentView;
}

export function useUploadAttachment(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(orderId, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'detail', orderId] }),
  });
}

export const attachmentUrl = (orderId: string, attachmentId: string) =>
  `/api/v1/work-orders/${orderId}/attachments/${attachmentId}`;

/** Downloads the Excel export of the current filters; a refusal comes back as an ApiError. */
export async function downloadExport(filters: ListFilters): Promise<void> {
  await downloadFile(
    buildUrl('/api/v1/work-orders/export.xlsx', asQuery(filters)),
    `work-orders-${new Date().toISOString().slice(0, 10)}.xlsx`,
  );
}

/** Display names of staff for the timeline; only for users allowed to list users. */
export const useStaffNames = (enabled: boolean) =>
  useQuery({
    queryKey: ['users', 'names'],
    queryFn: async () => {
      const page = await api.get<{ items: { id: string; displayName: string }[] }>('/api/v1/users', {
        limit: 200,
      });
      return new Map(page.items.map((u) => [u.id, u.displayName]));
    },
    enabled,
    staleTime: 5 * 60_000,
  });
