import {
  type CreateAppealSchema,
  type AdjustLine,
  type AppealStatus,
  type DecideAppeal,
  type RespondStatement,
  type StatementListQuery,
  type StatementSort,
  type StatementTransition,
} from '@anxin/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { decodeCursor, pageFrom } from '../../platform/http/keyset.ts';
import { decideAppeal, fileAppeal } from './appeals.ts';
import { type SettlementContext } from './context.ts';
import { exportStatement } from './export.ts';
import { generateStatements } from './generate.ts';
import { appealView, summaryView } from './settlement.views.ts';
import { adjustLine, respond, statementDetail, transition } from './statements.ts';

/** The settlement use cases behind the routes; each lives in its own file. */
export class SettlementService {
  readonly ctx: SettlementContext;

  constructor(ctx: SettlementContext) {
    this.ctx = ctx;
  }

  async generate(actor: Actor, input: { month: string; outletId?: string | undefined }) {
    const r = await generateStatements(this.ctx, actor, input);
    const items = await Promise.all(r.generated.map((s) => this.ctx.repo.inScope(actor.scope, s.id)));
    return {
      month: r.month,
      generated: items.flatMap((s) => (s ? [summaryView(s)] : [])),
      skipped: r.skipped,
    };
  }

  async list(actor: Actor, input: Omit<StatementListQuery, 'sort'> & { sort?: StatementSort }) {
    const { cursor, ...q } = { ...input, sort: input.sort ?? '-month' };
    const after = decodeCursor(cursor, q.sort, q.sort.endsWith('month') ? 2 : 1);
    const rows = await this.ctx.repo.list(actor.scope, { ...q, after }, q.limit + 1);
    const { page, nextCursor } = pageFrom(rows, q.limit, q.sort, (r) => ({
      keys: q.sort.endsWith('month') ? [r.month, r.outletCode] : [r.totalFen],
      id: r.id,
    }));
    return { items: page.map(summaryView), nextCursor };
  }

  detail(actor: Actor, id: string) {
    return statementDetail(this.ctx, actor, id);
  }

  async respond(actor: Actor, id: string, body: RespondStatement, requestId: string | null) {
    await respond(this.ctx, actor, id, body, requestId);
    return this.detail(actor, id);
  }

  async adjust(actor: Actor, id: string, body: AdjustLine, requestId: string | null) {
    await adjustLine(this.ctx, actor, id, body, requestId);
    return this.detail(actor, id);
  }

  async transition(actor: Actor, id: string, body: StatementTransition, requestId: string | null) {
    await transition(this.ctx, actor, id, body, requestId);
    return this.detail(actor, id);
  }

  export(actor: Actor, id: string, requestId: string | null = null) {
    return exportStatement(this.ctx, actor, id, requestId);
  }

  fileAppeal(actor: Actor, body: z.infer<typeof CreateAppealSchema>, requestId: string | null) {
    return fileAppeal(this.ctx, actor, body, requestId);
  }

  async appeals(
    actor: Actor,
    q: { status: AppealStatus | 'all'; orderId?: string | undefined; limit: number },
  ) {
    const rows = await this.ctx.repo.appeals(actor.scope, q, q.limit);
    return { items: rows.map(appealView) };
  }

  decideAppeal(actor: Actor, id: string, body: DecideAppeal, requestId: string | null) {
    return decideAppeal(this.ctx, actor, id, body, requestId);
  }
}
