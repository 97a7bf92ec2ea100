import type { AlertRule, AlertState, RuleCondition } from '@anxin/contracts';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/types.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { KeysetPos } from '../../platform/http/keyset.ts';
import type { ReadingFacts } from './domain/rules.ts';
import type { FoldedFiring } from './domain/fold.ts';
import type { TelemetryAlertsTable, TelemetryDevicesTable, TelemetryRulesTable } from './telemetry.schema.ts';

export interface DeviceRecord {
  id: string;
  productId: string;
  customerId: string;
  modelId: string;
  categoryCode: string;
  districtCode: string | null;
  serial: string;
  label: string;
  state: 'active' | 'revoked';
  tokenHint: string | null;
  tokenIssuedAt: string | null;
  runningHours: number | null;
  lastSeenAt: string | null;
  version: number;
  createdAt: string;
}

export interface AlertRecord {
  id: string;
  deviceId: string;
  ruleId: string;
  faultCode: string | null;
  dedupeKey: string;
  state: AlertState;
  severity: TelemetryAlertsTable['severity'];
  count: number;
  lastValue: number | null;
  firstSeenAt: string;
  lastSeenAt: string;
  workOrderId: string | null;
  workOrderNumber: string | null;
  resolvedAt: string | null;
  resolution: 'order_closed' | 'manual' | null;
  version: number;
}

export type RuleFields = Omit<AlertRule, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

const toDevice = (r: Selectable<TelemetryDevicesTable>): DeviceRecord => ({
  id: r.id,
  productId: r.product_id,
  customerId: r.customer_id,
  modelId: r.model_id,
  categoryCode: r.category_code,
  districtCode: r.district_code,
  serial: r.serial,
  label: r.label,
  state: r.state,
  tokenHint: r.token_hint,
  tokenIssuedAt: r.token_issued_at,
  runningHours: r.running_hours === null ? null : Number(r.running_hours),
  lastSeenAt: r.last_seen_at,
  version: r.version,
  createdAt: r.created_at,
});

