import type { AlertRule, CreateAlertRule, UpdateAlertRule } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { TelemetryContext } from './context.ts';
import type { RuleFields } from './telemetry.repository.ts';
import { RULE_STREAM, TELEMETRY_EVENTS } from './telemetry.events.ts';

/** Alert rules as data (threshold, fault code, running hours), edited on the 设备预警 page. */
export class RulesService {
  private readonly ctx: TelemetryContext;
  constructor(ctx: TelemetryContext) {
    this.ctx = ctx;
  }

  list(): Promise<AlertRule[]> {
    return this.ctx.repo.listRules();
  }

  async get(id: string): Promise<AlertRule> {
    const r = await this.ctx.repo.findRule(id);
    if (!r) throw notFound('alert rule', id);
    return r;
  }

  private async validate(input: CreateAlertRule): Promise<RuleFields> {
    if (input.modelId && !(await this.ctx.ports.modelExists(input.modelId)))
      throw fieldError('modelId', 'not_found', 'no such product model');
    if (input.categoryCode && !(await this.ctx.ports.categoryExists(input.categoryCode)))
      throw fieldError('categoryCode', 'unknown_category', 'no such product category');
    const condition =
      input.condition.kind === 'fault_code'
        ? { ...input.condition, codes: [...new Set(input.condition.codes.map((c) => c.toUpperCase()))] }
        : input.condition;
    return { ...input, condition };
  }

  async create(actor: Actor, input: CreateAlertRule): Promise<AlertRule> {
    const fields = await this.validate(input);
    const id = newId();
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await this.ctx.repo.insertRule(trx, id, fields, now.toISOString());
      await appendEvent(trx, {
        streamType: RULE_STREAM,
        streamId: id,
        type: TELEMETRY_EVENTS.type.rule_created,
        actor: eventActorOf(actor),
        at: now,
        data: { name: fields.name },
      });
    });
    return this.get(id);
  }

  /** Replace a rule (optimistic version); `active: false` disables it. */
  async update(actor: Actor, id: string, input: UpdateAlertRule): Promise<AlertRule> {
    await this.get(id);
    const { version, ...rest } = input;
    const fields = await this.validate(rest);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.updateRule(trx, id, version, fields, now.toISOString())))
        throw versionConflict('alert rule', id, version);
      await appendEvent(trx, {
        streamType: RULE_STREAM,
        streamId: id,
        type: TELEMETRY_EVENTS.type.rule_updated,
        actor: eventActorOf(actor),
        at: now,
        data: { name: fields.name, active: fields.active },
      });
    });
    return this.get(id);
  }
}
