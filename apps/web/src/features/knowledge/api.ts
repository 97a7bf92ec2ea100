import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArticleContent,
  ArticleDetail,
  ArticleKind,
  ArticleStatus,
  ArticleStep,
  ArticleSummary,
  CreateArticle,
  KnowledgeCase,
  KnowledgeFigures,
  KnowledgeFile,
  PortalArticle,
  SearchResult,
  SynonymGroup,
} from '@anxin/contracts';
import {
  api,
  ApiError,
  CLIENT_ERROR_CODES,
  getCsrfToken,
  toApiError,
  type QueryValue,
} from '../../api/client.ts';

/** The knowledge base's calls (issue #17); every write refreshes the whole `knowledge` cache. */
const KEY = ['knowledge'] as const;
const P = '/api/v1/knowledge';
const PUB = '/api/v1/portal/knowledge';

export interface SearchFilters {
  q: string;
  kind?: ArticleKind;
  categoryCode?: string;
  modelCode?: string;
  faultCode?: string;
  cases?: boolean;
}

export const useKnowledgeSearch = (f: SearchFilters) =>
  useQuery({
    enabled: f.q.trim().length > 0,
    queryKey: [...KEY, 'search', f],
    queryFn: ({ signal }) =>
      api.get<SearchResult>(
        `${P}/search`,
        { ...f, q: f.q.trim(), cases: f.cases ? '1' : undefined, channel: 'library' } as Record<
          string,
          QueryValue
        >,
        { signal },
      ),
  });

export const useSuggestions = (f: {
  text: string;
  channel: 'agent' | 'technician';
  categoryCode?: string | undefined;
  modelCode?: string | undefined;
  faultCode?: string | undefined;
}) =>
  useQuery({
    enabled: f.text.trim().length >= 2 || !!f.faultCode,
    queryKey: [...KEY, 'suggest', f],
    queryFn: ({ signal }) =>
      api.get<SearchResult>(`${P}/suggest`, { ...f, limit: 5 } as Record<string, QueryValue>, { signal }),
    placeholderData: (prev) => prev,
  });

export const useArticles = (f: { status?: ArticleStatus; kind?: ArticleKind; q?: string }) =>
  useQuery({
    queryKey: [...KEY, 'articles', f],
    queryFn: ({ signal }) =>
      api.get<{ items: ArticleSummary[] }>(`${P}/articles`, f as Record<string, QueryValue>, { signal }),
  });

export const useArticle = (id: string | null) =>
  useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'article', id],
    queryFn: ({ signal }) => api.get<ArticleDetail>(`${P}/articles/${id}`, undefined, { signal }),
  });

/** The case library, newest closed first, a page at a time (keyset cursor) behind a "load more". */
export const useCases = (limit = 50) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'cases', limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: KnowledgeCase[]; nextCursor: string | null }>(
        `${P}/cases`,
        { limit, ...(pageParam ? { cursor: pageParam } : {}) },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useCase = (id: string | null) =>
  useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'case', id],
    queryFn: ({ signal }) => api.get<KnowledgeCase>(`${P}/cases/${id}`, undefined, { signal }),
  });

export const useSynonyms = () =>
  useQuery({
    queryKey: [...KEY, 'synonyms'],
    queryFn: ({ signal }) => api.get<{ items: SynonymGroup[] }>(`${P}/synonyms`, undefined, { signal }),
  });

export const useFigures = (range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: [...KEY, 'figures', range],
    queryFn: ({ signal }) =>
      api.get<KnowledgeFigures>(`${P}/figures`, range as Record<string, QueryValue>, { signal }),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateArticle = () =>
  useWrite((body: CreateArticle) => api.post<ArticleDetail>(`${P}/articles`, body));
export const useSaveDraft = (id: string) =>
  useWrite((body: { version: number; content: ArticleContent }) =>
    api.put<ArticleDetail>(`${P}/articles/${id}/draft`, body),
  );
export const useArticleStep = (id: string) =>
  useWrite((body: ArticleStep) => api.post<ArticleDetail>(`${P}/articles/${id}/steps`, body));
export const useFeedback = () =>
  useWrite(
    (v: { id: string; helpful: boolean; channel: 'agent' | 'technician' | 'library'; orderId?: string }) =>
      api.post<{ helpful: number }>(`${P}/articles/${v.id}/feedback`, {
        helpful: v.helpful,
        channel: v.channel,
        ...(v.orderId ? { orderId: v.orderId } : {}),
      }),
  );
export const useSaveSynonyms = () =>
  useWrite((v: { id?: string; terms: string[]; version?: number }) =>
    v.id
      ? api.put<SynonymGroup>(`${P}/synonyms/${v.id}`, { terms: v.terms, version: v.version })
      : api.post<SynonymGroup>(`${P}/synonyms`, { terms: v.terms }),
  );
export const useDeleteSynonyms = () => useWrite((id: string) => api.delete<null>(`${P}/synonyms/${id}`));

/** Multipart upload of a manual or video (field `file`); the article names it once saved. */
async function uploadFile(file: File): Promise<KnowledgeFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${P}/files`, { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as KnowledgeFile;
}
export const useUploadKnowledgeFile = () => useMutation({ mutationFn: uploadFile });

/** Where a browser opens an uploaded file: staff read any, the portal only public live ones. */
export const knowledgeFileUrl = (fileId: string, portal = false) =>
  `${portal ? PUB : P}/files/${encodeURIComponent(fileId)}`;

// ---- portal (public) ----

export const usePortalSearch = (q: string) =>
  useQuery({
    enabled: q.trim().length > 0,
    queryKey: [...KEY, 'portal-search', q],
    queryFn: ({ signal }) => api.get<SearchResult>(`${PUB}/search`, { q: q.trim() }, { signal }),
  });
export const usePortalArticle = (id: string | null) =>
  useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'portal-article', id],
    queryFn: ({ signal }) => api.get<PortalArticle>(`${PUB}/articles/${id}`, undefined, { signal }),
  });
export const startPortalSession = (query?: string) =>
  api.post<{ id: string }>(`${PUB}/sessions`, query ? { query } : {});
export const endPortalSession = (id: string, outcome: 'fixed' | 'not_fixed' | 'filed', articleId?: string) =>
  api.post<{ id: string }>(`${PUB}/sessions/${id}/outcome`, { outcome, ...(articleId ? { articleId } : {}) });
