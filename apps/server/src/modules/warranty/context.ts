import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { RestDayCalendar } from './domain/dates.ts';

/** An installed product as the warranty module reads it (modules/customers getInstalledProduct). */
export interface WarrantyProduct {
  id: string;
  categoryCode: string;
  brand: string;
  purchaseDate: string | null;
  installDate: string | null;
}

/** A work order as the warranty module reads it (modules/workorders findInScope). */
export interface WarrantyOrder {
  id: string;
  productId: string | null;
  createdAt: string;
  faultCodeId: string | null;
}

/** What the warranty module needs from other modules (wired in modules.ts). */
export interface WarrantyPorts {
  getInstalledProduct(id: string): Promise<WarrantyProduct>;
  /** The catalogue's warranty months of a category: the coverage when it has no published policy. */
  categoryTerms(code: string): Promise<{ unitMonths: number; mainPartsMonths: number } | null>;
  /** Part classes fitted on each order (modules/parts consumption): 第24条 replacement counts. */
  partClassesOf?(orderIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Codes of fault-code ids (catalogue); unknown ids are left out. */
  faultCodesOf(ids: readonly string[]): Promise<Map<string, string>>;
  /** The business calendar (modules/calendar `service.current()`); used for the 第203条 holiday move. */
  calendar(): Promise<RestDayCalendar>;
}

export interface WarrantyContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  ports: WarrantyPorts;
}
