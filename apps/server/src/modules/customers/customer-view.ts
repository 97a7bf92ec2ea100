import type { Customer, InstalledProduct, ProductCategory, ProductModel } from '@anxin/contracts';
import { maskPhone } from './domain/phone.ts';
import { regionName } from './domain/regions.ts';
import { computeWarranty } from './domain/warranty.ts';
import type { AddressRecord, CustomerRecord, PhoneRecord, ProductRecord } from './customers.records.ts';

/** Full numbers only for actors holding customer:phone_unmasked; everyone else sees 138****5678. */
export const phoneView = (p: PhoneRecord, unmasked: boolean) => ({
  id: p.id,
  phone: unmasked ? p.phone : maskPhone(p.phone),
  masked: !unmasked,
  label: p.label,
  isPrimary: p.isPrimary,
});

export const addressView = (a: AddressRecord) => ({ ...a, regionName: regionName(a.districtCode) });

export function customerView(c: CustomerRecord, unmasked: boolean): Customer {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    companyName: c.companyName,
    tier: c.tier,
    note: c.note,
    phones: c.phones.map((p) => phoneView(p, unmasked)),
    addresses: c.addresses.map(addressView),
    mergedIntoId: c.mergedIntoId,
    erasedAt: c.erasedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

export interface ProductContext {
  models: Map<string, ProductModel>;
  categories: Map<string, ProductCategory>;
  asOf: string;
  /** The 三包 engine's coverage by product id, when wired; otherwise the catalogue months below. */
  warranties?: Map<string, InstalledProduct['warranty']> | undefined;
}

/** Every product carries its warranty as of today's business date. */
export function productView(p: ProductRecord, ctx: ProductContext): InstalledProduct {
  const model = ctx.models.get(p.modelId);
  const { createdAt: _c, updatedAt: _u, ...rest } = p;
  return {
    ...rest,
    modelCode: model?.modelCode ?? '',
    modelName: model?.name ?? '',
    warranty:
      ctx.warranties?.get(p.id) ?? computeWarranty(ctx.categories.get(p.categoryCode) ?? null, p, ctx.asOf),
  };
}
