import type { z } from 'zod';
import type {
  CreateCategorySchema,
  CreateFaultCodeSchema,
  CreateModelSchema,
  FaultCode,
  FaultTree,
  ProductCategory,
  ProductModel,
  UpdateCategorySchema,
  UpdateFaultCodeSchema,
  UpdateModelSchema,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { withTransaction, isUniqueViolation } from '../../platform/db/transaction.ts';
import type { Db, DialectName, Trx } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { CatalogRepository } from './catalog.repository.ts';
import type { EventType } from '../../platform/events/catalogue.ts';
import { FAULT_CODE_EVENTS, PRODUCT_CATEGORY_EVENTS, PRODUCT_MODEL_EVENTS } from './catalog.events.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';

export interface CatalogDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
}

/** Lets `?? raise(err)` end an expression. */
export const raise = (err: Error): never => {
  throw err;
};

const alreadyExists = (path: string, what: string, value: string) =>
  new DomainError('resource.already_exists', `${what} ${value} already exists`, {
    errors: [{ path, rule: 'unique', message: `${what} already exists` }],
  });

/** Catalogue use cases: categories and their warranty terms, models, and the fault-code tree. */
export class CatalogService {
  readonly repo: CatalogRepository;
  private readonly deps: CatalogDeps;
  constructor(deps: CatalogDeps) {
    this.deps = deps;
    this.repo = new CatalogRepository(deps.db);
  }

