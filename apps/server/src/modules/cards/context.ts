import type { Kysely } from 'kysely';
import { CardsPolicySchema, DEFAULT_CARDS_POLICY, PERMISSIONS, type CardsPolicy } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/dates.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { CustomersModule } from '../customers/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';

export const CARDS_POLICY_KEY = 'cards.policy';

/** What the cards module needs from the customers module (all through its index.ts). */
export type CardsCustomersPort = Pick<
  CustomersModule,
  | 'getCustomer'
  | 'getInstalledProduct'
  | 'findProductBySerial'
  | 'findCustomerByPhone'
  | 'createIndividualCustomer'
  | 'registerProductForCustomer'
  | 'transferProduct'
>;

/** What every use case of the cards module gets (built once in index.ts). */
export interface CardsContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  customers: CardsCustomersPort;
  workOrders: WorkOrdersService;
}

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);
export { eventActorOf } from '../../platform/auth/actor.ts';

export const todayOf = (ctx: CardsContext): string => businessDateOf(ctx.clock.now());

export async function cardsPolicy(db: Kysely<Database>): Promise<CardsPolicy> {
  return (await readSetting(db, CARDS_POLICY_KEY, CardsPolicySchema, DEFAULT_CARDS_POLICY)).value;
}
