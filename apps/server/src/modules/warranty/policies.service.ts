import {
  fieldIssuesOfZod,
  POLICY_PARAM_SCHEMAS,
  type CreateWarrantyPolicy,
  type NewWarrantyPolicyVersion,
  type PolicyKind,
  type UpdateWarrantyPolicy,
  type WarrantyPolicy,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { productCategoriesByCodes } from '../catalog/index.ts';
import type { WarrantyContext } from './context.ts';
import {
  findPolicy,
  insertPolicy,
  listPolicies,
  maxVersion,
  policyKeyOf,
  publishDraft,
  updateDraft,
} from './policies.repository.ts';
import { POLICY_STREAM } from './warranty.events.ts';

/** The kind's parameters, validated by its zod schema; a refusal names each bad field under `params`. */
function checkedParams(kind: PolicyKind, params: unknown): unknown {
  const r = POLICY_PARAM_SCHEMAS[kind].safeParse(params);
  if (r.success) return r.data;
  throw refuse(
    'warranty.invalid_params',
    { kind },
    {
      errors: fieldIssuesOfZod(r.error.issues, { root: 'params', input: params }).map((e) => ({
        ...e,
        path: `params.${e.path}`,
      })),
    },
  );
}

function checkDates(from: string, to: string | null): void {
  if (to !== null && to < from)
    throw refuse(
      'warranty.dates_out_of_order',
      { effectiveFrom: from, effectiveTo: to },
      { path: 'effectiveTo' },
    );
}

/** 三包 policy versions: list, create, new version, edit a draft, publish. */
export class PoliciesService {
  private readonly ctx: WarrantyContext;
  constructor(ctx: WarrantyContext) {
    this.ctx = ctx;
  }

  async list(categoryCode?: string): Promise<{ items: WarrantyPolicy[] }> {
    return { items: await listPolicies(this.ctx.db, categoryCode) };
  }

  async get(id: string): Promise<WarrantyPolicy> {
    const p = await findPolicy(this.ctx.db, id);
    if (!p) throw notFound('warranty policy', id);
    return p;
  }

  /** A policy for a category (and brand): the next version of its key, as a draft. */
  async create(
    actor: Actor,
    input: CreateWarrantyPolicy,
    requestId: string | null = null,
  ): Promise<WarrantyPolicy> {
    const [category] = await productCategoriesByCodes(this.ctx.db, [input.categoryCode]);
    if (!category)
      throw refuse(
        'warranty.unknown_category',
        { categoryCode: input.categoryCode },
        { path: 'categoryCode' },
      );
    return this.insertVersion(actor, input.categoryCode, input.brand, input, requestId);
  }

  /** A new draft version of the policy `id` belongs to (the way to change a published or used one). */
  async newVersion(
    actor: Actor,
    id: string,
    input: NewWarrantyPolicyVersion,
    requestId: string | null = null,
  ) {
    const base = await this.get(id);
    // A version keeps its line: an online 7-day policy stays one, a 三包 line never becomes one.
    if ((base.kind === 'online_7day') !== (input.kind === 'online_7day'))
      throw refuse('warranty.invalid_params', { kind: input.kind }, { path: 'kind' });
    return this.insertVersion(actor, base.categoryCode, base.brand, input, requestId);
  }

  private async insertVersion(
    actor: Actor,
    categoryCode: string,
    brand: string | null,
    input: NewWarrantyPolicyVersion,
    requestId: string | null,
  ): Promise<WarrantyPolicy> {
    const params = checkedParams(input.kind, input.params);
    checkDates(input.effectiveFrom, input.effectiveTo);
    const id = newId();
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const version = (await maxVersion(trx, policyKeyOf(categoryCode, brand, input.kind))) + 1;
      await insertPolicy(trx, {
        id,
        categoryCode,
        brand,
        version,
        kind: input.kind,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        params,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo,
        createdBy: actor.kind === 'user' ? actor.userId : null,
        at: now.toISOString(),
      });
      await appendEvent(trx, {
        streamType: POLICY_STREAM,
        streamId: id,
        type: 'warranty_policy.created',
        actor: eventActorOf(actor),
        at: now,
        data: { categoryCode, brand, version, kind: input.kind },
        requestId,
      });
    });
    return this.get(id);
  }

  /** Edit a draft; a published or used version is frozen (`warranty.policy_in_use`). */
  async update(actor: Actor, id: string, input: UpdateWarrantyPolicy, requestId: string | null = null) {
    const current = await this.get(id);
    if (current.status !== 'draft' || current.used)
      throw refuse('warranty.policy_in_use', { version: current.version });
    if ((current.kind === 'online_7day') !== (input.kind === 'online_7day'))
      throw refuse('warranty.invalid_params', { kind: input.kind }, { path: 'kind' });
    const params = checkedParams(input.kind, input.params);
    checkDates(input.effectiveFrom, input.effectiveTo);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await updateDraft(trx, id, { ...input, params, at: now.toISOString() });
      // Published or used between the read and the write: the same refusal.
      if (!ok) throw refuse('warranty.policy_in_use', { version: current.version });
      await appendEvent(trx, {
        streamType: POLICY_STREAM,
        streamId: id,
        type: 'warranty_policy.updated',
        actor: eventActorOf(actor),
        at: now,
        data: { kind: input.kind },
        requestId,
      });
    });
    return this.get(id);
  }

  /** Publish a draft; publishing a published version again changes nothing. */
  async publish(actor: Actor, id: string, requestId: string | null = null): Promise<WarrantyPolicy> {
    const current = await this.get(id);
    if (current.status === 'published') return current;
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await publishDraft(trx, id, now.toISOString()))) return;
      await appendEvent(trx, {
        streamType: POLICY_STREAM,
        streamId: id,
        type: 'warranty_policy.published',
        actor: eventActorOf(actor),
        at: now,
        data: { version: current.version },
        requestId,
      });
    });
    return this.get(id);
  }
}
