import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { OutreachCustomer } from '../customers/index.ts';
import type { WarrantyTerms } from './domain/selection.ts';

/** What campaigns need from other modules (bound in modules.ts). */
export interface CampaignPorts {
  /** Live customers with a phone and their products (modules/customers), narrowed by region. */
  population: (regionCode: string | null) => Promise<OutreachCustomer[]>;
  /** Warranty terms of product categories (modules/catalog); unknown codes are left out. */
  categoryTerms: (codes: readonly string[]) => Promise<Map<string, WarrantyTerms>>;
  /** Name and phone of customers (modules/customers). */
  contacts: (ids: readonly string[]) => Promise<Map<string, { name: string; phone: string }>>;
  /** Serial and category of installed products (modules/customers). */
  products: (ids: readonly string[]) => Promise<Map<string, { serial: string; categoryCode: string }>>;
}

export interface CampaignContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  ports: CampaignPorts;
}
