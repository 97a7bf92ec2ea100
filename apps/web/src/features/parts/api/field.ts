import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrderParts, PartItem, PartPayer, PartRequest, PartUsage, StockLevel } from '@anxin/contracts';
import { api } from '../../../api/client.ts';

/**
 * The parts calls of the technician's phone and of the order page: the pick list for an order,
 * the order's usages and requests, reserving from the van, requesting from HQ, consuming at
 * completion, and the van's stock. One file so a changed path is one place to fix.
 */
export const PARTS_FIELD_KEY = ['parts', 'field'] as const;
const orderKey = (orderId: string) => [...PARTS_FIELD_KEY, 'order', orderId] as const;
// The fieldwork feature's query key: a request or a consumption changes the job (待件, completion).
const FIELDWORK_KEY = ['fieldwork'] as const;

// Shapes of PartPickListSchema, StockLevelListSchema, PartRequestListSchema and the bodies of
// ReservePartsSchema, CreatePartRequestSchema and ConsumePartsSchema (contracts' zod schemas).
export interface PartPickOption {
  item: PartItem;
  vanAvailable: number;
  vanLocationId: string | null;
  hqAvailable: number;
}
export type PartPickList = { items: PartPickOption[] };
export type StockLevelList = { items: StockLevel[]; nextCursor: string | null };
export type PartRequestList = { items: PartRequest[]; nextCursor: string | null };
export type PartLine = { itemId: string; qty: number; paidBy: PartPayer };
export type ReserveBody = { locationId: string; lines: PartLine[] };
export type RequestBody = { orderId: string; lines: PartLine[]; deliverTo: 'van' | 'outlet'; note?: string };
export type ConsumeBody = { lines: { usageId: string; newSerial?: string; oldSerial?: string }[] };
export type { OrderParts, PartPayer, PartRequest, PartUsage };

export const usePickList = (orderId: string, q: string) =>
  useQuery({
    queryKey: [...PARTS_FIELD_KEY, 'pick', orderId, q],
    queryFn: () => api.get<PartPickList>('/api/v1/parts/pick', { orderId, q: q || undefined }),
    placeholderData: (prev) => prev,
  });

export const useOrderParts = (orderId: string, enabled = true) =>
  useQuery({
    queryKey: orderKey(orderId),
    queryFn: () => api.get<OrderParts>(`/api/v1/parts/orders/${orderId}`),
    enabled,
  });

/** Refreshes what a parts write changes: the order's parts, the pick list (stock), the job. */
function useRefresh(orderId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: PARTS_FIELD_KEY });
    void qc.invalidateQueries({ queryKey: [...FIELDWORK_KEY, 'job', orderId] });
    void qc.invalidateQueries({ queryKey: [...FIELDWORK_KEY, 'jobs'] });
  };
}

export function useReserveParts(orderId: string) {
  const refresh = useRefresh(orderId);
  return useMutation({
    mutationFn: (body: ReserveBody) => api.post<OrderParts>(`/api/v1/parts/orders/${orderId}/reserve`, body),
    onSuccess: refresh,
  });
}

export function useRequestParts(orderId: string) {
  const refresh = useRefresh(orderId);
  return useMutation({
    mutationFn: (body: RequestBody) => api.post<PartRequest>('/api/v1/parts/requests', body),
    onSuccess: refresh,
  });
}

export function useReceiveRequest(orderId: string) {
  const refresh = useRefresh(orderId);
  return useMutation({
    mutationFn: (r: Pick<PartRequest, 'id' | 'version'>) =>
      api.post<PartRequest>(`/api/v1/parts/requests/${r.id}/receive`, { version: r.version }),
    onSuccess: refresh,
  });
}

export function useReleaseUsage(orderId: string) {
  const refresh = useRefresh(orderId);
  return useMutation({
    mutationFn: (v: { usageId: string; reason: string }) =>
      api.post<PartUsage>(`/api/v1/parts/usages/${v.usageId}/release`, { reason: v.reason }),
    onSuccess: refresh,
  });
}

export function useConsumeParts(orderId: string) {
  const refresh = useRefresh(orderId);
  return useMutation({
    mutationFn: (body: ConsumeBody) => api.post<OrderParts>(`/api/v1/parts/orders/${orderId}/consume`, body),
    onSuccess: refresh,
  });
}

/** The technician's own van (the server scopes `locationKind=van` to the caller's van). */
export const useVanStock = (q: string) =>
  useQuery({
    queryKey: [...PARTS_FIELD_KEY, 'van-stock', q],
    queryFn: () =>
      api.get<StockLevelList>('/api/v1/parts/stock', { locationKind: 'van', q: q || undefined, limit: 200 }),
    placeholderData: (prev) => prev,
  });

/** The caller's requests (scoped server-side to the technician's own). */
export const useMyRequests = () =>
  useQuery({
    queryKey: [...PARTS_FIELD_KEY, 'my-requests'],
    queryFn: () => api.get<PartRequestList>('/api/v1/parts/requests', { limit: 50 }),
  });
