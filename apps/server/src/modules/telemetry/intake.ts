import type { TelemetryBatch, TelemetryIntakeResult } from '@anxin/contracts';
import { lockKey, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { TelemetryContext } from './context.ts';
import { foldFirings } from './domain/fold.ts';
import { evaluate, historyNeeded, type ReadingFacts, type RuleSpec } from './domain/rules.ts';
import type { DeviceRecord } from './telemetry.repository.ts';
import { ALERT_STREAM, DEVICE_STREAM, TELEMETRY_EVENTS } from './telemetry.events.ts';
import { telemetryPolicy } from './telemetry.settings.ts';

export const OPEN_ORDER_TOPIC = 'telemetry.open_order';
export interface OpenOrderPayload {
  alertId: string;
}

const maxOf = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.max(...v) : null;
};

/**
 * One batch from one device, in one transaction under the device's lock (batches of a device are
 * taken one at a time; other devices are not held up): store the readings not stored before, move
 * the device's latest state, evaluate the active rules on the new readings and fold each firing into
 * the open alert of its problem. An alert raised here queues its order as an outbox message in the
 * same transaction, so an alert gets its order if and only if it commits, and only once.
 */
export async function takeBatch(
  ctx: TelemetryContext,
  device: DeviceRecord,
  batch: TelemetryBatch,
): Promise<TelemetryIntakeResult> {
  const policy = await telemetryPolicy(ctx.db);
  if (batch.readings.length > policy.maxBatch)
    throw refuse('telemetry.batch_too_large', { limit: policy.maxBatch }, { path: 'readings' });
  const rules: RuleSpec[] = await ctx.repo.listRules(true);
  const now = ctx.clock.now();
  const at = now.toISOString();
  // One message id once per batch too (the first wins), oldest first for the evaluation.
  const seen = new Set<string>();
  const rows = batch.readings
    .filter((r) => !seen.has(r.messageId) && !!seen.add(r.messageId))
    .map((r) => ({
      id: newId(),
      messageId: r.messageId,
      at: new Date(r.at).toISOString(),
      runningHours: r.runningHours ?? null,
      faultCodes: r.faultCodes ?? [],
      metrics: r.metrics ?? {},
    }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.messageId.localeCompare(b.messageId));
  const result = await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    await lockKey(trx, ctx.dialect, `telemetry-device:${device.id}`);
    const current = (await ctx.repo.findDevice(device.id, trx)) ?? device;
    const stored = await ctx.repo.insertReadings(trx, device.id, rows, at);
    const fresh: ReadingFacts[] = rows.filter((r) => stored.has(r.id));
    const duplicates = batch.readings.length - fresh.length;
    if (!fresh.length) return { accepted: 0, duplicates, alerts: [] };
    const history = await ctx.repo.history(trx, device.id, historyNeeded(rules, policy.consecutiveDefault), [
      ...stored,
    ]);
    const hours = maxOf([current.runningHours, ...fresh.map((r) => r.runningHours)]);
    const last = [current.lastSeenAt, fresh.at(-1)!.at]
      .filter((x): x is string => !!x)
      .sort()
      .at(-1)!;
    await ctx.repo.recordSeen(trx, device.id, hours, last);
    await appendEvent(trx, {
      streamType: DEVICE_STREAM,
      streamId: device.id,
      type: TELEMETRY_EVENTS.type.readings_received,
      actor: SYSTEM,
      at: now,
      data: { accepted: fresh.length, duplicates },
    });
    const firings = foldFirings(
      evaluate({
        deviceId: device.id,
        device: current,
        rules,
        history,
        fresh,
        previousHours: current.runningHours,
        consecutiveDefault: policy.consecutiveDefault,
      }),
    );
    const alerts: TelemetryIntakeResult['alerts'] = [];
    for (const f of firings) {
      const a = await ctx.repo.upsertAlert(trx, newId(), device.id, f);
      alerts.push({ id: a.id, raised: a.raised });
      const e = { streamType: ALERT_STREAM, streamId: a.id, actor: SYSTEM, at: now } as const;
      if (!a.raised) {
        await appendEvent(trx, { ...e, type: TELEMETRY_EVENTS.type.alert_updated, data: { count: a.count } });
        continue;
      }
      await appendEvent(trx, {
        ...e,
        type: TELEMETRY_EVENTS.type.alert_raised,
        data: { deviceId: device.id, ruleId: f.ruleId, dedupeKey: f.dedupeKey },
      });
      await enqueueOutbox<OpenOrderPayload>(trx, {
        topic: OPEN_ORDER_TOPIC,
        payload: { alertId: a.id },
        dedupeKey: `telemetry-order:${a.id}`,
        at: now,
      });
      afterCommit(ctx.nudgeOutbox);
    }
    return { accepted: fresh.length, duplicates, alerts };
  });
  return result;
}
