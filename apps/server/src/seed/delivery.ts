import { PERMISSIONS } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor, type Actor } from '../platform/auth/actor.ts';
import { businessDateOf } from '../platform/calendar/index.ts';
import { ManualClock } from '../platform/clock/index.ts';
import { DomainError } from '../platform/http/errors.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';

const HOUR = 3_600_000;
/** A 1×1 white PNG: the customer's signature on the demo voucher. */
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

/**
 * Demo deliveries through the delivery services (after seedSales): a crew led by the demo
 * technician 张伟, the oldest stock-checked contracts booked, one of them delivered with the
 * customer's signature, its voucher returned and its installation callback recorded, and the rest
 * planned on the crew's route for their day. Nothing here needs the catalogue (the demo furniture
 * lines that are installed stay booked).
 */
export async function seedDelivery(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<number> {
  const clock = new ManualClock(anchor);
  const { modules } = seedModules(h, clock);
  const delivery = modules.delivery;
  const actor: Actor = systemActor(PERMISSIONS);
  const lead = await h.db
    .selectFrom('technicians')
    .innerJoin('users', 'users.id', 'technicians.user_id')
    .select('technicians.id')
    .where('users.username', '=', 'technician')
    .executeTakeFirst();
  if (!lead) return 0;
  clock.set(new Date(anchor.getTime() - 30 * HOUR));
  const crew = await delivery.crews.create(actor, {
    name: '送装一组',
    leaderTechnicianId: lead.id,
    memberTechnicianIds: [],
  });
  const contracts = (await delivery.bookings.contractsToBook(actor, { limit: 10 })).items;
  const today = businessDateOf(anchor);
  let made = 0;
  let signed = false;
  const dates = new Set<string>();
  for (const c of contracts) {
    if (!c.availableDate) continue;
    // Only a contract without installed lines is signed off here (its goods are not catalogue models).
    const signable = c.lines.every((l) => !l.needsInstallation) && !signed;
    clock.set(new Date(anchor.getTime() - (signable ? 8 : 30) * HOUR));
    const bookedOn = businessDateOf(clock.now());
    const from = signable ? bookedOn : today;
    const date = c.availableDate > from ? c.availableDate : from;
    let booked;
    try {
      booked = await delivery.bookings.book(actor, {
        contractId: c.id,
        date,
        slot: { start: '09:00', end: '12:00' },
        agreedBy: made % 2 ? 'salesperson' : 'center',
        crewId: crew.id,
        lat: null,
        lng: null,
        note: null,
      });
    } catch (err) {
      // A contract whose window the demo anchor does not fit stays in 待预约 for the desk to book.
      if (err instanceof DomainError) continue;
      throw err;
    }
    made++;
    dates.add(booked.date);
    if (!signable) continue;
    signed = true;
    clock.set(new Date(anchor.getTime() - 6 * HOUR));
    let b = await delivery.steps.take(actor, booked.id, {
      action: 'depart',
      version: booked.version,
      calledAhead: true,
      inspectedBeforeLoading: true,
    });
    clock.set(new Date(anchor.getTime() - 5 * HOUR));
    b = await delivery.steps.take(actor, b.id, {
      action: 'deliver',
      version: b.version,
      shoeCovers: true,
      assembledOnPackaging: true,
      cleanedUp: true,
      goodsIntact: true,
      signedBy: c.customerName,
      signature: SIGNATURE,
      serials: [],
    });
    clock.set(new Date(anchor.getTime() - 3 * HOUR));
    b = await delivery.steps.take(actor, b.id, { action: 'return_voucher', version: b.version });
    clock.set(new Date(anchor.getTime() - 2 * HOUR));
    await delivery.steps.take(actor, b.id, {
      action: 'record_callback',
      version: b.version,
      satisfaction: 5,
      note: '送装准时，师傅穿鞋套、清理干净',
    });
  }
  clock.set(anchor);
  for (const d of dates) await delivery.crews.planDay(actor, d);
  return made;
}
