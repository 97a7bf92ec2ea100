import type { Alert, AlertQuery } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { decodeCursor, pageFrom } from '../../platform/http/keyset.ts';
import type { Db } from '../../platform/db/types.ts';
import type { TelemetryContext } from './context.ts';
import { canStep } from './domain/alert-state.ts';
import type { AlertRecord } from './telemetry.repository.ts';
import { ALERT_STREAM, TELEMETRY_EVENTS } from './telemetry.events.ts';

/** The one order of the alerts list (the cursor belongs to it). */
const SORT = '-last_seen_at';

/** Alerts: the list, acknowledging, resolving by hand and when the alert's order closes. */
export class AlertsService {
  private readonly ctx: TelemetryContext;
  constructor(ctx: TelemetryContext) {
    this.ctx = ctx;
  }

  /** Alerts of the devices the reader's data scope covers, newest activity first, a page at a time. */
  async list(actor: Actor, q: AlertQuery): Promise<{ items: Alert[]; nextCursor: string | null }> {
    const rows = await this.ctx.repo.listAlerts(actor.scope, {
      ...q,
      after: decodeCursor(q.cursor, SORT, 1),
      limit: q.limit + 1,
    });
    const { page, nextCursor } = pageFrom(rows, q.limit, SORT, (a) => ({ keys: [a.lastSeenAt], id: a.id }));
    return { items: await this.view(page), nextCursor };
  }

  /** The rows with their device, rule and customer labels. */
  private async view(rows: AlertRecord[]): Promise<Alert[]> {
    const devices = await this.ctx.repo.deviceSerials([...new Set(rows.map((r) => r.deviceId))]);
    const rules = new Map((await this.ctx.repo.listRules()).map((r) => [r.id, r]));
    const labels = await this.ctx.ports.productLabels([
      ...new Set([...devices.values()].map((d) => d.productId)),
    ]);
    return rows.flatMap((a) => {
      const d = devices.get(a.deviceId);
      if (!d) return [];
      const rule = rules.get(a.ruleId);
      const { dedupeKey: _, ...rest } = a;
      return [
        {
          ...rest,
          deviceSerial: d.serial,
          productId: d.productId,
          customerId: d.customerId,
          customerName: labels.get(d.productId)?.customerName ?? null,
          ruleName: rule?.name ?? '',
          kind: rule?.condition.kind ?? 'fault_code',
        },
      ];
    });
  }

  async get(actor: Actor, id: string): Promise<Alert> {
    const [found] = await this.view(await this.ctx.repo.listAlerts(actor.scope, { id, limit: 1 }));
    if (!found) throw notFound('alert', id);
    return found;
  }

  private async find(id: string): Promise<AlertRecord> {
    const a = await this.ctx.repo.findAlert(id);
    if (!a) throw notFound('alert', id);
    return a;
  }

  async acknowledge(actor: Actor, id: string, version: number): Promise<Alert> {
    const a = await this.find(id);
    if (!canStep('acknowledge', a.state)) throw refuse('telemetry.alert_resolved', {});
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.acknowledge(trx, id, version))) throw versionConflict('alert', id, version);
      await appendEvent(trx, {
        streamType: ALERT_STREAM,
        streamId: id,
        type: TELEMETRY_EVENTS.type.alert_acknowledged,
        actor: eventActorOf(actor),
        at: now,
        data: {},
      });
    });
    return this.get(actor, id);
  }

  /** Resolves by hand (the order, if any, goes on by itself); a later firing opens a new alert. */
  async resolve(actor: Actor, id: string, version: number): Promise<Alert> {
    const a = await this.find(id);
    if (!canStep('resolve', a.state)) throw refuse('telemetry.alert_resolved', {});
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.resolve(trx, id, now.toISOString(), 'manual', version)))
        throw versionConflict('alert', id, version);
      await appendEvent(trx, {
        streamType: ALERT_STREAM,
        streamId: id,
        type: TELEMETRY_EVENTS.type.alert_resolved,
        actor: eventActorOf(actor),
        at: now,
        data: { resolution: 'manual', workOrderId: a.workOrderId },
      });
    });
    return this.get(actor, id);
  }
}

/** In the order's closing (or cancelling) transaction: its alerts are resolved with it. */
export async function resolveAlertsOfOrder(
  ctx: TelemetryContext,
  trx: Db,
  orderId: string,
  now: Date,
): Promise<number> {
  let n = 0;
  for (const a of await ctx.repo.openAlertsOfOrder(trx, orderId)) {
    if (!(await ctx.repo.resolve(trx, a.id, now.toISOString(), 'order_closed'))) continue;
    n++;
    await appendEvent(trx, {
      streamType: ALERT_STREAM,
      streamId: a.id,
      type: TELEMETRY_EVENTS.type.alert_resolved,
      actor: SYSTEM,
      at: now,
      data: { resolution: 'order_closed', workOrderId: orderId },
    });
  }
  return n;
}
