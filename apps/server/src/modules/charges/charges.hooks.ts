import { refuse } from '../../platform/http/errors.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import type { QuotesService } from './quotes.service.ts';

/**
 * The charges module's part in work-order transitions: work on an out-of-warranty product does
 * not start (→ 进行中) until the customer has approved a quote (portal or recorded phone consent).
 */
export function registerChargesHooks(quotes: QuotesService, hooks: Pick<TransitionHooks, 'register'>): void {
  hooks.register({
    name: 'charges.quote_approved',
    to: 'in_progress',
    check: async (i) => {
      if (!(await quotes.workMayStart(i.order.id)))
        throw refuse('charges.quote_required', { orderNo: i.order.number }, { path: 'to' });
    },
  });
}
