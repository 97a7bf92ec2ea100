import type { Kysely } from 'kysely';
import { PERMISSIONS } from '@anxin/contracts';
import type { Database } from '../database.ts';
import { systemActor, type Actor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { DomainError } from '../platform/http/errors.ts';
import { DEMO_CUSTOMER } from './demo-users.ts';
import { seedModules } from './derive.ts';
import { DAY, HOUR } from './time.ts';

/** A small signature stroke (PNG), as the signature pad would send it. */
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAKAAAAAyCAYAAADbYdBlAAABKUlEQVR42u3aOxLCMAwFwJyEnjNw/3NBRUdBwJ8nZXcmHTORrYcdTI4DAAAAAAAAABjudn8835fZYEvwPl1mKLRh3YMniFaJpeP5ZrySYJUYPqbRn2dy8CqvEv/UKYQh21PVVWJEfUIYtj1VadDIuoQwMHjpDRpdT5XV/nLhS2zQrDqSv2hlAjiz4ISJmH3/lGaXPJVYUejOyVh175QxlgzeimJ3TczKe64eY9lz2F0F72pQ9xW3bPCusCV2e6yJCN7Zm6Z9W67wo2BGDTE9/PVP9KSl+grHIjPOVCPGdvblgNRnhJnHPh1OGaJ72OHtlFkH39WfvZ3nFd6mKv0A9BJskxBWfA1M8BqEsHLDBK9AU7qGj0bblPCxLYRmCs9JAAAAAAAAABDsBdyWd8MirL5MAAAAAElFTkSuQmCC';

/** How many cards the demo activates besides the demo customer's own. */
const CARDS = 36;

export interface CardsSeedSummary {
  cards: number;
  transfers: number;
  receipts: number;
}

/**
 * Demo warranty cards (issue #14), all through the cards services: the demo customer's first
 * product activated in the portal (the others are left for the demo), cards activated at stores and
 * on the hotline over the last month, one ownership transfer and one open workshop receipt.
 */
export async function seedCards(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<CardsSeedSummary> {
  const clock = new ManualClock(new Date(anchor.getTime() - 30 * DAY));
  const { modules } = seedModules(h, clock);
  const { cards, receipts } = modules.cards;
  const system = systemActor(PERMISSIONS);
  const out: CardsSeedSummary = { cards: 0, transfers: 0, receipts: 0 };
  const tolerate = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      return true;
    } catch (e) {
      // A product already carded (a re-run) or erased: skip it, the demo stays consistent.
      if (e instanceof DomainError) return false;
      throw e;
    }
  };

  const demo = await modules.customers.findCustomerByPhone(DEMO_CUSTOMER.phone);
  if (demo) {
    const [first] = await modules.customers.listProducts(demo.id);
    if (
      first &&
      (await tolerate(() =>
        cards.activate(system, { serial: first.serial, customerId: demo.id, channel: 'portal' }),
      ))
    )
      out.cards++;
  }

  // Products of other customers, in a stable order, skipping the demo customer's.
  const products = await h.db
    .selectFrom('installed_products')
    .select(['serial', 'customer_id', 'category_code'])
    .where('customer_id', '!=', demo?.id ?? '')
    .orderBy('serial')
    .limit(CARDS)
    .execute();
  const activated: { cardId: string; version: number; category: string }[] = [];
  for (const [i, p] of products.entries()) {
    clock.advance(((i % 5) + 1) * 3 * HOUR);
    await tolerate(async () => {
      const c = await cards.activate(system, {
        serial: p.serial,
        customerId: p.customer_id,
        channel: i % 3 === 0 ? 'hotline' : 'store',
      });
      activated.push({ cardId: c.id, version: c.version, category: p.category_code });
      out.cards++;
    });
  }

  // One transfer: a unit sold on second hand to a new customer.
  const movable = activated.find((c) => c.category !== 'sewing_industrial');
  if (movable) {
    clock.advance(2 * DAY);
    if (
      await tolerate(() =>
        cards.transfer(system, movable.cardId, {
          toPhone: '13900007788',
          toName: '周敏',
          reason: '二手转让',
          version: movable.version,
        }),
      )
    )
      out.transfers++;
  }

  // One open workshop receipt: an order in progress whose product went back to the workshop.
  const order = await h.db
    .selectFrom('work_orders')
    .select(['id', 'technician_user_id'])
    .where('status', '=', 'in_progress')
    .where('product_id', 'is not', null)
    .where('technician_user_id', 'is not', null)
    .orderBy('number')
    .limit(1)
    .executeTakeFirst();
  if (order) {
    const user = order.technician_user_id
      ? await h.db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', '=', order.technician_user_id)
          .executeTakeFirst()
      : undefined;
    const actor: Actor = user
      ? { ...system, kind: 'user', userId: user.id, displayName: user.display_name }
      : system;
    clock.set(new Date(anchor.getTime() - 2 * HOUR));
    if (
      await tolerate(() =>
        receipts.create(actor, order.id, {
          accessories: ['遥控器', '电源线'],
          condition: '外壳右侧轻微划痕，无缺件',
          signature: SIGNATURE,
        }),
      )
    )
      out.receipts++;
  }
  return out;
}
