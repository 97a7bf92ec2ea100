import type { CareFiguresScope, ContractFigures } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { contractMargin } from './domain/margin.ts';
import { ServiceContractRepository } from './servicecontracts.repository.ts';

/**
 * Contract revenue and margin of the installed base (issue #18 item 7): the module's own
 * instalments, visits and quotas; parts consumed read through the parts port. Contracts name no
 * region or category, so the filters do not apply here.
 */
export async function serviceContractFigures(
  db: Db,
  scope: CareFiguresScope,
  opts: { labourCostPerVisitFen: number; partsCostFen: (orderIds: string[]) => Promise<number> },
): Promise<ContractFigures> {
  const repo = new ServiceContractRepository(db);
  const [due, orders, inForce] = await Promise.all([
    repo.instalmentsDue(scope.from, scope.to),
    repo.visitOrdersIn(scope.from, scope.to),
    repo.contractsInForce(scope.from, scope.to),
  ]);
  const withQuota = inForce.filter((c) => c.visitQuota !== null);
  return contractMargin({
    billedFen: sum(due.map((i) => i.amountFen)),
    paidFen: sum(due.filter((i) => i.paid).map((i) => i.amountFen)),
    visits: orders.length,
    partsCostFen: await opts.partsCostFen(orders),
    labourCostPerVisitFen: opts.labourCostPerVisitFen,
    quotaVisits: sum(withQuota.map((c) => c.visitQuota ?? 0)),
    usedVisits: sum(withQuota.map((c) => c.used)),
    activeContracts: inForce.length,
  });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