const toRule = (r: Selectable<TelemetryRulesTable>): AlertRule => ({
  id: r.id,
  name: r.name,
  condition: JSON.parse(r.condition) as RuleCondition,
  severity: r.severity,
  orderType: r.order_type,
  modelId: r.model_id,
  categoryCode: r.category_code,
  active: r.active === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toAlert = (r: Selectable<TelemetryAlertsTable>): AlertRecord => ({
  id: r.id,
  deviceId: r.device_id,
  ruleId: r.rule_id,
  faultCode: r.fault_code,
  dedupeKey: r.dedupe_key,
  state: r.state,
  severity: r.severity,
  count: Number(r.count),
  lastValue: r.last_value === null ? null : Number(r.last_value),
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  workOrderId: r.work_order_id,
  workOrderNumber: r.work_order_number,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
  version: r.version,
});

const ruleColumns = (f: RuleFields) => ({
  name: f.name,
  kind: f.condition.kind,
  condition: JSON.stringify(f.condition),
  severity: f.severity,
  order_type: f.orderType,
  model_id: f.modelId,
  category_code: f.categoryCode,
  active: f.active ? 1 : 0,
});

/** The only reader and writer of the telemetry tables. */
export class TelemetryRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  // ---------- devices ----------

  async insertDevice(
    trx: Db,
    d: Omit<DeviceRecord, 'runningHours' | 'lastSeenAt' | 'version' | 'state'> & { tokenHash: string },
  ): Promise<void> {
    await trx
      .insertInto('telemetry_devices')
      .values({
        id: d.id,
        product_id: d.productId,
        customer_id: d.customerId,
        model_id: d.modelId,
        category_code: d.categoryCode,
        district_code: d.districtCode,
        serial: d.serial,
        label: d.label,
        state: 'active',
        token_hash: d.tokenHash,
        token_hint: d.tokenHint,
        token_issued_at: d.tokenIssuedAt,
        running_hours: null,
        last_seen_at: null,
        version: 1,
        created_at: d.createdAt,
        updated_at: d.createdAt,
      })
      .execute();
  }

  async serialTaken(serial: string, db: Db = this.db): Promise<boolean> {
    return !!(await db
      .selectFrom('telemetry_devices')
      .select('id')
      .where('serial', '=', serial)
      .executeTakeFirst());
  }

  async findDevice(id: string, db: Db = this.db): Promise<DeviceRecord | undefined> {
    const r = await db.selectFrom('telemetry_devices').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toDevice(r) : undefined;
  }

  /** The active device holding this token hash (a revoked device has none). */
  async findDeviceByToken(hash: string): Promise<DeviceRecord | undefined> {
    const r = await this.db
      .selectFrom('telemetry_devices')
      .selectAll()
      .where('token_hash', '=', hash)
      .where('state', '=', 'active')
      .executeTakeFirst();
    return r ? toDevice(r) : undefined;
  }

  async listDevices(): Promise<DeviceRecord[]> {
    const rows = await this.db
      .selectFrom('telemetry_devices')
      .selectAll()
      .orderBy('serial')
      .limit(500)
      .execute();
    return rows.map(toDevice);
  }

  /** A new token (rotation, or re-issue after revocation) makes the device active again. */
  async setToken(trx: Db, id: string, hash: string, hint: string, at: string): Promise<void> {
    await trx
      .updateTable('telemetry_devices')
      .set((e) => ({
        token_hash: hash,
        token_hint: hint,
        token_issued_at: at,
        state: 'active',
        version: e('version', '+', 1),
        updated_at: at,
      }))
      .where('id', '=', id)
      .execute();
  }

  async revoke(trx: Db, id: string, at: string): Promise<void> {
    await trx
      .updateTable('telemetry_devices')
      .set((e) => ({
        token_hash: null,
        state: 'revoked',
        version: e('version', '+', 1),
        updated_at: at,
      }))
      .where('id', '=', id)
      .execute();
  }

  /** The latest state (the caller holds the device's lock and computed the maxima). */
  async recordSeen(trx: Db, id: string, hours: number | null, lastAt: string | null): Promise<void> {
    await trx
      .updateTable('telemetry_devices')
      .set({ running_hours: hours, last_seen_at: lastAt })
      .where('id', '=', id)
      .execute();
  }

  // ---------- readings ----------

  /** Stores the readings not stored before (by message id); returns the ids of those stored now. */
  async insertReadings(
    trx: Db,
    deviceId: string,
    rows: (ReadingFacts & { id: string; messageId: string })[],
    at: string,
  ): Promise<Set<string>> {
    const stored = new Set<string>();
    for (const r of rows) {
      const x = await trx
        .insertInto('telemetry_readings')
        .values({
          id: r.id,
          device_id: deviceId,
          message_id: r.messageId,
          at: r.at,
          running_hours: r.runningHours,
          fault_codes: JSON.stringify(r.faultCodes),
          metrics: JSON.stringify(r.metrics),
          received_at: at,
        })
        .onConflict((oc) => oc.columns(['device_id', 'message_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (x) stored.add(x.id);
    }
    return stored;
  }

  /** The `n` latest readings stored before this batch, oldest first. */
  async history(trx: Db, deviceId: string, n: number, exclude: string[]): Promise<ReadingFacts[]> {
    if (n <= 0) return [];
    let q = trx
      .selectFrom('telemetry_readings')
      .select(['at', 'running_hours', 'fault_codes', 'metrics'])
      .where('device_id', '=', deviceId);
    if (exclude.length) q = q.where('id', 'not in', exclude);
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(n).execute();
    return rows.reverse().map((r) => ({
      at: r.at,
      runningHours: r.running_hours === null ? null : Number(r.running_hours),
      faultCodes: JSON.parse(r.fault_codes) as string[],
      metrics: JSON.parse(r.metrics) as Record<string, number>,
    }));
  }

  // ---------- rules ----------

  async listRules(activeOnly = false): Promise<AlertRule[]> {
    let q = this.db.selectFrom('telemetry_rules').selectAll();
    if (activeOnly) q = q.where('active', '=', 1);
    return (await q.orderBy('name').orderBy('id').execute()).map(toRule);
  }

  async findRule(id: string): Promise<AlertRule | undefined> {
    const r = await this.db.selectFrom('telemetry_rules').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toRule(r) : undefined;
  }

  async insertRule(trx: Db, id: string, f: RuleFields, at: string): Promise<void> {
    await trx
      .insertInto('telemetry_rules')
      .values({ id, ...ruleColumns(f), version: 1, created_at: at, updated_at: at })
      .execute();
  }

  async updateRule(trx: Db, id: string, version: number, f: RuleFields, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('telemetry_rules')
      .set({ ...ruleColumns(f), version: version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---------- alerts ----------

  /**
   * Folds firings into the open alert of their key, or opens one: one statement on the unique
   * `open_key`, so parallel batches meet in the index and only one of them inserts. Returns the
   * alert id and whether this call raised it.
   */
  async upsertAlert(
    trx: Db,
    newId: string,
    deviceId: string,
    f: FoldedFiring,
  ): Promise<{ id: string; raised: boolean; count: number }> {
    const r = await trx
      .insertInto('telemetry_alerts')
      .values({
        id: newId,
        device_id: deviceId,
        rule_id: f.ruleId,
        fault_code: f.faultCode,
        dedupe_key: f.dedupeKey,
        open_key: f.dedupeKey,
        state: 'open',
        severity: f.severity,
        count: f.count,
        last_value: f.lastValue,
        first_seen_at: f.firstAt,
        last_seen_at: f.lastAt,
        order_claimed_at: null,
        work_order_id: null,
        work_order_number: null,
        resolved_at: null,
        resolution: null,
        version: 1,
      })
      .onConflict((oc) =>
        oc.column('open_key').doUpdateSet({
          count: sql`telemetry_alerts.count + ${f.count}`,
          last_value: sql`case when excluded.last_seen_at >= telemetry_alerts.last_seen_at then excluded.last_value else telemetry_alerts.last_value end`,
          last_seen_at: sql`case when excluded.last_seen_at > telemetry_alerts.last_seen_at then excluded.last_seen_at else telemetry_alerts.last_seen_at end`,
          version: sql`telemetry_alerts.version + 1`,
        }),
      )
      .returning(['id', 'count'])
      .executeTakeFirstOrThrow();
    return { id: r.id, raised: r.id === newId, count: Number(r.count) };
  }

  async findAlert(id: string, db: Db = this.db): Promise<AlertRecord | undefined> {
    const r = await db.selectFrom('telemetry_alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAlert(r) : undefined;
  }

  /**
   * Alerts of the devices `scope` covers, newest activity first, `limit` rows after `after` (the
   * keyset: last_seen_at, then id). The scope is a WHERE on the device's district, so a page is
   * never cut short by rows the reader may not see.
   */
  async listAlerts(
    scope: ActorScope,
    q: {
      state?: AlertState | undefined;
      severity?: string | undefined;
      deviceId?: string | undefined;
      id?: string | undefined;
      after?: KeysetPos | undefined;
      limit: number;
    },
  ): Promise<AlertRecord[]> {
    let s = this.db
      .selectFrom('telemetry_alerts as a')
      .innerJoin('telemetry_devices as d', 'd.id', 'a.device_id')
      .selectAll('a')
      // Equipment alerts are a head-office desk: region readers see their districts, no one else.
      .where(scopeFilter<any, any>(scope, { region: 'd.district_code' }));
    if (q.id) s = s.where('a.id', '=', q.id);
    if (q.state) s = s.where('a.state', '=', q.state);
    if (q.severity) s = s.where('a.severity', '=', q.severity as AlertRecord['severity']);
    if (q.deviceId) s = s.where('a.device_id', '=', q.deviceId);
    const a = q.after;
    if (a) s = s.where(sql<boolean>`(a.last_seen_at, a.id) < (${a.keys[0]}, ${a.id})`);
    const rows = await s.orderBy('a.last_seen_at', 'desc').orderBy('a.id', 'desc').limit(q.limit).execute();
    return rows.map(toAlert);
  }

  /**
   * Claims the creation of the alert's order: true for one caller only, until the order is linked
   * or the claim is released (or grows stale: its caller stopped between claim and link).
   */
  async claimOrder(id: string, at: string, staleBefore: string): Promise<boolean> {
    const r = await this.db
      .updateTable('telemetry_alerts')
      .set({ order_claimed_at: at })
      .where('id', '=', id)
      .where('work_order_id', 'is', null)
      .where('state', '<>', 'resolved')
      .where((e) => e.or([e('order_claimed_at', 'is', null), e('order_claimed_at', '<', staleBefore)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async releaseOrderClaim(id: string): Promise<void> {
    await this.db
      .updateTable('telemetry_alerts')
      .set({ order_claimed_at: null })
      .where('id', '=', id)
      .where('work_order_id', 'is', null)
      .execute();
  }

  /** Links the alert's order; false when another call linked one first. */
  async attachOrder(trx: Db, id: string, orderId: string, orderNumber: string): Promise<boolean> {
    const r = await trx
      .updateTable('telemetry_alerts')
      .set((e) => ({ work_order_id: orderId, work_order_number: orderNumber, version: e('version', '+', 1) }))
      .where('id', '=', id)
      .where('work_order_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async acknowledge(trx: Db, id: string, version: number): Promise<boolean> {
    const r = await trx
      .updateTable('telemetry_alerts')
      .set({ state: 'acknowledged', version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('state', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Resolves; the open key is freed so a later firing opens a new alert. */
  async resolve(
    trx: Db,
    id: string,
    at: string,
    resolution: 'order_closed' | 'manual',
    version?: number,
  ): Promise<boolean> {
    let q = trx
      .updateTable('telemetry_alerts')
      .set((e) => ({
        state: 'resolved',
        open_key: null,
        resolved_at: at,
        resolution,
        version: e('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('state', '<>', 'resolved');
    if (version !== undefined) q = q.where('version', '=', version);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Unresolved alerts linked to an order. */
  async openAlertsOfOrder(trx: Db, orderId: string): Promise<AlertRecord[]> {
    const rows = await trx
      .selectFrom('telemetry_alerts')
      .selectAll()
      .where('work_order_id', '=', orderId)
      .where('state', '<>', 'resolved')
      .execute();
    return rows.map(toAlert);
  }

  async deviceSerials(ids: string[]): Promise<Map<string, DeviceRecord>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('telemetry_devices').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, toDevice(r)]));
  }

  /** Alerts first raised in [fromAt, toAt) with their rule's kind and their device's place. */
  async alertsRaised(fromAt: string, toAt: string) {
    const rows = await this.db
      .selectFrom('telemetry_alerts as a')
      .innerJoin('telemetry_rules as r', 'r.id', 'a.rule_id')
      .innerJoin('telemetry_devices as d', 'd.id', 'a.device_id')
      .select(['a.first_seen_at', 'a.work_order_id', 'r.kind', 'd.district_code', 'd.category_code'])
      .where('a.first_seen_at', '>=', fromAt)
      .where('a.first_seen_at', '<', toAt)
      .execute();
    return rows.map((r) => ({
      raisedAt: r.first_seen_at,
      workOrderId: r.work_order_id,
      kind: r.kind,
      districtCode: r.district_code,
      categoryCode: r.category_code,
    }));
  }
}
