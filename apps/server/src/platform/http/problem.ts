import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  PROBLEM_CONTENT_TYPE,
  fieldIssuesOfZod,
  problemTypeUri,
  type ErrorCode,
  type FieldError,
  type Problem,
} from '@anxin/contracts';
import { DomainError } from './errors.ts';
import { CalendarNoDataError } from '../calendar/errors.ts';

const TITLES: Partial<Record<ErrorCode, string>> = {
  'request.validation_failed': 'The request is invalid',
  'request.malformed_json': 'The request body is not valid JSON',
  'request.unknown_field': 'The request has a field that is not allowed',
  'request.payload_too_large': 'The request body is too large',
  'request.unsupported_media_type': 'The content type is not supported',
  'request.not_found': 'No such endpoint',
  'request.rate_limited': 'Too many requests',
  'auth.unauthenticated': 'Sign-in required',
  'auth.invalid_credentials': 'Wrong user name or password',
  'auth.session_expired': 'The session has expired',
  'auth.sign_in_throttled': 'Too many failed sign-ins from this source',
  'auth.csrf_failed': 'The CSRF token is missing or wrong',
  'auth.forbidden': 'Permission denied',
  'state.invalid_transition': 'This status change is not allowed',
  'resource.version_conflict': 'The record was changed by someone else',
  'server.internal': 'Internal server error',
};

export function problemOf(
  code: ErrorCode,
  status: number,
  detail: string | undefined,
  req: FastifyRequest,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
  params?: Readonly<Record<string, unknown>>,
): Problem {
  return {
    type: problemTypeUri(code),
    title: TITLES[code] ?? code,
    status,
    ...(detail ? { detail } : {}),
    instance: req.url.split('?')[0],
    code,
    ...(params && Object.keys(params).length ? { params: { ...params } } : {}),
    requestId: String(req.id),
    ...(errors && errors.length ? { errors } : {}),
    ...(extra ?? {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type(PROBLEM_CONTENT_TYPE).send(p);
}

/** zod issues (as fastify-type-provider-zod reports them) → registered field rules with params. */
interface ValidationItem {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}
function zodFieldErrors(err: FastifyError, req: FastifyRequest): FieldError[] {
  const items = (err as unknown as { validation?: ValidationItem[] }).validation ?? [];
  const context = (err as unknown as { validationContext?: string }).validationContext;
  const input = context ? (req as unknown as Record<string, unknown>)[context] : undefined;
  return fieldIssuesOfZod(
    items.map((i) => ({
      ...(i.params ?? {}),
      code: i.keyword ?? 'invalid',
      path: (i.instancePath ?? '').split('/').filter(Boolean),
      message: i.message ?? 'invalid',
    })),
    { root: context || '(root)', input },
  );
}

function classify(err: FastifyError, req: FastifyRequest): { code: ErrorCode; errors?: FieldError[] } | null {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = zodFieldErrors(err, req);
    const unknown = errors.some((e) => e.rule === 'unknown_field');
    return { code: unknown ? 'request.unknown_field' : 'request.validation_failed', errors };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'request.malformed_json' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { code: 'request.payload_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'request.unsupported_media_type' };
  }
  if (err.statusCode === 429) return { code: 'request.rate_limited' };
  if (err instanceof SyntaxError && err.statusCode === 400) return { code: 'request.malformed_json' };
  return null;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) {
      return sendProblem(
        reply,
        problemOf(err.code, err.status, err.message, req, err.errors, err.extra, err.params),
      );
    }
    if (err instanceof CalendarNoDataError) {
      return sendProblem(
        reply,
        problemOf(
          'calendar.no_data_for_year',
          422,
          err.message,
          req,
          undefined,
          { year: err.year },
          { year: err.year },
        ),
      );
    }
    const known = classify(err, req);
    if (known) {
      const status = known.code === 'request.rate_limited' ? 429 : (err.statusCode ?? 400);
      const s = known.code.startsWith('request.payload')
        ? 413
        : known.code.endsWith('media_type')
          ? 415
          : status;
      return sendProblem(reply, problemOf(known.code, s, err.message, req, known.errors));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problemOf('server.internal', 500, undefined, req));
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problemOf('request.not_found', 404, `${req.method} ${req.url.split('?')[0]}`, req)),
  );
}
