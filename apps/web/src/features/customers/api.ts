import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateCustomer,
  CustomerImportResult,
  CustomerDetail,
  ErasureResult,
  PersonalDataExport,
  FaultTree,
  InstalledProduct,
  LookupResult,
  ProductCategory,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';
import { saveBlob } from '../../api/download.ts';

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

/** A category's name in the user's language (its code only while the catalogue loads). */
export function useCategoryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const categories = useCategories();
  return (code) => {
    const c = categories.data?.items.find((x) => x.code === code);
    if (!c) return code;
    return i18n.language === 'en-US' ? c.nameEn : c.nameZh;
  };
}

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

/**
 * A customer's PIPL copy of their data: fetched as JSON (the server audits it and stamps who
 * exported it) and saved as a file for staff to hand over.
 */
export const useExportPersonalData = () =>
  useMutation({
    mutationFn: async (id: string) => {
      const data = await api.get<PersonalDataExport>(`/api/v1/customers/${id}/personal-data`);
      saveBlob(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
        `customer-${id}-personal-data.json`,
      );
      return data;
    },
  });

/** PIPL erasure: anonymises the customer; orders keep their statistics. */
export const useEraseCustomer = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      api.post<ErasureResult>(`/api/v1/customers/${v.id}/erase`, { version: v.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['customers'] }),
  });
};

/** 客户与产品导入: all or nothing, every bad row reported (`customer.import_invalid`). */
export const useImportCustomers = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<CustomerImportResult>('/api/v1/customers/import', file),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['customers'] }),
  });
};

export const CUSTOMER_IMPORT_TEMPLATE = '/api/v1/customers/import/template';
