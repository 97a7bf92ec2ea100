import type { CareFigures, CareFiguresQuery } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import { exportCareFigures } from './carefigures.export.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { careFiguresPolicy } from './carefigures.settings.ts';
import type { CareFiguresPorts } from './context.ts';
import { figuresScope, readsWholeBase } from './domain/period.ts';

type Deps = { db: Db; dialect: DialectName; clock: Clock; ports: CareFiguresPorts };

/** The installed-base report: one scope, each module's figures, nothing computed here. */
export class CareFiguresService {
  private readonly deps: Deps;
  constructor(deps: Deps) {
    this.deps = deps;
  }

  async figures(actor: Actor, q: CareFiguresQuery): Promise<CareFigures> {
    if (!readsWholeBase(actor.scope.level))
      throw new DomainError(
        'auth.forbidden',
        'The installed-base figures are read with data scope "all" only',
      );
    const { ports, db, clock } = this.deps;
    const policy = await careFiguresPolicy(db);
    const scope = figuresScope(q, businessDateOf(clock.now()));
    const [pm, alerts, contracts, recalls, campaigns, community] = await Promise.all([
      ports.maintenance(scope, policy.pmGraceDays),
      ports.alerts(scope),
      ports.contracts(scope, policy.labourCostPerVisitFen),
      ports.recalls(scope),
      ports.campaigns(scope),
      ports.community(scope),
    ]);
    return { from: q.from, to: q.to, pm, alerts, contracts, recalls, campaigns, community };
  }

  /** The same figures as .xlsx (watermarked, recorded in the export audit trail). */
  async export(actor: Actor, q: CareFiguresQuery, requestId: string | null) {
    const f = await this.figures(actor, q);
    return exportCareFigures(this.deps, actor, f, { ...q }, requestId);
  }
}
