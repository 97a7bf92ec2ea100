import type { WarrantyEvaluation } from '@anxin/contracts';
import type { RestDayCalendar } from './dates.ts';
import type { EnginePolicy, ProductFacts, RequestFacts, RuleContext, ServiceHistory } from './types.ts';
import { evaluateSanbao } from './sanbao.ts';
import { evaluateAuto } from './auto.ts';
import { evaluateCatalogueTerms, evaluateContract, evaluateFurniture, evaluateOnline } from './simple.ts';

/**
 * The 三包 policy engine: the remedies a product is entitled to on `requestDate` under one policy
 * version, each verdict with its rule code, article, parameters and deadline. Pure: no database,
 * no clock; the platform calendar (or null) decides the holiday move.
 */
export function evaluate(
  policy: EnginePolicy | null,
  product: ProductFacts,
  history: ServiceHistory,
  requestDate: string,
  calendar: RestDayCalendar | null,
  facts: RequestFacts = {},
): WarrantyEvaluation {
  const ctx: RuleContext = { asOf: requestDate, calendar, facts };
  if (!policy && product.catalogueTerms)
    return {
      policy: null,
      asOf: requestDate,
      usageCompensation: null,
      ...evaluateCatalogueTerms(product.catalogueTerms, product, history, ctx),
    };
  if (!policy)
    return {
      policy: null,
      asOf: requestDate,
      coverage: {
        status: 'unknown',
        startsOn: product.invoiceDate ?? product.deliveryDate,
        unitUntil: null,
        mainPartsUntil: null,
        repairDays: 0,
        partsWaitDays: 0,
        reasons: [
          { rule: 'warranty.no_policy', article: '', params: { categoryCode: product.categoryCode } },
        ],
      },
      remedies: [],
      depreciation: null,
      usageCompensation: null,
    };
  const result = (() => {
    switch (policy.kind) {
      case 'sanbao_1995':
        return evaluateSanbao(policy.params, product, history, ctx);
      case 'auto_2021':
        return evaluateAuto(policy.params, product, history, ctx);
      case 'online_7day':
        return evaluateOnline(policy.params, product, history, ctx);
      case 'furniture':
        return evaluateFurniture(policy.params, product, history, ctx);
      case 'contract':
        return evaluateContract(policy.params, product, history, ctx);
    }
  })();
  const { id, kind, version, nameZh, nameEn } = policy;
  return {
    policy: { id, kind, version, nameZh, nameEn },
    asOf: requestDate,
    ...result,
    usageCompensation: result.usageCompensation ?? null,
  };
}
