import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OldPartReturn,
  PartImportResult,
  PartItem,
  PartItemInput,
  PartItemPatch,
  PartRequest,
  ProductModel,
  Stocktake,
  StockLevel,
  StockLocation,
} from '@anxin/contracts';
import {
  api,
  ApiError,
  buildUrl,
  CLIENT_ERROR_CODES,
  getCsrfToken,
  toApiError,
  type QueryValue,
} from '../../../api/client.ts';

/**
 * The parts API as the catalogue, stocktake, replenishment and outlet-store tabs use it. Every path
 * lives here so a change on the server is one edit.
 */
const P = '/api/v1/parts';
const KEY = ['parts'] as const;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
type Query = Record<string, QueryValue>;

// ------------------------------------------------------------------ catalogue

export interface CatalogFilters {
  q?: string;
  kind?: string;
  modelId?: string;
  active?: 'true' | 'false';
}

/** The catalogue, 200 items a page (keyset cursor); `fetchNextPage` loads more. */
export const useCatalog = (filters: CatalogFilters) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'items', filters],
    queryFn: ({ signal, pageParam }) =>
      api.get<Page<PartItem>>(`${P}/items`, { ...filters, limit: 200, cursor: pageParam } as Query, {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Product models for the compatibility select and the model filter (needs product:read). */
export const useProductModels = (enabled = true) =>
  useQuery({
    queryKey: ['catalog', 'models', 'all'],
    enabled,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api.get<Page<ProductModel>>('/api/v1/catalog/models', { limit: 200 }, { signal }),
    select: (d) => d.items,
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateItem = () => useWrite((body: PartItemInput) => api.post<PartItem>(`${P}/items`, body));

export const usePatchItem = () =>
  useWrite(({ id, patch }: { id: string; patch: PartItemPatch }) =>
    api.patch<PartItem>(`${P}/items/${id}`, patch),
  );

export const TEMPLATE_URL = `${P}/items/template.xlsx`;

/** Multipart upload of the catalogue workbook (field `file`); the JSON client does not do multipart. */
export async function importCatalog(file: File): Promise<PartImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${P}/items/import`, { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as PartImportResult;
}

export const useImportCatalog = () => useWrite(importCatalog);

// ------------------------------------------------------------------ locations and stock

export const useLocations = () =>
  useQuery({
    queryKey: [...KEY, 'locations'],
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<{ items: StockLocation[] }>(`${P}/locations`, undefined, { signal }),
    select: (d) => d.items,
  });

export interface StockFilters {
  locationId?: string;
  locationKind?: string;
  q?: string;
  low?: 'true';
}

/** Stock levels; the server scopes them to what the user may see (an outlet sees its store and vans). */
export const useStock = (filters: StockFilters) =>
  useQuery({
    queryKey: [...KEY, 'stock', filters],
    queryFn: ({ signal }) =>
      api.get<Page<StockLevel>>(`${P}/stock`, { ...filters, limit: 200 } as Query, { signal }),
  });

export interface StockLine {
  itemId: string;
  qty: number;
}
export const useReceive = () =>
  useWrite((body: { locationId: string; lines: StockLine[]; note?: string }) =>
    api.post<unknown>(`${P}/stock/receive`, body),
  );
export const useTransfer = () =>
  useWrite((body: { fromLocationId: string; toLocationId: string; lines: StockLine[]; note?: string }) =>
    api.post<unknown>(`${P}/stock/transfer`, body),
  );

// ------------------------------------------------------------------ stocktakes

export type StocktakeSummary = Omit<Stocktake, 'lines'>;

export const useStocktakes = (status?: string) =>
  useQuery({
    queryKey: [...KEY, 'stocktakes', status ?? ''],
    queryFn: ({ signal }) =>
      api.get<Page<StocktakeSummary>>(`${P}/stocktakes`, { status, limit: 100 }, { signal }),
  });

export const useStocktake = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'stocktake', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Stocktake>(`${P}/stocktakes/${id}`, undefined, { signal }),
  });

export const useCreateStocktake = () =>
  useWrite((body: { locationId: string; note?: string }) => api.post<Stocktake>(`${P}/stocktakes`, body));

export const useSaveCounts = () =>
  useWrite(
    ({ id, ...body }: { id: string; version: number; counts: { itemId: string; counted: number }[] }) =>
      api.put<Stocktake>(`${P}/stocktakes/${id}/counts`, body),
  );

export const useSubmitStocktake = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.post<Stocktake>(`${P}/stocktakes/${id}/submit`, { version }),
  );

export const useDecideStocktake = () =>
  useWrite(({ id, ...body }: { id: string; version: number; approve: boolean; note?: string }) =>
    api.post<Stocktake>(`${P}/stocktakes/${id}/decision`, body),
  );

// ------------------------------------------------------------------ replenishment and alerts

export interface Suggestion {
  locationId: string;
  locationName: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  available: number;
  reorderPoint: number;
  dailyUse: number;
  suggestedQty: number;
}
export interface PartAlert {
  kind: 'low_stock' | 'ageing' | 'discontinuation';
  locationId: string | null;
  locationName: string | null;
  itemId: string;
  itemCode: string;
  itemName: string;
  value: number;
}

export const useReplenishment = () =>
  useQuery({
    queryKey: [...KEY, 'replenishment'],
    queryFn: ({ signal }) => api.get<{ items: Suggestion[] }>(`${P}/replenishment`, undefined, { signal }),
    select: (d) => d.items,
  });

export const useAlerts = () =>
  useQuery({
    queryKey: [...KEY, 'alerts'],
    queryFn: ({ signal }) => api.get<{ items: PartAlert[] }>(`${P}/alerts`, undefined, { signal }),
    select: (d) => d.items,
  });

// ------------------------------------------------------------------ the outlet's requests and 旧件

export const useOutletRequests = (status?: string) =>
  useQuery({
    queryKey: [...KEY, 'requests', 'outlet', status ?? ''],
    queryFn: ({ signal }) => api.get<Page<PartRequest>>(`${P}/requests`, { status, limit: 100 }, { signal }),
  });

export const useOldParts = (status?: string) =>
  useQuery({
    queryKey: [...KEY, 'old-parts', status ?? ''],
    queryFn: ({ signal }) =>
      api.get<Page<OldPartReturn>>(`${P}/old-parts`, { status, limit: 200 }, { signal }),
  });

export const useShipOldParts = () =>
  useWrite((body: { ids: string[]; carrier: string; trackingNo: string }) =>
    api.post<unknown>(`${P}/old-parts/ship`, body),
  );

/** The template's link, for a plain `<a href download>`. */
export const templateHref = (): string => buildUrl(TEMPLATE_URL);
