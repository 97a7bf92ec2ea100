import type { Kysely } from 'kysely';
import type { EscalationList, WorkOrderDetail } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { isUniqueViolation } from '../../platform/db/transaction.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Logger } from '../../platform/logging/index.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { WorkOrder, WorkOrdersService } from '../workorders/index.ts';
import { DEFAULT_ESCALATION_POLICY, ESCALATION_POLICY_KEY, EscalationPolicySchema } from './domain/policy.ts';
import { leastLoaded } from './domain/tiers.ts';
import { noticeText } from './domain/reasons.ts';
import type { Candidate, EscalationRepository } from './escalation.repository.ts';
import type { EscalationTrigger } from './escalation.schema.ts';

/** In-app notice to one user (the person an order was escalated to); handled in index.ts. */
export const ESCALATION_NOTIFY_TOPIC = 'escalation.notify_user';
export interface UserNotice {
  userId: string;
  title: string;
  body: string;
  ref: string;
}

export interface EscalationDeps {
  db: Kysely<Database>;
  clock: Clock;
  repo: EscalationRepository;
  workOrders: WorkOrdersService;
  logger: Logger;
}

export interface EscalateOptions {
  reason: string;
  /** Manual escalation: the version the caller saw. */
  version?: number | undefined;
  auto?: 'sla_breach' | 'failed_repair' | undefined;
  /** Automatic triggers: at most one escalation per ref. */
  triggerRef?: string | undefined;
}

export type AutoOutcome = 'escalated' | 'duplicate' | 'skipped';

/** Raises orders through the four tiers and brings the tier's person in as a participant. */
export class EscalationService {
  private readonly d: EscalationDeps;

  constructor(deps: EscalationDeps) {
    this.d = deps;
  }

  escalate(
    actor: Actor,
    orderId: string,
    opts: EscalateOptions,
    requestId: string | null = null,
  ): Promise<WorkOrderDetail> {
    const id = newId();
    const now = this.d.clock.now();
    let assignee: Candidate | null = null;
    const trigger: EscalationTrigger = opts.auto ?? 'manual';
    return this.d.workOrders.escalate(
      actor,
      orderId,
      {
        reason: opts.reason,
        version: opts.version,
        auto: opts.auto,
        isParticipant: (o) => this.d.repo.isParticipant(o.id, actor.userId),
        plan: async (order, toTier) => {
          assignee = await this.pick(order, toTier);
          return {
            escalationId: id,
            assignee: assignee && { userId: assignee.userId, name: assignee.name, role: assignee.role },
          };
        },
        within: async (trx, order, toTier) => {
          await this.d.repo.insertEscalation(trx, {
            id,
            order_id: order.id,
            from_tier: order.escalationTier,
            to_tier: toTier,
            reason: opts.reason,
            auto: trigger,
            trigger_ref: opts.triggerRef ?? null,
            escalated_by: actor.kind === 'system' ? null : actor.userId,
            assignee_user_id: assignee?.userId ?? null,
            created_at: now.toISOString(),
          });
          const title = `工单升级 T${toTier}: ${order.number}`;
          const ref = `workorder:${order.id}`;
          if (assignee) {
            await this.d.repo.addParticipant(trx, {
              order_id: order.id,
              user_id: assignee.userId,
              role: assignee.role,
              reason: opts.reason,
              added_at: now.toISOString(),
            });
            const notice: UserNotice = { userId: assignee.userId, title, body: noticeText(opts.reason), ref };
            await enqueueOutbox(trx, {
              topic: ESCALATION_NOTIFY_TOPIC,
              payload: notice,
              at: now,
              dedupeKey: `escalation:${id}`,
            });
          } else {
            // Nobody of that tier is on file: the dispatch desk must find someone.
            await notifyRole(
              trx,
              now,
              {
                role: 'dispatcher',
                title,
                body: `${noticeText(opts.reason)}（T${toTier} 无人在岗）`,
                event: 'escalation.unstaffed',
                params: { number: order.number, tier: String(toTier), reason: noticeText(opts.reason) },
                ref,
              },
              `escalation:${id}`,
            );
          }
        },
      },
      requestId,
    );
  }

