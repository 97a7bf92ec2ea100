import {
  ERROR_PARAMS,
  statusForCode,
  type ErrorCode,
  type ErrorParams,
  type FieldError,
  type FieldRule,
  type FieldRuleParams,
  type ResourceName,
} from '@anxin/contracts';

/** `params` may be left out only when the code's parameters are all optional. */
type ParamsOption<C extends ErrorCode> =
  object extends ErrorParams<C> ? { params?: ErrorParams<C> } : { params: ErrorParams<C> };
export type DomainErrorOptions<C extends ErrorCode> = {
  errors?: FieldError[];
  /** Extra top-level members of the problem document (kept for API users). */
  extra?: Record<string, unknown>;
} & ParamsOption<C>;
type OptionsArg<C extends ErrorCode> =
  object extends ErrorParams<C> ? [opts?: DomainErrorOptions<C>] : [opts: DomainErrorOptions<C>];

/** The declared parameters of `code` found among `extra` (so `extra: { from, to }` fills them). */
function paramsFrom(code: ErrorCode, extra: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!extra) return out;
  for (const k of Object.keys(ERROR_PARAMS[code])) if (extra[k] !== undefined) out[k] = extra[k];
  return out;
}

/**
 * Every failure a user can cause is a DomainError with a registered code and the code's typed
 * parameters; the HTTP layer renders it as RFC 9457 problem+json (`code`, `params`, `errors`).
 * `detail` is English for logs and API users; the web translates the code with its parameters.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: C, detail: string, ...[opts]: OptionsArg<C>) {
    super(detail);
    this.name = 'DomainError';
    this.code = code;
    this.status = statusForCode(code);
    this.params = (opts?.params as Record<string, unknown> | undefined) ?? paramsFrom(code, opts?.extra);
    this.errors = opts?.errors;
    this.extra = opts?.extra;
  }
}

/**
 * A refusal by a business rule: `refuse('assignment.double_booked', { orderNo }, { path })`. The
 * compiler checks the parameters against the code; `path` names the field the refusal concerns
 * (a field error whose rule is the code). `detail` defaults to the code and its parameters.
 */
export function refuse<C extends ErrorCode>(
  code: C,
  params: ErrorParams<C>,
  opts: { path?: string; detail?: string; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
): DomainError<C> {
  const detail = opts.detail ?? `${code} ${JSON.stringify(params)}`;
  const errors: FieldError[] = [
    ...(opts.path ? [{ path: opts.path, rule: code, message: detail }] : []),
    ...(opts.errors ?? []),
  ];
  const options = {
    params,
    ...(errors.length ? { errors } : {}),
    ...(opts.extra ? { extra: opts.extra } : {}),
  } as DomainErrorOptions<C>;
  return new DomainError<C>(code, detail, ...([options] as OptionsArg<C>));
}

/** A code with its parameters, as pure domain functions return a refusal. */
export type Refusal = { [C in ErrorCode]: { code: C; params: ErrorParams<C>; message?: string } }[ErrorCode];

/** `refuse` for a refusal value (the union keeps code and parameters paired). */
export function refusalOf(
  r: Refusal,
  opts: { path?: string; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
): DomainError {
  return refuse(r.code, r.params as never, { ...opts, ...(r.message ? { detail: r.message } : {}) });
}

export const notFound = (what: ResourceName, id: string): DomainError<'resource.not_found'> =>
  new DomainError('resource.not_found', `${what} ${id} was not found`, {
    params: { resource: what, id },
    extra: { resource: what, id },
  });

export const versionConflict = (what: ResourceName, id: string, expected: number): DomainError =>
  new DomainError('resource.version_conflict', `${what} ${id} was changed by someone else`, {
    params: { resource: what, id },
    extra: { resource: what, id, expectedVersion: expected },
  });

type RuleParamsArg<R extends FieldRule> =
  object extends FieldRuleParams<R> ? [params?: FieldRuleParams<R>] : [params: FieldRuleParams<R>];

/** One field breaks a registered rule (400); the compiler checks the rule's parameters. */
export function fieldError<R extends FieldRule>(
  path: string,
  rule: R,
  message: string,
  ...[params]: RuleParamsArg<R>
): DomainError<'request.validation_failed'> {
  const error = { path, rule, message, ...(params ? { params } : {}) } as FieldError;
  return new DomainError('request.validation_failed', message, { errors: [error] });
}
