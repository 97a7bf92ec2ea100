import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OldPartReturn,
  OldPartStatus,
  PartItem,
  PartRequest,
  PartRequestSort,
  PartRequestStatus,
  StockLevel,
  StockLocation,
  StockLocationKind,
  StockMovement,
  StockMovementKind,
  StockSort,
} from '@anxin/contracts';
import { api, buildUrl, type QueryValue } from '../../../api/client.ts';
import { downloadFile } from '../../../api/download.ts';

/**
 * The warehouse workbench's calls to the parts API (issue #15), in one place so a changed path or
 * shape is one edit. Every write invalidates the whole `parts` cache: lists and tab counts refresh.
 */

const KEY = ['parts'] as const;
const P = '/api/v1/parts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Lists in the workbench are short working queues; one large page instead of paging. */
const LIMIT = 200;

export interface RequestFilters {
  status?: PartRequestStatus;
  outletId?: string;
}

export const usePartRequests = (f: RequestFilters, enabled = true) =>
  useQuery({
    enabled,
    queryKey: [...KEY, 'requests', f],
    queryFn: ({ signal }) =>
      api.get<Page<PartRequest>>(`${P}/requests`, { ...f, limit: LIMIT } as Record<string, QueryValue>, {
        signal,
      }),
  });

export interface OldPartFilters {
  status?: OldPartStatus;
  outletId?: string;
}

export const useOldParts = (f: OldPartFilters, enabled = true) =>
  useQuery({
    enabled,
    queryKey: [...KEY, 'old-parts', f],
    queryFn: ({ signal }) =>
      api.get<Page<OldPartReturn>>(`${P}/old-parts`, { ...f, limit: LIMIT } as Record<string, QueryValue>, {
        signal,
      }),
  });

export interface StockFilters {
  locationId?: string;
  locationKind?: StockLocationKind;
  q?: string;
  low?: 'true';
}

export const useStockLevels = (f: StockFilters) =>
  useQuery({
    queryKey: [...KEY, 'stock', f],
    queryFn: ({ signal }) =>
      api.get<Page<StockLevel>>(`${P}/stock`, { ...f, limit: LIMIT } as Record<string, QueryValue>, {
        signal,
      }),
  });

export interface LedgerFilters {
  locationId?: string;
  itemId?: string;
  kind?: StockMovementKind;
  /** ISO instants. */
  from?: string;
  to?: string;
}

export const useLedger = (f: LedgerFilters) =>
  useQuery({
    queryKey: [...KEY, 'ledger', f],
    queryFn: ({ signal }) =>
      api.get<Page<StockMovement>>(`${P}/ledger`, { ...f, limit: LIMIT } as Record<string, QueryValue>, {
        signal,
      }),
  });

/** A page of this size at a time in the workbench lists; the next one on "load more". */
const PAGE = 50;

/** A workbench list read a page at a time by keyset cursor: nothing is cut off silently. */
function usePages<T>(name: string, path: string, f: object, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...KEY, name, 'pages', f],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(
        `${P}/${path}`,
        { ...f, cursor: pageParam, limit: PAGE } as Record<string, QueryValue>,
        {
          signal,
        },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface RequestPageFilters extends RequestFilters {
  sort?: PartRequestSort;
}
export const useRequestPages = (f: RequestPageFilters) => usePages<PartRequest>('requests', 'requests', f);

export interface StockPageFilters extends StockFilters {
  sort?: StockSort;
}
export const useStockPages = (f: StockPageFilters) => usePages<StockLevel>('stock', 'stock', f);

export const useLedgerPages = (f: LedgerFilters) => usePages<StockMovement>('ledger', 'ledger', f);

export const useLocations = () =>
  useQuery({
    queryKey: [...KEY, 'locations'],
    queryFn: ({ signal }) => api.get<{ items: StockLocation[] }>(`${P}/locations`, undefined, { signal }),
    staleTime: 60_000,
  });

/** Catalogue items matching a search, for the item pickers of the stock forms and the ledger filter. */
export const useItemSearch = (q: string) =>
  useQuery({
    queryKey: [...KEY, 'items', 'search', q],
    queryFn: ({ signal }) =>
      api.get<Page<PartItem>>(`${P}/items`, { q: q || undefined, active: 'true', limit: 50 }, { signal }),
    staleTime: 30_000,
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useApproveRequest = () =>
  useWrite((v: { id: string; version: number; signature: string; note?: string }) =>
    api.post<PartRequest>(`${P}/requests/${v.id}/approve`, {
      version: v.version,
      signature: v.signature,
      ...(v.note ? { note: v.note } : {}),
    }),
  );

export const useRejectRequest = () =>
  useWrite((v: { id: string; version: number; reason: string }) =>
    api.post<PartRequest>(`${P}/requests/${v.id}/reject`, { version: v.version, reason: v.reason }),
  );

export const useShipRequest = () =>
  useWrite((v: { id: string; version: number; carrier: string; trackingNo: string }) =>
    api.post<PartRequest>(`${P}/requests/${v.id}/ship`, {
      version: v.version,
      carrier: v.carrier,
      trackingNo: v.trackingNo,
    }),
  );

export const useReceiveOldPart = () =>
  useWrite((v: { id: string; version: number }) =>
    api.post<OldPartReturn>(`${P}/old-parts/${v.id}/receive`, { version: v.version }),
  );

export type InspectInput =
  | { id: string; result: 'passed'; version: number; note?: string }
  | { id: string; result: 'rejected'; version: number; reason: string };

export const useInspectOldPart = () =>
  useWrite(({ id, ...body }: InspectInput) => api.post<OldPartReturn>(`${P}/old-parts/${id}/inspect`, body));

export interface StockLine {
  itemId: string;
  qty: number;
}

export const useReceiveStock = () =>
  useWrite((v: { locationId: string; lines: StockLine[]; note?: string }) =>
    api.post<unknown>(`${P}/stock/receive`, v),
  );

export const useTransferStock = () =>
  useWrite((v: { fromLocationId: string; toLocationId: string; lines: StockLine[]; note?: string }) =>
    api.post<unknown>(`${P}/stock/transfer`, v),
  );

export const useAdjustStock = () =>
  useWrite((v: { locationId: string; itemId: string; delta: number; reason: string }) =>
    api.post<unknown>(`${P}/stock/adjust`, v),
  );

export const useSetReorderPoint = () =>
  useWrite((v: { locationId: string; itemId: string; reorderPoint: number; reorderQty: number }) =>
    api.put<unknown>(`${P}/stock/reorder-point`, v),
  );

/** The ledger's Excel export with the list's filters; a refusal comes back as an ApiError. */
export async function downloadLedger(f: LedgerFilters, fileName: string): Promise<void> {
  await downloadFile(buildUrl(`${P}/ledger/export.xlsx`, f as Record<string, QueryValue>), fileName);
}