  /**
   * Automatic escalation (SLA breach, failed repair) as the system: idempotent per trigger ref,
   * and quiet when there is nothing to do (order closed, already at the top tier).
   */
  async auto(
    actor: Actor,
    orderId: string,
    reason: string,
    auto: 'sla_breach' | 'failed_repair',
    triggerRef: string,
  ): Promise<AutoOutcome> {
    const policy = (
      await readSetting(this.d.db, ESCALATION_POLICY_KEY, EscalationPolicySchema, DEFAULT_ESCALATION_POLICY)
    ).value;
    if (auto === 'sla_breach' ? !policy.autoOnSlaBreach : !policy.autoOnFailedRepair) return 'skipped';
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.d.repo.triggerUsed(triggerRef)) return 'duplicate';
      try {
        await this.escalate(actor, orderId, { reason, auto, triggerRef });
        return 'escalated';
      } catch (err) {
        if (isUniqueViolation(err)) return 'duplicate';
        if (err instanceof DomainError) {
          // A concurrent change of the order: read it again and retry.
          if (err.code === 'resource.version_conflict') continue;
          if (
            err.code === 'workorder.escalation_not_allowed' ||
            err.code === 'workorder.max_escalation_tier' ||
            err.code === 'resource.not_found'
          ) {
            this.d.logger.info({ orderId, auto, code: err.code }, 'escalation: nothing to escalate');
            return 'skipped';
          }
        }
        throw err;
      }
    }
    return 'skipped';
  }

  /** Escalates once for every SLA breach within the look-back window not yet escalated for. */
  async sweepSlaBreaches(actor: Actor): Promise<{ escalated: number }> {
    const policy = (
      await readSetting(this.d.db, ESCALATION_POLICY_KEY, EscalationPolicySchema, DEFAULT_ESCALATION_POLICY)
    ).value;
    if (!policy.autoOnSlaBreach) return { escalated: 0 };
    const since = new Date(this.d.clock.now().getTime() - policy.slaLookbackHours * 3_600_000);
    let escalated = 0;
    const breaches = await this.d.repo.pendingSlaBreaches(since.toISOString(), 200);
    for (const b of breaches) {
      // A reason code, not prose: the web reads it in each person's language (`sla_breached_response`
      // → 响应超时), and the assignee's notice names it in words (slaNoticeText).
      const out = await this.auto(
        actor,
        b.orderId,
        `sla_breached_${b.metric ?? 'sla'}`,
        'sla_breach',
        `sla:${b.eventId}`,
      );
      if (out === 'escalated') escalated++;
    }
    return { escalated };
  }

  async list(actor: Actor, orderId: string): Promise<EscalationList> {
    const order = await this.d.workOrders.findInScope(actor, orderId);
    if (!order) throw notFound('work order', orderId);
    const rows = await this.d.repo.listForOrder(orderId);
    return {
      tier: order.escalationTier,
      items: rows.map((r) => ({
        id: r.id,
        fromTier: r.from_tier,
        toTier: r.to_tier,
        reason: r.reason,
        auto: r.auto,
        escalatedBy: r.escalated_by,
        assignee:
          r.assignee_user_id && r.assignee_role
            ? { userId: r.assignee_user_id, name: r.assignee_name ?? '', role: r.assignee_role }
            : null,
        createdAt: r.created_at,
      })),
    };
  }

  /** The person of the next tier: tier 2 the outlet's senior technician, else its dealer's or its own manager. */
  private async pick(order: WorkOrder, toTier: number): Promise<Candidate | null> {
    const repo = this.d.repo;
    if (toTier === 2) {
      if (!order.outletId) return null;
      const senior = leastLoaded(
        await repo.techniciansOfTier(2, { outletId: order.outletId }, 'outlet_senior'),
      );
      if (senior) return senior;
      const parent = await repo.parentOf(order.outletId);
      const dealer = parent ? leastLoaded(await repo.managersOf(parent, 'dealer')) : null;
      return dealer ?? leastLoaded(await repo.managersOf(order.outletId, 'outlet_senior'));
    }
    if (toTier === 3) {
      if (!order.provinceCode) return null;
      return leastLoaded(
        await repo.techniciansOfTier(3, { provinceCode: order.provinceCode, hqOnly: true }, 'field_engineer'),
      );
    }
    return leastLoaded(await repo.techniciansOfTier(4, { hqOnly: true }, 'expert'));
  }
}
