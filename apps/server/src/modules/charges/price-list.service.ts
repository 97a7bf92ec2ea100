import type { PriceList, PriceListInput, PriceListView } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { PRICE_LIST_STREAM } from './charges.events.ts';
import { chargesRepo, type PriceListRecord } from './charges.repository.ts';
import { eventActorOf, type ChargesContext } from './context.ts';
import { priceListProblem } from './domain/pricing.ts';

const view = (p: PriceListRecord): PriceList => ({ ...p });

/**
 * The published price list (明码标价). Each publication is a new version with an effective date
 * (today or later); versions are never edited, so a quote keeps the prices it was made with.
 */
export class PriceListService {
  private readonly ctx: ChargesContext;
  constructor(ctx: ChargesContext) {
    this.ctx = ctx;
  }

  /** The version in force today, the versions that start later, and the parts' list prices. */
  async view(): Promise<PriceListView> {
    const today = businessDateOf(this.ctx.clock.now());
    const all = await chargesRepo.priceLists(this.ctx.db);
    const current = (await chargesRepo.priceListOn(this.ctx.db, today)) ?? null;
    const upcoming = all.filter((p) => p.effectiveFrom > today).reverse();
    const parts = (await this.ctx.ports.activeParts()).map((p) => ({
      itemId: p.id,
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      unit: p.unit,
      listPriceFen: p.listPriceFen,
    }));
    const codes = [current, ...upcoming].flatMap((p) => p?.labour.map((l) => l.categoryCode) ?? []);
    const categories = await this.ctx.ports.categories(codes.filter((c): c is string => c !== null));
    return { current: current && view(current), upcoming: upcoming.map(view), parts, categories };
  }

  async history(): Promise<{ items: PriceList[] }> {
    return { items: (await chargesRepo.priceLists(this.ctx.db)).map(view) };
  }

  async publish(actor: Actor, input: PriceListInput, requestId: string | null = null): Promise<PriceList> {
    const now = this.ctx.clock.now();
    const today = businessDateOf(now);
    if (input.effectiveFrom < today)
      throw refuse('charges.effective_date_past', { today }, { path: 'effectiveFrom' });
    const problem = priceListProblem(input.labour, input.callout);
    if (problem) throw refuse('charges.price_list_invalid', { reason: problem }, { path: 'labour' });
    const id = newId();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const versionNo = await chargesRepo.nextPriceListNo(trx);
      await chargesRepo.insertPriceList(trx, {
        id,
        versionNo,
        effectiveFrom: input.effectiveFrom,
        note: input.note,
        labour: input.labour,
        callout: input.callout,
        createdAt: now.toISOString(),
        createdBy: actor.kind === 'system' ? null : actor.userId,
      });
      await appendEvent(trx, {
        streamType: PRICE_LIST_STREAM,
        streamId: id,
        type: 'price_list.published',
        actor: eventActorOf(actor),
        at: now,
        data: { versionNo, effectiveFrom: input.effectiveFrom },
        requestId,
      });
    });
    return view((await chargesRepo.priceList(this.ctx.db, id))!);
  }
}
