import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from '@anxin/contracts';
import type {
  BookDelivery,
  CreateCrew,
  Crew,
  DayPlan,
  DeliveryBooking,
  DeliveryFigures,
  DeliveryStatus,
  DeliveryStep,
} from '@anxin/contracts';
import { useSetting } from '../settings/index.ts';
import {
  api,
  ApiError,
  CLIENT_ERROR_CODES,
  getCsrfToken,
  toApiError,
  type QueryValue,
} from '../../api/client.ts';

/**
 * The delivery desk's and the crew's calls (issue #16) in one place. Every write invalidates the
 * whole `delivery` cache, so the lists, the open drawer and the phone job refresh together.
 */
const KEY = ['delivery'] as const;
const P = '/api/v1/delivery';

/** A contract waiting for a date, as the delivery module lists it (modules/sales' DeliveryContract). */
export interface ContractToBook {
  id: string;
  contractNo: string;
  storeName: string | null;
  salesperson: string;
  customerName: string;
  phones: string[];
  addressDetail: string;
  orderDate: string;
  requestedDate: string;
  batchDate: string;
  availableDate: string | null;
  latestDate: string;
  specialRequests: string | null;
  lines: {
    lineId: string;
    model: string;
    productName: string;
    quantity: number;
    needsInstallation: boolean;
  }[];
}

/** Contracts waiting for a date, oldest batch first, a page at a time behind a "load more". */
export const useContractsToBook = (limit = 50) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'contracts', limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: ContractToBook[]; nextCursor: string | null }>(
        `${P}/contracts`,
        { limit, ...(pageParam ? { cursor: pageParam } : {}) },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export interface BookingFilters {
  status?: DeliveryStatus;
  date?: string;
  crewId?: string;
}
export const useBookings = (f: BookingFilters) =>
  useQuery({
    queryKey: [...KEY, 'bookings', f],
    queryFn: ({ signal }) =>
      api.get<{ items: DeliveryBooking[] }>(
        `${P}/bookings`,
        { ...f, limit: 200 } as Record<string, QueryValue>,
        {
          signal,
        },
      ),
  });

/** The delivery list's filters as the address holds them (see BOOKING_LIST_KEYS). */
export const BOOKING_LIST_KEYS = ['status', 'date', 'crewId', 'storeOutletId', 'q', 'sort'] as const;
export type BookingListFilters = Partial<Record<(typeof BOOKING_LIST_KEYS)[number], string>>;

/** The delivery list a page at a time (keyset cursor): nothing past a page is cut off silently. */
export const useBookingPages = (f: BookingListFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'bookings', 'pages', f, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: DeliveryBooking[]; nextCursor: string | null }>(
        `${P}/bookings`,
        { ...f, cursor: pageParam, limit } as Record<string, QueryValue>,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useBooking = (id: string | null) =>
  useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'booking', id],
    queryFn: ({ signal }) => api.get<DeliveryBooking>(`${P}/bookings/${id}`, undefined, { signal }),
  });

export const useCrews = () =>
  useQuery({
    queryKey: [...KEY, 'crews'],
    queryFn: ({ signal }) => api.get<{ items: Crew[] }>(`${P}/crews`, undefined, { signal }),
  });

export const useFigures = (month: string, by: 'store' | 'crew') =>
  useQuery({
    queryKey: [...KEY, 'figures', month, by],
    queryFn: ({ signal }) => api.get<DeliveryFigures>(`${P}/figures`, { month, by }, { signal }),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useBook = () =>
  useWrite((body: BookDelivery) => api.post<DeliveryBooking>(`${P}/bookings`, body));
export const useStep = (id: string) =>
  useWrite((body: DeliveryStep) => api.post<DeliveryBooking>(`${P}/bookings/${id}/steps`, body));
export const useCreateCrew = () => useWrite((body: CreateCrew) => api.post<Crew>(`${P}/crews`, body));
export const usePlanDay = () => useWrite((date: string) => api.post<DayPlan>(`${P}/plans`, { date }));

/** Multipart upload of a crew photo (field `file`); the JSON client does not do multipart. */
async function uploadPhoto({ id, file }: { id: string; file: File }): Promise<void> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${P}/bookings/${id}/photos`, {
      method: 'POST',
      body,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
}
export const useUploadPhoto = () => useWrite(uploadPhoto);

export const photoUrl = (id: string, photoId: string) => `${P}/bookings/${id}/photos/${photoId}`;
export const signatureUrl = (id: string) => `${P}/bookings/${id}/signature`;

/** Technicians to form a crew from (the network module's list, read with `technician:read`). */
export const useTechnicianOptions = (enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: [...KEY, 'technicians'],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string; outletName?: string | null }[] }>(
        '/api/v1/technicians',
        { limit: 200 },
        { signal },
      ),
  });

/** The delivery policy (slots offered to the customer), falling back to the defaults. */
export const useDeliveryPolicy = () => {
  const q = useSetting<DeliveryPolicy>('delivery.policy');
  return q.data?.value ?? DEFAULT_DELIVERY_POLICY;
};
