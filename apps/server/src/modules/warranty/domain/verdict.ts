import type { CostParty, Remedy, RemedyVerdict } from '@anxin/contracts';

type Params = RemedyVerdict['params'];

export function allow(
  remedy: Remedy,
  rule: string,
  article: string,
  deadline: string | null,
  params: Params = {},
  extra: { needsApproval?: boolean; payer?: CostParty | null } = {},
): RemedyVerdict {
  return {
    remedy,
    allowed: true,
    deadline,
    rule,
    article,
    params,
    needsApproval: extra.needsApproval ?? false,
    payer: extra.payer ?? null,
  };
}

export function deny(remedy: Remedy, rule: string, article: string, params: Params = {}): RemedyVerdict {
  return { remedy, allowed: false, deadline: null, rule, article, params, needsApproval: false, payer: null };
}
