import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, refuse, versionConflict } from '../../platform/http/errors.ts';
import { customerView } from './customer-view.ts';
import { canSeePhones, eventActor, type CustomersContext } from './customers.deps.ts';
import type { CustomersService } from './customers.service.ts';

/**
 * Merging a duplicate: the source's phones (minus numbers the target already has), addresses,
 * installed products and work orders move to the target in one transaction; the source stays as
 * a tombstone (merged_into_id) so old references still resolve, and drops out of search.
 */
export class MergeService {
  private readonly ctx: CustomersContext;
  private readonly customers: CustomersService;
  constructor(ctx: CustomersContext, customers: CustomersService) {
    this.ctx = ctx;
    this.customers = customers;
  }

  async merge(actor: Actor, targetId: string, sourceId: string, targetVersion: number, requestId?: string) {
    if (sourceId === targetId)
      throw fieldError('sourceId', 'distinct', 'A customer cannot be merged into itself');
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const target = await this.customers.live(targetId, trx);
      const source = await this.liveSource(sourceId, trx);
      if (target.version !== targetVersion) throw versionConflict('customer', targetId, targetVersion);
      const known = new Set(target.phones.map((p) => p.phone));
      const dropped = source.phones.filter((p) => known.has(p.phone));
      const moved = await this.ctx.customers.moveChildren(
        trx,
        sourceId,
        targetId,
        dropped.map((p) => p.id),
        target.addresses.length === 0,
      );
      // Unbound only in a module test without work orders: merging would strand the source's orders.
      if (!this.ctx.moveOrders) throw new Error('customers: work-order port not bound (customers.useOrders)');
      const workOrdersMoved = await this.ctx.moveOrders(trx, sourceId, targetId);
      const now = this.ctx.now();
      if (!(await this.ctx.customers.markMerged(trx, sourceId, source.version, targetId, now.toISOString())))
        throw versionConflict('customer', sourceId, source.version);
      const after = (await this.ctx.customers.find(targetId, trx))!;
      const def = after.addresses.find((a) => a.isDefault);
      const fields = {
        kind: target.kind,
        name: target.name,
        companyName: target.companyName,
        tier: target.tier,
        note: target.note,
      };
      if (!(await this.ctx.customers.update(trx, targetId, targetVersion, fields, def, now.toISOString())))
        throw versionConflict('customer', targetId, targetVersion);
      const data = {
        sourceId,
        targetId,
        phonesMoved: source.phones.length - dropped.length,
        phonesDropped: dropped.map((p) => p.phone),
        addressesMoved: source.addresses.length,
        workOrdersMoved,
        productsMoved: moved.products,
      };
      const actorRef = eventActor(actor);
      await appendEvent(trx, {
        streamType: 'customer',
        streamId: targetId,
        type: 'customer.merged',
        actor: actorRef,
        at: now,
        requestId,
        data,
      });
      await appendEvent(trx, {
        streamType: 'customer',
        streamId: sourceId,
        type: 'customer.merged_into',
        actor: actorRef,
        at: now,
        requestId,
        data,
      });
    });
    return customerView((await this.ctx.customers.find(targetId))!, canSeePhones(actor));
  }

  private async liveSource(sourceId: string, trx: Db) {
    try {
      return await this.customers.live(sourceId, trx);
    } catch (err) {
      // Name the body field so the merge dialog can point at the wrong pick.
      if (err instanceof DomainError)
        throw refuse(err.code, err.params as never, {
          path: 'sourceId',
          detail: err.message,
          ...(err.extra ? { extra: err.extra } : {}),
        });
      throw err;
    }
  }
}
