import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { EventActor } from '../../platform/events/append.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { newId } from '../../platform/ids/index.ts';
import { TECHNICIAN_EVENTS } from './network.events.ts';
import type { OutletsTable } from './network.schema.ts';

type Db = Kysely<Database>;

/** A certification another module grants (training: a passed course). */
export interface CertificationGrant {
  technicianId: string;
  /** The certification's name; a grant with the same name and category renews it. */
  name: string;
  number: string | null;
  categoryCode: string | null;
  issuedOn: string;
  expiresOn: string;
  /** Why (e.g. `training:<courseId>`), kept on the event. */
  source: string;
}

/**
 * Grants or renews a technician's certification inside the caller's transaction: the same name and
 * category is renewed (issue and expiry dates move on, the id stays), otherwise a new one is added.
 * Appends `technician.certification_granted` in the same transaction.
 */
export async function grantCertification(
  trx: Db,
  g: CertificationGrant,
  actor: EventActor,
  at: Date,
): Promise<{ id: string; renewed: boolean }> {
  let q = trx
    .selectFrom('technician_certifications')
    .select(['id', 'expires_on'])
    .where('technician_id', '=', g.technicianId)
    .where('name', '=', g.name);
  q =
    g.categoryCode === null
      ? q.where('category_code', 'is', null)
      : q.where('category_code', '=', g.categoryCode);
  const existing = await q.executeTakeFirst();
  const id = existing?.id ?? newId();
  if (existing)
    await trx
      .updateTable('technician_certifications')
      .set({ issued_on: g.issuedOn, expires_on: g.expiresOn, number: g.number })
      .where('id', '=', id)
      .execute();
  else
    await trx
      .insertInto('technician_certifications')
      .values({
        id,
        technician_id: g.technicianId,
        name: g.name,
        number: g.number,
        category_code: g.categoryCode,
        issued_on: g.issuedOn,
        expires_on: g.expiresOn,
      })
      .execute();
  await appendEvent(trx, {
    streamType: 'technician',
    streamId: g.technicianId,
    type: TECHNICIAN_EVENTS.type.certification_granted,
    actor,
    at,
    data: {
      certificationId: id,
      renewed: !!existing,
      previousExpiresOn: existing?.expires_on ?? null,
      name: g.name,
      categoryCode: g.categoryCode,
      issuedOn: g.issuedOn,
      expiresOn: g.expiresOn,
      source: g.source,
    },
  });
  return { id, renewed: !!existing };
}

/** Certifications of technicians (optionally of one category), for training and dispatch checks. */
export async function certificationsOf(
  db: Db,
  technicianIds: readonly string[],
  categoryCode?: string,
): Promise<
  {
    technicianId: string;
    name: string;
    number: string | null;
    categoryCode: string | null;
    issuedOn: string;
    expiresOn: string | null;
  }[]
> {
  if (!technicianIds.length) return [];
  let q = db
    .selectFrom('technician_certifications')
    .selectAll()
    .where('technician_id', 'in', [...technicianIds]);
  if (categoryCode) q = q.where('category_code', '=', categoryCode);
  const rows = await q.orderBy('issued_on').orderBy('id').execute();
  return rows.map((r) => ({
    technicianId: r.technician_id,
    name: r.name,
    number: r.number,
    categoryCode: r.category_code,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
  }));
}

/**
 * Every technician with their outlet and user account (training resolves assignments on it);
 * with a scope, only those the actor may see (their outlet, their regions' outlets, themself).
 */
export async function technicianRoster(
  db: Db,
  scope?: ActorScope,
): Promise<
  {
    id: string;
    name: string;
    outletId: string | null;
    outletName: string | null;
    userId: string | null;
    active: boolean;
  }[]
> {
  let q = db
    .selectFrom('technicians')
    .leftJoin('outlets as o', 'o.id', 'technicians.outlet_id')
    .select([
      'technicians.id',
      'technicians.name',
      'technicians.outlet_id',
      'o.name as outlet_name',
      'technicians.user_id',
      'technicians.active',
    ]);
  if (scope)
    q = q.where(
      scopeFilter<Database & { o: OutletsTable }, 'technicians' | 'o'>(scope, {
        outlet: 'technicians.outlet_id',
        region: 'o.district_code',
        own: ['technicians.user_id'],
      }),
    );
  const rows = await q.orderBy('technicians.name').orderBy('technicians.id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    outletId: r.outlet_id,
    outletName: r.outlet_name,
    userId: r.user_id,
    active: r.active === 1,
  }));
}