  private async audited<T>(
    actor: Actor,
    stream: { type: string; id: string; event: EventType },
    fn: (trx: Trx) => Promise<{ result: T; data: Record<string, unknown> }>,
  ): Promise<T> {
    try {
      return await withTransaction(this.deps.db, this.deps.dialect, async ({ trx }) => {
        const { result, data } = await fn(trx);
        await appendEvent(trx, {
          streamType: stream.type,
          streamId: stream.id,
          type: stream.event,
          actor: eventActorOf(actor),
          at: this.deps.clock.now(),
          data,
        });
        return result;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadyExists('code', stream.type, stream.id);
      throw err;
    }
  }

  listCategories = () => this.repo.listCategories();

  async getCategory(code: string): Promise<ProductCategory> {
    return (await this.repo.findCategory(code)) ?? raise(notFound('product category', code));
  }

  async createCategory(actor: Actor, input: z.infer<typeof CreateCategorySchema>): Promise<ProductCategory> {
    if (await this.repo.findCategory(input.code)) throw alreadyExists('code', 'product category', input.code);
    const stream = { type: 'product_category', id: input.code, event: PRODUCT_CATEGORY_EVENTS.type.created };
    return this.audited(actor, stream, async (trx) => {
      await this.repo.insertCategory(trx, input);
      return { result: input, data: { after: input } };
    });
  }

  /** Warranty terms are business settings: every edit is recorded with before and after. */
  async updateCategory(
    actor: Actor,
    code: string,
    patch: z.infer<typeof UpdateCategorySchema>,
  ): Promise<ProductCategory> {
    const stream = { type: 'product_category', id: code, event: PRODUCT_CATEGORY_EVENTS.type.updated };
    return this.audited(actor, stream, async (trx) => {
      const before = (await this.repo.findCategory(code, trx)) ?? raise(notFound('product category', code));
      if (Object.keys(patch).length) await this.repo.updateCategory(trx, code, patch);
      const after = { ...before, ...patch };
      return { result: after, data: { before, after } };
    });
  }

  listModels = (f: { categoryCode?: string; brand?: string; after?: string; limit: number }) =>
    this.repo.listModels(f);

  async getModel(id: string): Promise<ProductModel> {
    return (await this.repo.findModel(id)) ?? raise(notFound('product model', id));
  }

  async createModel(actor: Actor, input: z.infer<typeof CreateModelSchema>): Promise<ProductModel> {
    if (!(await this.repo.findCategory(input.categoryCode)))
      throw fieldError('categoryCode', 'not_found', `Unknown product category ${input.categoryCode}`);
    const model: ProductModel = { id: newId(), ...input };
    const stream = { type: 'product_model', id: model.id, event: PRODUCT_MODEL_EVENTS.type.created };
    try {
      return await this.audited(actor, stream, async (trx) => {
        await this.repo.insertModel(trx, model);
        return { result: model, data: { after: model } };
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'resource.already_exists')
        throw alreadyExists('modelCode', 'product model', `${input.brand} ${input.modelCode}`);
      throw err;
    }
  }

  async updateModel(
    actor: Actor,
    id: string,
    patch: z.infer<typeof UpdateModelSchema>,
  ): Promise<ProductModel> {
    const stream = { type: 'product_model', id, event: PRODUCT_MODEL_EVENTS.type.updated };
    return this.audited(actor, stream, async (trx) => {
      const before = (await this.repo.findModel(id, trx)) ?? raise(notFound('product model', id));
      if (Object.keys(patch).length) await this.repo.updateModel(trx, id, patch);
      const after = { ...before, ...patch };
      return { result: after, data: { before, after } };
    });
  }

  async faultTree(categoryCode: string, includeInactive = false): Promise<FaultTree> {
    await this.getCategory(categoryCode);
    const all = (await this.repo.listFaultCodes(categoryCode)).filter((f) => includeInactive || f.active);
    const faults = all.filter((f) => f.kind === 'fault');
    return {
      categoryCode,
      faults: faults.map((f) => ({ ...f, symptoms: all.filter((s) => s.parentId === f.id) })),
    };
  }

  async getFaultCode(id: string): Promise<FaultCode> {
    return (await this.repo.findFaultCode(id)) ?? raise(notFound('fault code', id));
  }

  async createFaultCode(
    actor: Actor,
    categoryCode: string,
    input: z.infer<typeof CreateFaultCodeSchema>,
  ): Promise<FaultCode> {
    await this.getCategory(categoryCode);
    await this.checkParent(categoryCode, input.kind, input.parentId);
    const code: FaultCode = { id: newId(), categoryCode, ...input, active: true };
    const stream = { type: 'fault_code', id: code.id, event: FAULT_CODE_EVENTS.type.created };
    try {
      return await this.audited(actor, stream, async (trx) => {
        await this.repo.insertFaultCode(trx, code);
        return { result: code, data: { after: code } };
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'resource.already_exists')
        throw alreadyExists('code', 'fault code', input.code);
      throw err;
    }
  }

  /** The tree is two levels: faults hang off the category, symptoms off a fault of the same category. */
  private async checkParent(
    categoryCode: string,
    kind: FaultCode['kind'],
    parentId: string | null,
  ): Promise<void> {
    if (kind === 'fault') {
      if (parentId)
        throw fieldError(
          'parentId',
          'not_allowed',
          'A fault category sits directly under the product category',
        );
      return;
    }
    if (!parentId) throw fieldError('parentId', 'required', 'A symptom code needs its fault category');
    const parent = await this.repo.findFaultCode(parentId);
    if (!parent || parent.kind !== 'fault' || parent.categoryCode !== categoryCode) {
      throw fieldError(
        'parentId',
        'not_found',
        'The parent must be a fault category of the same product category',
      );
    }
  }

  async updateFaultCode(
    actor: Actor,
    id: string,
    patch: z.infer<typeof UpdateFaultCodeSchema>,
  ): Promise<FaultCode> {
    const stream = { type: 'fault_code', id, event: FAULT_CODE_EVENTS.type.updated };
    return this.audited(actor, stream, async (trx) => {
      const before = (await this.repo.findFaultCode(id, trx)) ?? raise(notFound('fault code', id));
      if (Object.keys(patch).length) await this.repo.updateFaultCode(trx, id, patch);
      if (patch.active === false && before.kind === 'fault') await this.repo.deactivateChildren(trx, id);
      const after = { ...before, ...patch };
      return { result: after, data: { before, after } };
    });
  }

  /**
   * For work orders: the fault code must be an active fault category of the product's category and
   * every symptom an active child of it. Field paths match the work-order request body.
   */
  async validateFaultCodes(
    categoryCode: string,
    faultCodeId: string | null,
    symptomIds: readonly string[],
  ): Promise<void> {
    if (!faultCodeId) {
      if (symptomIds.length) throw fieldError('faultCodeId', 'required', 'Symptom codes need a fault code');
      return;
    }
    const fault = await this.repo.findFaultCode(faultCodeId);
    if (!fault || !fault.active || fault.kind !== 'fault' || fault.categoryCode !== categoryCode) {
      throw fieldError(
        'faultCodeId',
        'not_found',
        `Fault code ${faultCodeId} is not an active fault of category ${categoryCode}`,
      );
    }
    const found = new Map((await this.repo.findFaultCodes([...symptomIds])).map((s) => [s.id, s]));
    symptomIds.forEach((sid, i) => {
      const s = found.get(sid);
      if (!s || !s.active || s.kind !== 'symptom' || s.parentId !== faultCodeId) {
        throw fieldError(
          `symptomCodes.${i}`,
          'not_found',
          `Symptom ${sid} does not belong to fault ${fault.code}`,
        );
      }
    });
  }
}
