import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallbackAnswers,
  Me,
  PortalCreateRequestResponse,
  PortalModel,
  PortalNewRequest,
  PortalContact,
  PortalOrderDetail,
  PortalOrderSummary,
  PortalOtpResponse,
  PortalProduct,
  PortalRating,
  PortalRegisterProduct,
  TimeWindow,
} from '@anxin/contracts';
import {
  ApiError,
  api,
  getCsrfToken,
  isApiError,
  setCsrfToken,
  toApiError,
  CLIENT_ERROR_CODES,
} from '../../api/client.ts';
import { ME_QUERY_KEY } from '../auth/index.ts';

/**
 * The portal's calls. Every call leaves a 401 to the portal (its own login page at /portal/login)
 * rather than the staff shell's redirect to /login; the layout's guard reacts to it.
 */
const P = '/api/v1/portal';
const opts = { allowUnauthenticated: true } as const;

/** Mirrors PORTAL_MAX_PHOTOS of the contracts (a value import would pull zod into this chunk). */
export const MAX_PHOTOS = 6;

type Listener = () => void;
let onExpired: Listener = () => undefined;
/** The layout installs what happens when the session ends mid-use. */
export const setPortalExpiredHandler = (fn: Listener): void => {
  onExpired = fn;
};

async function guarded<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isApiError(e) && e.status === 401) onExpired();
    throw e;
  }
}

const keys = {
  products: ['portal', 'products'] as const,
  models: ['portal', 'models'] as const,
  orders: ['portal', 'orders'] as const,
  order: (id: string) => ['portal', 'orders', id] as const,
};

export const normalisePhone = (s: string): string => s.replace(/[\s-]/g, '');
export const isMobile = (s: string): boolean => /^1[3-9]\d{9}$/.test(normalisePhone(s));

export function useSendCode() {
  return useMutation({
    mutationFn: (phone: string) =>
      api.post<PortalOtpResponse>(`${P}/otp`, { phone: normalisePhone(phone) }, opts),
  });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { phone: string; code: string }) =>
      api.post<Me>(`${P}/session`, { phone: normalisePhone(body.phone), code: body.code }, opts),
    onSuccess: (me) => {
      qc.removeQueries({ queryKey: ['portal'] });
      setCsrfToken(me.csrfToken);
      qc.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

export const useProducts = () =>
  useQuery({
    queryKey: keys.products,
    queryFn: () => guarded(api.get<{ items: PortalProduct[] }>(`${P}/products`, undefined, opts)),
    select: (d) => d.items,
  });

export const useModels = (enabled: boolean) =>
  useQuery({
    queryKey: keys.models,
    enabled,
    staleTime: 10 * 60_000,
    queryFn: () => guarded(api.get<{ items: PortalModel[] }>(`${P}/models`, undefined, opts)),
    select: (d) => d.items,
  });

export function useRegisterProduct() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalRegisterProduct) =>
      guarded(api.post<PortalProduct>(`${P}/products`, body, opts)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.products }),
  });
}

export const useOrders = () =>
  useInfiniteQuery({
    queryKey: keys.orders,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      guarded(
        api.get<{ items: PortalOrderSummary[]; nextCursor: string | null }>(
          `${P}/orders`,
          { cursor: pageParam, limit: 20 },
          opts,
        ),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useOrder = (id: string) =>
  useQuery({
    queryKey: keys.order(id),
    queryFn: () =>
      guarded(api.get<PortalOrderDetail>(`${P}/orders/${encodeURIComponent(id)}`, undefined, opts)),
  });

/** Multipart: the JSON `request` first, then the photos (the server creates the order on `request`). */
async function postRequest(body: PortalNewRequest, photos: File[]): Promise<PortalCreateRequestResponse> {
  const form = new FormData();
  form.append('request', JSON.stringify(body));
  for (const f of photos) form.append('photos', f, f.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${P}/orders`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as PortalCreateRequestResponse;
}

export function useSubmitRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: PortalNewRequest; photos: File[] }) => guarded(postRequest(v.body, v.photos)),
    onSuccess: (r) => {
      qc.setQueryData(keys.order(r.order.id), r.order);
      return qc.invalidateQueries({ queryKey: keys.orders, exact: true });
    },
  });
}

function useOrderAction<B>(id: string, action: 'confirm' | 'reschedule' | 'cancel') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      guarded(api.post<PortalOrderDetail>(`${P}/orders/${encodeURIComponent(id)}/${action}`, body, opts)),
    onSuccess: (o) => {
      qc.setQueryData(keys.order(id), o);
      return qc.invalidateQueries({ queryKey: keys.orders, exact: true });
    },
  });
}

export const useConfirm = (id: string) => useOrderAction<{ version: number }>(id, 'confirm');
export const useReschedule = (id: string) =>
  useOrderAction<TimeWindow & { version: number; reason: string }>(id, 'reschedule');
export const useCancel = (id: string) => useOrderAction<{ version: number; reason: string }>(id, 'cancel');

/** Whether the finished service may be rated now (once, while it waits for the callback). */
export const useOrderRating = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.order(id), 'rating'],
    queryFn: () =>
      guarded(api.get<PortalRating>(`${P}/orders/${encodeURIComponent(id)}/rating`, undefined, opts)),
    enabled,
  });

export function useRateOrder(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { answers: CallbackAnswers; comment?: string }) =>
      guarded(
        api.post<{ outcome: 'satisfied' | 'recorded' }>(
          `${P}/orders/${encodeURIComponent(id)}/rating`,
          body,
          opts,
        ),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.order(id) }),
  });
}

export const photoUrl = (orderId: string, photoId: string) =>
  `${P}/orders/${encodeURIComponent(orderId)}/photos/${encodeURIComponent(photoId)}`;

/** The name, mobile and address a new request uses, for the customer to confirm. */
export const useContact = () =>
  useQuery({
    queryKey: ['portal', 'contact'],
    queryFn: () => guarded(api.get<PortalContact>(`${P}/contact`, undefined, opts)),
    staleTime: 60_000,
  });
