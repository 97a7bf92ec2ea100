import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSample,
  FactoryOrderLine,
  ProductStock,
  ReceiveProductStock,
  SalesContract,
  SalesContractStatus,
  SalesImportResult,
  Sample,
  SampleStatus,
  StockLedgerEntry,
} from '@anxin/contracts';
import {
  api,
  ApiError,
  CLIENT_ERROR_CODES,
  getCsrfToken,
  toApiError,
  type QueryValue,
} from '../../api/client.ts';

/**
 * The sales module's calls (issue #16) in one place. Every write invalidates the whole `sales`
 * cache, so the contract list, the open drawer, the stock and the factory list refresh together.
 */
const KEY = ['sales'] as const;
const P = '/api/v1/sales';

export interface ContractFilters {
  status?: SalesContractStatus;
  batchDate?: string;
  q?: string;
}

/** Contracts, newest batch first, a page at a time (keyset cursor) behind a "load more". */
export const useContracts = (f: ContractFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'contracts', f, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: SalesContract[]; nextCursor: string | null }>(
        `${P}/contracts`,
        { ...f, limit, ...(pageParam ? { cursor: pageParam } : {}) } as Record<string, QueryValue>,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useContract = (id: string | null) =>
  useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'contract', id],
    queryFn: ({ signal }) => api.get<SalesContract>(`${P}/contracts/${id}`, undefined, { signal }),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateContract = () =>
  useWrite((body: Record<string, unknown>) => api.post<SalesContract>(`${P}/contracts`, body));
export const useStockCheck = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.post<SalesContract>(`${P}/contracts/${id}/stock-check`, { version }),
  );
export const useCancelContract = () =>
  useWrite(({ id, version, reason }: { id: string; version: number; reason: string }) =>
    api.post<SalesContract>(`${P}/contracts/${id}/cancel`, { version, reason }),
  );

/** Multipart upload of the contracts workbook (field `file`, optional store); the JSON client does not do multipart. */
async function importContracts({
  file,
  storeOutletId,
}: {
  file: File;
  storeOutletId?: string;
}): Promise<SalesImportResult> {
  const body = new FormData();
  if (storeOutletId) body.append('storeOutletId', storeOutletId);
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${P}/contracts/import`, { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as SalesImportResult;
}
export const useImportContracts = () => useWrite(importContracts);
export const templateHref = () => `${P}/contracts/template.xlsx`;

export const useStock = () =>
  useQuery({
    queryKey: [...KEY, 'stock'],
    queryFn: ({ signal }) => api.get<{ items: ProductStock[] }>(`${P}/stock`, undefined, { signal }),
  });
export const useStockLedger = (model: string | null) =>
  useQuery({
    enabled: !!model,
    queryKey: [...KEY, 'ledger', model],
    queryFn: ({ signal }) =>
      api.get<{ items: StockLedgerEntry[] }>(`${P}/stock/ledger`, { model: model! }, { signal }),
  });
export const useReceiveStock = () =>
  useWrite((body: ReceiveProductStock) =>
    api.post<{ stock: ProductStock; reservedLines: number }>(`${P}/stock/receipts`, body),
  );

export const useFactoryOrders = (date: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'factory', date ?? 'next'],
    queryFn: ({ signal }) =>
      api.get<{ date: string; items: FactoryOrderLine[] }>(
        `${P}/factory-orders`,
        date ? { date } : undefined,
        { signal },
      ),
  });

export const useSamples = (status?: SampleStatus) =>
  useQuery({
    queryKey: [...KEY, 'samples', status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<{ items: Sample[] }>(`${P}/samples`, status ? { status } : undefined, { signal }),
  });
export const useCreateSample = () => useWrite((body: CreateSample) => api.post<Sample>(`${P}/samples`, body));
export const useSampleDecision = () =>
  useWrite(
    ({ id, ...body }: { id: string; action: 'approve' | 'reject'; version: number; reason?: string }) =>
      api.post<Sample>(`${P}/samples/${id}/decision`, body),
  );
export const useSampleRemoval = () =>
  useWrite(({ id, ...body }: { id: string; version: number; reason: string; displayUntil: string }) =>
    api.post<Sample>(`${P}/samples/${id}/removal`, body),
  );

/** Outlets for the store pickers (needs outlet:read; a store's own staff have their store fixed). */
export const useStoreOptions = (enabled: boolean) =>
  useQuery({
    queryKey: ['outlets', 'options'],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/v1/outlets', { limit: 200 }),
    enabled,
    staleTime: 300_000,
  });

/** The business policy (cut-off time) shown beside the entry form. */
export const useSalesPolicy = () =>
  useQuery({
    queryKey: [...KEY, 'policy'],
    queryFn: () => api.get<{ value: { cutoffTime: string } }>('/api/v1/settings/sales.policy'),
    staleTime: 300_000,
  });
