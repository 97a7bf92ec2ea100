import type { TFunction } from 'i18next';
import type { FieldErrorWire } from '@anxin/contracts';
import { yuan } from '../components/money.ts';
import { ApiError, CLIENT_ERROR_CODES, type ProblemParams } from '../api/client.ts';

// Keys are built from server codes at runtime, so they cannot be checked by the typed `t`;
// locales.test.ts checks instead that every registered code and rule has its key.
type Translate = (key: string, options?: Record<string, unknown>) => string;
const loose = (t: TFunction): Translate => t as unknown as Translate;

// Works with whichever i18n instance `t` belongs to (the app's, or a test's).
const MISSING = '\u0000missing';
const has = (t: Translate, key: string): boolean => t(key, { defaultValue: MISSING }) !== MISSING;

/** i18n key for an error code; codes this build does not know fall back to `errors.client.unknown`. */
function errorKey(t: Translate, code: string): string {
  const key = `errors.${code}`;
  return has(t, key) ? key : `errors.${CLIENT_ERROR_CODES.unknown}`;
}

/** i18n key for a field rule; rules this build does not know fall back to `validation.invalid`. */
function ruleKey(t: Translate, rule: string): string {
  const key = `validation.${rule}`;
  return has(t, key) ? key : 'validation.invalid';
}

/** Parameters whose values are codes with their own words elsewhere (`next: 'signed'` → 已签约). */
const WORDED: Record<string, Record<string, string>> = {
  'prospect.one_step_forward': { next: 'network.stages' },
  'identity.role_lockout': { role: 'roles' },
  plan_violation: { violation: 'routing.violations' },
  'parts.order_not_in_service': { orderStatus: 'workorders.status' },
  'charges.quote_not_draft': { status: 'charges.status' },
  'charges.quote_not_sent': { status: 'charges.status' },
  'charges.quote_not_approved': { status: 'charges.status' },
  'rma.remedy_not_allowed': { remedy: 'rma.remedy' },
  'rma.remedy_kind_mismatch': { kind: 'rma.kind', remedy: 'rma.remedy' },
  'rma.dates_out_of_order': { field: 'rma.field' },
  'community.referral_invalid_transition': {
    from: 'community.referralStatus',
    to: 'community.referralStatus',
  },
  'community.event_invalid_transition': { from: 'community.eventStatus', to: 'community.eventStatus' },
  'community.event_not_open': { status: 'community.eventStatus' },
};

const resourceKey = (name: string): string => `resources.${name.replace(/ /g, '_')}`;

/** The parameters of a code or rule made ready for display: resources named, lists joined, codes worded. */
function wordParams(t: Translate, codeOrRule: string, params: ProblemParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const worded = WORDED[codeOrRule] ?? {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) out[k] = v.map(String).join(', ');
    // Money travels in fen (`balanceFen`); people read yuan.
    else if (typeof v === 'number' && k.endsWith('Fen')) out[k] = yuan(v);
    else if (typeof v === 'string' && worded[k] && has(t, `${worded[k]}.${v}`))
      out[k] = t(`${worded[k]}.${v}`);
    else out[k] = v;
  }
  if (codeOrRule.startsWith('resource.')) {
    const name = typeof params.resource === 'string' ? resourceKey(params.resource) : '';
    out.resource = t(name && has(t, name) ? name : 'resources.unknown');
  }
  return out;
}

/**
 * The user-facing sentence for any thrown value: an ApiError by its code, worded with the code's
 * parameters (`errors.assignment.double_booked` with `{ orderNo }`); anything else as unknown.
 * The server's `detail` is never shown.
 */
export function problemText(t: TFunction, error: unknown): string {
  const e = error instanceof ApiError ? error : new ApiError({ status: 0, code: CLIENT_ERROR_CODES.unknown });
  const tt = loose(t);
  return tt(errorKey(tt, e.code), { ...wordParams(tt, e.code, e.params), status: e.status || '—' });
}

/** @deprecated The same as `problemText` (kept for existing callers). */
export const problemMessage = problemText;

/**
 * One field error in words: `validation.<rule>` with the rule's parameters (`too_small` with `min`,
 * worded by `origin`: characters, items or a number). A refusal tied to a field carries its error
 * code as the rule and is worded like the problem itself, with the problem's parameters.
 */
export function fieldErrorText(t: TFunction, f: FieldErrorWire, problem?: ApiError): string {
  const tt = loose(t);
  if (f.rule.includes('.')) {
    const params = problem && problem.code === f.rule ? problem.params : (f.params ?? {});
    return tt(errorKey(tt, f.rule), { ...wordParams(tt, f.rule, params), status: problem?.status ?? '—' });
  }
  const params = f.params ?? {};
  const origin = typeof params.origin === 'string' ? params.origin : undefined;
  const key = ruleKey(tt, f.rule);
  const contextual = origin && has(tt, `${key}_${origin}`) ? `${key}_${origin}` : key;
  return tt(contextual, wordParams(tt, f.rule, params));
}

/** The label of a field path: the deepest labelled prefix (`phones.0.phone` → `phones`), else null. */
export function fieldLabel(path: string, labels: Readonly<Record<string, string>> = {}): string | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const label = labels[parts.slice(0, n).join('.')];
    if (label) return label;
  }
  return null;
}
