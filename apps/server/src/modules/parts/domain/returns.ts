import type { OldPartStatus } from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';

/** What can happen to a 旧件 (old part) on its way back to HQ. */
export type OldPartAction = 'ship' | 'receive' | 'pass' | 'reject';

/**
 * The 旧件 state machine as one table (like workorders/domain/lifecycle.ts): the outlet ships the
 * part awaiting return, HQ receives it into the defective store, then inspects it. Only a passed
 * part makes the warranty claim payable on the outlet's settlement statement.
 */
export const OLD_PART_TRANSITIONS: Readonly<
  Record<OldPartAction, { from: readonly OldPartStatus[]; to: OldPartStatus; by: 'outlet' | 'hq' }>
> = {
  ship: { from: ['awaiting_return'], to: 'in_transit', by: 'outlet' },
  receive: { from: ['in_transit'], to: 'received', by: 'hq' },
  pass: { from: ['received'], to: 'passed', by: 'hq' },
  reject: { from: ['received'], to: 'rejected', by: 'hq' },
};

/** The status after `action`, or the refusal (`state.invalid_transition`) naming what is allowed. */
export function nextOldPartStatus(
  from: OldPartStatus,
  action: OldPartAction,
): { ok: true; to: OldPartStatus } | { ok: false; refusal: Refusal } {
  const t = OLD_PART_TRANSITIONS[action];
  if (t.from.includes(from)) return { ok: true, to: t.to };
  const allowed = (
    Object.values(OLD_PART_TRANSITIONS) as { from: readonly OldPartStatus[]; to: OldPartStatus }[]
  )
    .filter((x) => x.from.includes(from))
    .map((x) => x.to);
  return {
    ok: false,
    refusal: { code: 'state.invalid_transition', params: { from, to: t.to, allowed } },
  };
}

/** A claim is payable only once its old part passed inspection. */
export const isPayable = (status: OldPartStatus): boolean => status === 'passed';
