import {
  DEFAULT_SALES_POLICY,
  SalesPolicySchema,
  type RegisterProduct,
  type SalesPolicy,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { BusinessCalendar } from '../../platform/calendar/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { EventActor } from '../../platform/events/append.ts';
import { readSetting } from '../../platform/settings/index.ts';

export const SALES_POLICY_KEY = 'sales.policy';

/** What this module needs of modules/customers (bound in modules.ts). */
export interface SalesCustomersPort {
  findCustomerByPhone(phone: string): Promise<{ id: string } | undefined>;
  createIndividualCustomer(
    input: { name: string; phone: string },
    actor?: EventActor,
  ): Promise<{ id: string }>;
  registerProductForCustomer(
    customerId: string,
    input: RegisterProduct,
    actor?: EventActor,
  ): Promise<{ id: string }>;
  findProductBySerial(serial: string): Promise<{ id: string } | undefined>;
}

/** A store (an outlet of modules/network): its name and contact phone. */
export type StoreLookup = (
  outletId: string,
) => Promise<{ name: string; contactPhone: string | null } | undefined>;

/** What every use case of the sales module gets (built once in index.ts). */
export interface SalesContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  calendar: () => Promise<BusinessCalendar>;
  customers: SalesCustomersPort;
  stores: StoreLookup;
}

export { eventActorOf } from '../../platform/auth/actor.ts';

export function salesPolicy(db: Kysely<Database>): Promise<{ value: SalesPolicy; version: number }> {
  return readSetting(db, SALES_POLICY_KEY, SalesPolicySchema, DEFAULT_SALES_POLICY);
}
