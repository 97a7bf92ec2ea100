import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OrderQuotes,
  PaymentInput,
  PhoneConsent,
  PriceList,
  PriceListInput,
  PriceListView,
  Quote,
  QuoteDraft,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** The staff calls of paid service: price list, an order's quotes, consent by phone, payments. */
const C = '/api/v1/charges';
export const CHARGES_KEY = ['charges'] as const;
const orderKey = (orderId: string) => [...CHARGES_KEY, 'order', orderId] as const;

export type {
  OrderQuotes,
  PaymentInput,
  PhoneConsent,
  PriceList,
  PriceListInput,
  PriceListView,
  Quote,
  QuoteDraft,
};

export const usePriceList = (enabled = true) =>
  useQuery({
    queryKey: [...CHARGES_KEY, 'price-list'],
    queryFn: () => api.get<PriceListView>(`${C}/price-list`),
    enabled,
  });

export const usePriceListHistory = () =>
  useQuery({
    queryKey: [...CHARGES_KEY, 'price-lists'],
    queryFn: () => api.get<{ items: PriceList[] }>(`${C}/price-lists`),
  });

export function usePublishPriceList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PriceListInput) => api.post<PriceList>(`${C}/price-lists`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: CHARGES_KEY }),
  });
}

export const useOrderQuotes = (orderId: string) =>
  useQuery({
    queryKey: orderKey(orderId),
    queryFn: () => api.get<OrderQuotes>(`${C}/orders/${orderId}/quotes`),
  });

export const useQuote = (id: string) =>
  useQuery({ queryKey: [...CHARGES_KEY, 'quote', id], queryFn: () => api.get<Quote>(`${C}/quotes/${id}`) });

type Target = { id: string; version: number; draft: QuoteDraft };

/** Every quote write of one order; each refreshes the charges queries. */
export function useQuoteActions(orderId: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: CHARGES_KEY });
  const create = useMutation({
    mutationFn: (d: QuoteDraft) => api.post<Quote>(`${C}/orders/${orderId}/quotes`, d),
    onSuccess,
  });
  const edit = useMutation({
    mutationFn: (v: Target) => api.put<Quote>(`${C}/quotes/${v.id}`, { ...v.draft, version: v.version }),
    onSuccess,
  });
  const revise = useMutation({
    mutationFn: (v: Target) =>
      api.post<Quote>(`${C}/quotes/${v.id}/revise`, { ...v.draft, version: v.version }),
    onSuccess,
  });
  const send = useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      api.post<Quote>(`${C}/quotes/${v.id}/send`, { version: v.version }),
    onSuccess,
  });
  const consent = useMutation({
    mutationFn: (v: { id: string; body: PhoneConsent }) =>
      api.post<Quote>(`${C}/quotes/${v.id}/consent`, v.body),
    onSuccess,
  });
  const pay = useMutation({
    mutationFn: (v: { id: string; body: PaymentInput }) =>
      api.post<Quote>(`${C}/quotes/${v.id}/payments`, v.body),
    onSuccess,
  });
  return { create, edit, revise, send, consent, pay };
}
