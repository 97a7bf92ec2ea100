import type { FieldErrorWire } from '@anxin/contracts';

/** Parameters of a problem or of one field error (`{ orderNo: 'WO…' }`), as sent. */
export type ProblemParams = Readonly<Record<string, unknown>>;

/**
 * The one HTTP client of the web app. Same-origin cookie session, JSON in and out, the CSRF token
 * (from `GET /api/v1/me`, kept only in memory) on every write, RFC 9457 problems turned into
 * `ApiError`, and a 401 on an ordinary call sends the user to the login page.
 */

/**
 * Same value as the contracts' PROBLEM_CONTENT_TYPE (client.test.ts checks), kept local because
 * importing values from @anxin/contracts pulls zod into the first-load bundle.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Codes the client itself produces when there is no problem document to read. */
export const CLIENT_ERROR_CODES = {
  network: 'server.unavailable',
  unknown: 'client.unknown',
} as const;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  /** The server's English detail: for logs and developers only, never shown (see `problemText`). */
  readonly detail: string | undefined;
  /** The code's parameters (`ERROR_PARAMS` in contracts); the web words them, nothing parses `detail`. */
  readonly params: ProblemParams;
  readonly errors: FieldErrorWire[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail?: string | undefined;
    params?: ProblemParams | undefined;
    errors?: FieldErrorWire[];
    requestId?: string | undefined;
  }) {
    super(`${init.status} ${init.code}${init.detail ? `: ${init.detail}` : ''}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title ?? init.code;
    this.detail = init.detail;
    this.params = init.params ?? {};
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const asParams = (v: unknown): ProblemParams | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as ProblemParams) : undefined;

function asFieldErrors(v: unknown): FieldErrorWire[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e): FieldErrorWire[] => {
    if (typeof e !== 'object' || e === null) return [];
    const r = e as Record<string, unknown>;
    const params = asParams(r.params);
    return [{ path: asString(r.path) ?? '', rule: asString(r.rule) ?? '', ...(params ? { params } : {}) }];
  });
}

/** Fallback code by status when a response carries no problem document (e.g. a proxy's 502). */
function codeForStatus(status: number): string {
  if (status === 401) return 'auth.unauthenticated';
  if (status === 403) return 'auth.forbidden';
  if (status === 404) return 'request.not_found';
  if (status === 413) return 'request.payload_too_large';
  if (status === 429) return 'request.rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'server.unavailable';
  if (status >= 500) return 'server.internal';
  return CLIENT_ERROR_CODES.unknown;
}

/** Reads a failed response into an `ApiError`; tolerant of bodies that are not problem+json. */
export async function toApiError(res: Response): Promise<ApiError> {
  const requestIdHeader = res.headers.get('x-request-id') ?? undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes(PROBLEM_CONTENT_TYPE) || type.includes('application/json')) {
    try {
      const body = (await res.json()) as Record<string, unknown>;
      const code = asString(body.code);
      if (code) {
        return new ApiError({
          status: typeof body.status === 'number' ? body.status : res.status,
          code,
          title: asString(body.title),
          detail: asString(body.detail),
          params: asParams(body.params),
          errors: asFieldErrors(body.errors),
          requestId: asString(body.requestId) ?? requestIdHeader,
        });
      }
    } catch {
      // Not JSON after all: fall through to the status-based code.
    }
  }
  return new ApiError({ status: res.status, code: codeForStatus(res.status), requestId: requestIdHeader });
}

// ---- session state kept in memory only ----

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};
export const getCsrfToken = (): string | null => csrfToken;

/** Only same-site relative paths may be login redirect targets (no `//evil.example`). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}

export function loginPath(target: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  const next = safeNextPath(target);
  if (next !== '/') params.set('next', next);
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

type UnauthorizedHandler = (loginUrl: string) => void;
let onUnauthorized: UnauthorizedHandler = (url) => window.location.assign(url);
/** The app installs a router-aware handler; the default does a full navigation. */
export const setUnauthorizedHandler = (h: UnauthorizedHandler): void => {
  onUnauthorized = h;
};

/** Re-reads the CSRF token (from `/api/v1/me`) after a `auth.csrf_failed`; installed by the auth feature. */
let refreshCsrf: (() => Promise<void>) | null = null;
export const setCsrfRefresher = (fn: (() => Promise<void>) | null): void => {
  refreshCsrf = fn;
};

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Leave a 401 to the caller instead of redirecting to the login page: the login call itself
   * (wrong password is a 401) and the session probe `GET /api/v1/me`.
   */
  allowUnauthenticated?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, String(x)));
    else params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function currentLocation(): string {
  if (typeof window === 'undefined') return '/';
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: `application/json, ${PROBLEM_CONTENT_TYPE}` };
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : form
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }

  if (res.ok) {
    if (res.status === 204 || res.status === 205) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) return (await res.text()) as T;
    return (await res.json()) as T;
  }

  const error = await toApiError(res);
  if (error.code === 'auth.csrf_failed' && !retried && refreshCsrf) {
    // The token rotates with the session; fetch a fresh one and try the write once more.
    await refreshCsrf();
    return apiRequest<T>(path, options, true);
  }
  if (error.status === 401 && !options.allowUnauthenticated) {
    setCsrfToken(null);
    onUnauthorized(loginPath(currentLocation(), 'expired'));
  }
  throw error;
}

export const api = {
  get: <T>(
    path: string,
    query?: Record<string, QueryValue>,
    opts: Omit<RequestOptions, 'method' | 'query' | 'body'> = {},
  ) => apiRequest<T>(path, { ...opts, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'PATCH', body }),
  delete: <T>(path: string, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'DELETE' }),
  /** A file as multipart field `file` (imports), with the usual CSRF retry and problem handling. */
  upload: <T>(path: string, file: File, query?: Record<string, QueryValue>) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return apiRequest<T>(path, { method: 'POST', body, query });
  },
};
