import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRma, RmaCase, RmaKind, RmaListItem, RmaStatus, RmaTransition } from '@anxin/contracts';
import {
  api,
  ApiError,
  CLIENT_ERROR_CODES,
  getCsrfToken,
  toApiError,
  type QueryValue,
} from '../../api/client.ts';

/**
 * The RMA workbench's calls (issue #14) in one place. Every write invalidates the whole `rma`
 * cache, so the list, the open drawer and the product's cases refresh together.
 */
const KEY = ['rma'] as const;
const P = '/api/v1/rma';

export interface RmaFilters {
  status?: RmaStatus;
  kind?: RmaKind;
  orderId?: string;
  installedProductId?: string;
}

export const useRmaCases = (f: RmaFilters, enabled = true) =>
  useQuery({
    enabled,
    queryKey: [...KEY, 'list', f],
    queryFn: ({ signal }) =>
      api.get<{ items: RmaListItem[]; nextCursor: string | null }>(
        P,
        { ...f, limit: 200 } as Record<string, QueryValue>,
        { signal },
      ),
  });

/** The workbench list's filters as the address holds them (see RMA_LIST_KEYS). */
export type RmaListFilters = Partial<Record<(typeof RMA_LIST_KEYS)[number], string>>;
export const RMA_LIST_KEYS = ['status', 'kind', 'outletId', 'q', 'sort'] as const;

/** The workbench list, a page at a time (keyset cursor) so nothing is cut off silently. */
export const useRmaList = (f: RmaListFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'pages', f, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: RmaListItem[]; nextCursor: string | null }>(
        P,
        { ...f, cursor: pageParam, limit } as Record<string, QueryValue>,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useRmaCase = (id: string | null) =>
  useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'case', id],
    queryFn: ({ signal }) => api.get<RmaCase>(`${P}/${id}`, undefined, { signal }),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateRma = () => useWrite((body: CreateRma) => api.post<RmaCase>(P, body));

/** One step of the state table; an override decision goes to its own route (permission rma:approve). */
export const useRmaStep = (id: string) =>
  useWrite((body: RmaTransition) =>
    api.post<RmaCase>(
      `${P}/${id}/${body.action === 'approve_override' || body.action === 'reject_override' ? 'override' : 'transitions'}`,
      body,
    ),
  );

/** Multipart upload of an inspection photo (field `file`); the JSON client does not do multipart. */
async function uploadPhoto({ id, file }: { id: string; file: File }): Promise<void> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${P}/${id}/photos`, { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
}
export const useUploadRmaPhoto = () => useWrite(uploadPhoto);

export const photoUrl = (caseId: string, photoId: string) => `${P}/${caseId}/photos/${photoId}`;
