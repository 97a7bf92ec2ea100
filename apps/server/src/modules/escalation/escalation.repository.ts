import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { CLOSED_STATUSES } from '@anxin/contracts';
import type { EscalationsTable, ParticipantRole, WorkOrderParticipantsTable } from './escalation.schema.ts';
import { SLA_EVENTS } from '../sla/sla.events.ts';
import { activeUserIds, activeUsersInRole, userNames } from '../identity/index.ts';

type Db = Kysely<Database>;

/** A person who could take an escalated order, with how many open escalated orders they hold. */
export interface Candidate {
  userId: string;
  name: string;
  role: ParticipantRole;
  load: number;
}

/** An SLA breach event on an open order that has not been escalated for yet. */
export interface PendingSlaBreach {
  eventId: string;
  orderId: string;
  /** The breached metric named in the event data, when it names one. */
  metric: string | null;
}

/** The only SQL of the escalation module. */
export class EscalationRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async insertEscalation(trx: Db, row: EscalationsTable): Promise<void> {
    await trx.insertInto('escalations').values(row).execute();
  }

  /** Adds (or keeps) a participant; the first escalation that brought them in is kept. */
  async addParticipant(trx: Db, row: WorkOrderParticipantsTable): Promise<void> {
    await trx
      .insertInto('work_order_participants')
      .values(row)
      .onConflict((oc) => oc.columns(['order_id', 'user_id']).doNothing())
      .execute();
  }

  async isParticipant(orderId: string, userId: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('work_order_participants')
      .select('user_id')
      .where('order_id', '=', orderId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return !!r;
  }

  async triggerUsed(ref: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('escalations')
      .select('id')
      .where('trigger_ref', '=', ref)
      .executeTakeFirst();
    return !!r;
  }

  async listForOrder(orderId: string) {
    const rows = await this.db
      .selectFrom('escalations as e')
      .leftJoin('work_order_participants as p', (j) =>
        j.onRef('p.order_id', '=', 'e.order_id').onRef('p.user_id', '=', 'e.assignee_user_id'),
      )
      .select([
        'e.id',
        'e.from_tier',
        'e.to_tier',
        'e.reason',
        'e.auto',
        'e.escalated_by',
        'e.assignee_user_id',
        'e.created_at',
        'p.role as assignee_role',
      ])
      .where('e.order_id', '=', orderId)
      .orderBy('e.created_at')
      .orderBy('e.id')
      .execute();
    const names = await userNames(
      this.db,
      rows.flatMap((r) => (r.assignee_user_id ? [r.assignee_user_id] : [])),
    );
    return rows.map((r) => ({
      ...r,
      assignee_name: r.assignee_user_id ? (names.get(r.assignee_user_id) ?? null) : null,
    }));
  }

  /** The parent dealer of an outlet (null when the outlet reports to the centre directly). */
  async parentOf(outletId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('outlets')
      .select('parent_id')
      .where('id', '=', outletId)
      .executeTakeFirst();
    return r?.parent_id ?? null;
  }

  /** Active technicians of a tier (optionally of one outlet or province) who can sign in. */
  async techniciansOfTier(
    tier: number,
    where: { outletId?: string; provinceCode?: string; hqOnly?: boolean },
    role: ParticipantRole,
  ): Promise<Candidate[]> {
    let q = this.db
      .selectFrom('technicians as t')
      .select(['t.user_id', 't.name', 't.province_code'])
      .where('t.tier', '=', tier)
      .where('t.active', '=', 1)
      .where('t.user_id', 'is not', null);
    if (where.outletId) q = q.where('t.outlet_id', '=', where.outletId);
    if (where.hqOnly) q = q.where('t.outlet_id', 'is', null);
    // Province codes are kept as `44` or `440000`: compare the two-digit province part.
    const province = where.provinceCode?.slice(0, 2);
    const found = await q.execute();
    const canSignIn = await activeUserIds(
      this.db,
      found.map((r) => r.user_id!),
    );
    const rows = found.filter(
      (r) => canSignIn.has(r.user_id!) && (!province || r.province_code?.slice(0, 2) === province),
    );
    return this.withLoad(rows.map((r) => ({ userId: r.user_id!, name: r.name, role })));
  }

  /** Active outlet managers of one outlet or dealer. */
  async managersOf(outletId: string, role: ParticipantRole): Promise<Candidate[]> {
    const managers = await activeUsersInRole(this.db, 'outlet_manager', outletId);
    return this.withLoad(managers.map((m) => ({ userId: m.id, name: m.displayName, role })));
  }

  /** Load = open orders each person already takes part in (one grouped query). */
  private async withLoad(people: Omit<Candidate, 'load'>[]): Promise<Candidate[]> {
    if (!people.length) return [];
    const rows = await this.db
      .selectFrom('work_order_participants as p')
      .innerJoin('work_orders as o', 'o.id', 'p.order_id')
      .select(['p.user_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where(
        'p.user_id',
        'in',
        people.map((p) => p.userId),
      )
      .where('o.status', 'not in', CLOSED_STATUSES)
      .groupBy('p.user_id')
      .execute();
    const load = new Map(rows.map((r) => [r.user_id, Number(r.n)]));
    return people.map((p) => ({ ...p, load: load.get(p.userId) ?? 0 }));
  }

  /**
   * SLA breaches since `sinceIso` on open orders below the top tier that have not been escalated
   * for yet (the trigger ref is `sla:<event id>`), oldest first.
   */
  /** SLA breaches not yet escalated for, with the breached metric decoded from the event data. */
  async pendingSlaBreaches(sinceIso: string, limit: number): Promise<PendingSlaBreach[]> {
    const rows = await this.db
      .selectFrom('events as e')
      .innerJoin('work_orders as o', 'o.id', 'e.stream_id')
      .select(['e.id', 'e.stream_id as order_id', 'e.data'])
      .where('e.type', '=', SLA_EVENTS.type.breached)
      .where('e.stream_type', '=', 'work_order')
      .where('e.occurred_at', '>=', sinceIso)
      .where('o.status', 'not in', CLOSED_STATUSES)
      .where('o.escalation_tier', '<', 4)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('escalations as x')
              .select(sql.lit(1).as('one'))
              .where('x.trigger_ref', '=', sql<string>`'sla:' || ${sql.ref('e.id')}`),
          ),
        ),
      )
      .orderBy('e.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      eventId: r.id,
      orderId: r.order_id,
      metric: (JSON.parse(r.data) as { metric?: string }).metric ?? null,
    }));
  }
}
