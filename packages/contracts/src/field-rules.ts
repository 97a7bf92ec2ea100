import type { ErrorCode, ParamSpec, ParamsOf } from './errors.ts';

/**
 * The registered vocabulary of field-level rules (`errors[].rule` in a problem document), with the
 * parameters each carries. The web renders `validation.<rule>` with these parameters and the field's
 * label; the English `message` beside it is for API users and logs only. A refusal that points at
 * a field uses its error code as the rule (`{ path: 'outletId', rule: 'dispatch.outlet_suspended' }`),
 * whose parameters travel in the problem's top-level `params`.
 */
export const FIELD_RULES = {
  // Shape rules, mapped from zod issues (see `fieldIssuesOfZod`).
  required: {},
  invalid: {},
  invalid_type: { expected: 'string' },
  too_small: { min: 'number', origin: 'string?' },
  too_big: { max: 'number', origin: 'string?' },
  invalid_format: { format: 'string' },
  invalid_value: { values: 'strings?' },
  not_multiple_of: { divisor: 'number' },
  unknown_field: {},
  unstorable_text: {},
  // Reference and uniqueness.
  unique: {},
  not_found: {},
  inactive: {},
  distinct: {},
  unknown_region: {},
  unknown_category: {},
  unknown_line: {},
  unknown_complaint: {},
  unknown_attachment: {},
  unknown_code: {},
  unknown_question: {},
  not_in_plan: {},
  not_plannable: {},
  not_in_outlet: {},
  matches_order: {},
  // Dates, ranges and numbers.
  after_start: {},
  after_from: {},
  order: {},
  not_in_future: {},
  not_in_past: {},
  after_issued: {},
  in_future: {},
  max_range: { maxDays: 'number' },
  range: { min: 'number?', max: 'number?' },
  max: { max: 'number?' },
  decimals: { places: 'number?' },
  no_overlap: {},
  intervals: {},
  // Uploads and transport.
  max_size: { maxBytes: 'number' },
  media_type: { allowed: 'strings?' },
  content_mismatch: {},
  undecodable: {},
  signature: {},
  json: {},
  pair: { with: 'string' },
  unexpected: {},
  // Module rules.
  sum: { total: 'number?' },
  sum_100: {},
  section_points: {},
  section_count: {},
  binary: {},
  mode: {},
  consistent: {},
  score_range: { min: 'number?', max: 'number?' },
  yes_no: {},
  below_a: {},
  below_b: {},
  below_floor: {},
  above_floor: {},
  not_allowed: {},
  not_classified: {},
  open_appeal: {},
  wrong_category: {},
  not_a_fault: {},
  not_under_fault: {},
  requires_fault_code: {},
  only_complaint_or_return: {},
  belongs_to_customer: {},
  plan_violation: { violation: 'string' },
  instance_invalid: { check: 'string' },
} as const satisfies Record<string, ParamSpec>;

export type FieldRule = keyof typeof FIELD_RULES;
export const FIELD_RULE_NAMES = Object.keys(FIELD_RULES) as FieldRule[];
export type FieldRuleParams<R extends FieldRule> = ParamsOf<(typeof FIELD_RULES)[R]>;

type ParamsMember<P> = object extends P ? { params?: P } : { params: P };

/**
 * One broken rule on one input field, as the server builds it: a registered rule with the
 * parameters it needs (checked by the compiler), or the code of a refusal tied to this field.
 */
export type FieldError =
  | {
      [R in FieldRule]: { path: string; rule: R; message: string } & ParamsMember<FieldRuleParams<R>>;
    }[FieldRule]
  | { path: string; rule: ErrorCode; message: string; params?: never };

/** A zod issue, reduced to what the mapping reads (zod 4 issue shape; no zod import needed). */
export interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  values?: unknown;
  divisor?: unknown;
  keys?: unknown;
  params?: unknown;
  /** `params.rule` of a refinement, when the HTTP layer flattened `params` into the issue. */
  rule?: unknown;
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : 0);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const joinPath = (p: readonly PropertyKey[]): string => p.map(String).join('.');

/** A refinement may name its registered rule in `params.rule` (e.g. `storedText`). */
const customRule = (params: unknown): 'unstorable_text' | 'invalid' =>
  (params as { rule?: unknown } | undefined)?.rule === 'unstorable_text' ? 'unstorable_text' : 'invalid';

/** The value at `path` inside `input` (zod 4 issues carry no input unless asked to). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * zod issues → registered rules with parameters. A missing value is `required` (looked up in
 * `input`, the value that was parsed); unknown keys are reported one per key so the client can
 * point at each offending field; anything else unregistered is `invalid`.
 */
export function fieldIssuesOfZod(
  issues: readonly ZodIssueLike[],
  opts: { root?: string; input?: unknown } = {},
): FieldError[] {
  const root = opts.root ?? '(root)';
  return issues.flatMap((i): FieldError[] => {
    const path = joinPath(i.path) || root;
    const message = i.message;
    switch (i.code) {
      case 'invalid_type':
        return ('input' in i ? i.input : valueAt(opts.input, i.path)) == null
          ? [{ path, rule: 'required', message }]
          : [{ path, rule: 'invalid_type', params: { expected: String(i.expected) }, message }];
      case 'too_small': {
        const origin = str(i.origin);
        return [
          {
            path,
            rule: 'too_small',
            params: { min: num(i.minimum), ...(origin ? { origin } : {}) },
            message,
          },
        ];
      }
      case 'too_big': {
        const origin = str(i.origin);
        return [
          { path, rule: 'too_big', params: { max: num(i.maximum), ...(origin ? { origin } : {}) }, message },
        ];
      }
      case 'invalid_format':
      case 'invalid_string':
        return [{ path, rule: 'invalid_format', params: { format: str(i.format) ?? 'text' }, message }];
      case 'invalid_value':
      case 'invalid_enum_value':
        return [
          {
            path,
            rule: 'invalid_value',
            ...(Array.isArray(i.values) ? { params: { values: i.values.map(String) } } : {}),
            message,
          },
        ];
      case 'not_multiple_of':
        return [{ path, rule: 'not_multiple_of', params: { divisor: num(i.divisor) }, message }];
      case 'unrecognized_keys': {
        const keys = Array.isArray(i.keys) ? i.keys.map(String) : [];
        const base = joinPath(i.path);
        return keys.length
          ? keys.map((k) => ({
              path: [base, k].filter(Boolean).join('.'),
              rule: 'unknown_field' as const,
              message,
            }))
          : [{ path, rule: 'unknown_field', message }];
      }
      case 'custom':
        return [{ path, rule: customRule(i.params ?? { rule: i.rule }), message }];
      default:
        return [{ path, rule: 'invalid', message }];
    }
  });
}
