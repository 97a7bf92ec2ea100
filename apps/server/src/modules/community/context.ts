import type { CampaignFilters } from '@anxin/contracts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';

/** What community needs from other modules (bound in modules.ts). */
export interface CommunityPorts {
  /** Name and phone of customers (modules/customers); unknown ids are left out. */
  contacts: (ids: readonly string[]) => Promise<Map<string, { name: string; phone: string }>>;
  /** Whether a sales contract exists (modules/sales). */
  contractExists: (id: string) => Promise<boolean>;
  /** A campaigns contact list: who the filters pick, opted-out customers left out and counted. */
  contactList: (filters: CampaignFilters) => Promise<{ customerIds: string[]; optedOut: number }>;
  /** The next referral number (the shared daily record sequence). */
  drawNumber: (trx: Db, at: Date) => Promise<string>;
}

export interface CommunityContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  ports: CommunityPorts;
  nudgeOutbox: () => void;
}
