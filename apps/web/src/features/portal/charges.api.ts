import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrderQuotes, PriceListView, Quote } from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** The portal's paid-service calls: the public price list, my quotes, approving or declining. */
const P = '/api/v1/portal';
const opts = { allowUnauthenticated: true } as const;
const KEY = ['portal', 'charges'] as const;

export const usePublicPriceList = () =>
  useQuery({
    queryKey: [...KEY, 'price-list'],
    queryFn: () => api.get<PriceListView>(`${P}/price-list`, undefined, opts),
  });

export const useMyQuotes = (orderId: string) =>
  useQuery({
    queryKey: [...KEY, 'order', orderId],
    queryFn: () => api.get<OrderQuotes>(`${P}/orders/${orderId}/quotes`, undefined, opts),
  });

export const useMyQuote = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'quote', id],
    queryFn: () => api.get<Quote>(`${P}/quotes/${id}`, undefined, opts),
  });

export function useDecideQuote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number; decision: 'approve' | 'decline'; reason?: string }) =>
      api.post<Quote>(
        `${P}/quotes/${v.id}/${v.decision}`,
        { version: v.version, reason: v.reason ?? '' },
        opts,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal'] }),
  });
}
