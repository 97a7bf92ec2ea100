import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CardVerification,
  CreateReceipt,
  PortalActivateCard,
  ProductCardInfo,
  StaffActivateCard,
  TransferCard,
  WarrantyCard,
  WorkshopReceipt,
} from '@anxin/contracts';
import { api, isApiError } from '../../api/client.ts';

export type { CardVerification, ProductCardInfo, WarrantyCard, WorkshopReceipt };

const C = '/api/v1/cards';
const PORTAL = '/api/v1/portal/cards';
const portalOpts = { allowUnauthenticated: true } as const;
const enc = encodeURIComponent;

const keys = {
  mine: ['portal', 'cards'] as const,
  mineOne: (id: string) => ['portal', 'cards', id] as const,
  product: (id: string) => ['cards', 'product', id] as const,
  receipts: (orderId: string) => ['cards', 'receipts', orderId] as const,
  verify: (token: string) => ['cards', 'verify', token] as const,
};

/** The public URL the QR code opens. */
export const verifyUrl = (token: string): string => `${window.location.origin}/cards/verify/${enc(token)}`;

// ---- portal (the signed-in customer)
export const useMyCards = () =>
  useQuery({
    queryKey: keys.mine,
    queryFn: () => api.get<{ items: WarrantyCard[] }>(PORTAL, undefined, portalOpts),
    select: (d) => d.items,
  });

export const useMyCard = (id: string) =>
  useQuery({
    queryKey: keys.mineOne(id),
    queryFn: () => api.get<WarrantyCard>(`${PORTAL}/${enc(id)}`, undefined, portalOpts),
    retry: (n, e) => !(isApiError(e) && e.status < 500) && n < 2,
  });

export function useActivateMyCard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalActivateCard) => api.post<WarrantyCard>(`${PORTAL}/activate`, body, portalOpts),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.mine });
      void qc.invalidateQueries({ queryKey: ['portal', 'products'] });
    },
  });
}

// ---- public
export const useVerification = (token: string) =>
  useQuery({
    queryKey: keys.verify(token),
    queryFn: () => api.get<CardVerification>(`${C}/verify/${enc(token)}`, undefined, portalOpts),
    retry: false,
  });

// ---- staff
export const useProductCard = (productId: string | null | undefined) =>
  useQuery({
    queryKey: keys.product(productId ?? ''),
    enabled: !!productId,
    queryFn: () => api.get<ProductCardInfo>(`${C}/products/${enc(productId!)}`),
  });

export function useStaffActivate(productId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffActivateCard) => api.post<WarrantyCard>(`${C}/activate`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.product(productId) }),
  });
}

export function useTransferCard(productId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cardId, body }: { cardId: string; body: TransferCard }) =>
      api.post<WarrantyCard>(`${C}/${enc(cardId)}/transfer`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.product(productId) }),
  });
}

export const useReceipts = (orderId: string) =>
  useQuery({
    queryKey: keys.receipts(orderId),
    queryFn: () => api.get<{ items: WorkshopReceipt[] }>(`${C}/orders/${enc(orderId)}/receipts`),
    select: (d) => d.items,
  });

export function useCreateReceipt(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReceipt) =>
      api.post<WorkshopReceipt>(`${C}/orders/${enc(orderId)}/receipts`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.receipts(orderId) }),
  });
}

export function useCloseReceipt(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: { id: string; version: number }) =>
      api.post<WorkshopReceipt>(`${C}/receipts/${enc(r.id)}/close`, { version: r.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.receipts(orderId) }),
  });
}
