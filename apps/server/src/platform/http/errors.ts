import { statusForCode, type ErrorCode, type FieldError } from '@anxin/contracts';

/**
 * Every failure a user can cause is a DomainError with a registered code; the HTTP layer renders
 * it as RFC 9457 problem+json. `detail` is user-safe; internal causes stay in logs.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    opts: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'DomainError';
    this.code = code;
    this.status = statusForCode(code);
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('resource.not_found', `${what} ${id} was not found`, { extra: { resource: what, id } });

export const versionConflict = (what: string, id: string, expected: number): DomainError =>
  new DomainError('resource.version_conflict', `${what} ${id} was changed by someone else`, {
    extra: { resource: what, id, expectedVersion: expected },
  });

export const fieldError = (path: string, rule: string, message: string): DomainError =>
  new DomainError('request.validation_failed', message, { errors: [{ path, rule, message }] });

export const ruleViolated = (path: string, rule: string, message: string): DomainError =>
  new DomainError('domain.rule_violated', message, { errors: [{ path, rule, message }] });
