import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  CreateCustomer,
  CustomerDetail,
  FaultTree,
  InstalledProduct,
  LookupResult,
  ProductCategory,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

export type LookupItem = LookupResult['items'][number];

/** Caller identification: phone (full, prefix, last 4+ digits), serial number or name. */
export const useCustomerLookup = (q: string) =>
  useQuery({
    queryKey: ['customers', 'lookup', q],
    queryFn: ({ signal }) => api.get<LookupResult>('/api/v1/customers/lookup', { q }, { signal }),
    enabled: q.trim().length >= 2,
    staleTime: 15_000,
  });

export const useCustomer = (id: string | undefined) =>
  useQuery({
    queryKey: ['customers', id],
    queryFn: () => api.get<CustomerDetail>(`/api/v1/customers/${id}`),
    enabled: !!id,
  });

/** The input accepted by `POST /api/v1/customers` (defaults applied by the server). */
export type NewCustomer = Partial<CreateCustomer> & Pick<CreateCustomer, 'name' | 'phones'>;

export const useCreateCustomer = () =>
  useMutation({
    mutationFn: (body: NewCustomer) =>
      api.post<{ customer: CustomerDetail; duplicates: { id: string; name: string; reasons: string[] }[] }>(
        '/api/v1/customers',
        body,
      ),
  });

export const useCategories = () =>
  useQuery({
    queryKey: ['catalog', 'categories'],
    queryFn: () => api.get<{ items: ProductCategory[] }>('/api/v1/catalog/categories'),
    staleTime: 10 * 60_000,
  });

export const useFaultTree = (categoryCode: string | undefined) =>
  useQuery({
    queryKey: ['catalog', 'fault-tree', categoryCode],
    queryFn: () =>
      api.get<FaultTree>(`/api/v1/catalog/categories/${encodeURIComponent(categoryCode!)}/fault-codes`),
    enabled: !!categoryCode,
    staleTime: 10 * 60_000,
  });

export const useInstalledProduct = (id: string | undefined) =>
  useQuery({
    queryKey: ['installed-products', id],
    queryFn: () => api.get<InstalledProduct>(`/api/v1/installed-products/${id}`),
    enabled: !!id,
  });
