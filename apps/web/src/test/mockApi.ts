// A fake of the server for rendered tests: `fetch` answers "METHOD /path" routes with given JSON or
// problem+json, and records every request so a test can assert what the page sent.
import { vi } from 'vitest';
import type { FieldErrorWire } from '@anxin/contracts';
import { PROBLEM_CONTENT_TYPE } from '../api/client.ts';

/** What one route answers: a status and a JSON body (problem+json when it carries a `code`). */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

/** One request as the page sent it; `body` is the parsed JSON body, if any. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/**
 * A route's answer: a `Reply` (from `reply` or `problem`), a function of the request, or plain
 * data, answered as 200 JSON.
 */
export type RouteAnswer = Reply | ((req: SentRequest) => unknown) | object | string | number | boolean | null;

/** Routes by `"GET /api/v1/visit-slots"`; the path is matched exactly, without the query string. */
export type Routes = Record<string, RouteAnswer>;

const REPLY = Symbol('reply');
type Tagged = Reply & { [REPLY]: true };

export const reply = (status: number, body?: unknown): Reply => ({ status, body, [REPLY]: true }) as Tagged;

/** A refusal as the server words it: RFC 9457 with the registered code, its params and field errors. */
export const problem = (
  status: number,
  code: string,
  extra: { params?: Record<string, unknown>; errors?: FieldErrorWire[] } = {},
): Reply =>
  reply(status, {
    type: `https://anxin.dev/problems/${code.replace(/\./g, '/')}`,
    title: code,
    status,
    code,
    // Prose for developers only: a test that finds it on screen has found a bug.
    detail: `server detail for ${code}`,
    ...extra,
  });

const isReply = (v: unknown): v is Reply => typeof v === 'object' && v !== null && REPLY in v;

function toResponse(r: Reply): Response {
  if (r.status === 204 || r.body === undefined) return new Response(null, { status: r.status });
  const isProblem = typeof r.body === 'object' && r.body !== null && 'code' in r.body && r.status >= 400;
  return new Response(JSON.stringify(r.body), {
    status: r.status,
    headers: { 'content-type': isProblem ? PROBLEM_CONTENT_TYPE : 'application/json' },
  });
}

export interface ApiMock {
  /** Every request in the order sent. */
  readonly sent: SentRequest[];
  /** The requests to one route, e.g. `requests('POST /api/v1/…/dispatch')`. */
  requests(route: string): SentRequest[];
  /** Adds or replaces routes (a refusal for the next try, fresher data after a write). */
  on(routes: Routes): void;
}

/** Replaces `fetch` for this test (the DOM setup restores it after each test). */
export function mockApi(initial: Routes = {}): ApiMock {
  const routes = new Map<string, RouteAnswer>(Object.entries(initial));
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://anxin.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const req: SentRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    sent.push(req);
    const key = `${method} ${url.pathname}`;
    if (!routes.has(key)) return toResponse(problem(404, 'request.not_found', { params: { route: key } }));
    const answer = routes.get(key);
    const value = typeof answer === 'function' ? (answer as (r: SentRequest) => unknown)(req) : answer;
    return toResponse(isReply(value) ? value : reply(200, value));
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    sent,
    requests: (route) => sent.filter((r) => `${r.method} ${r.path}` === route),
    on: (more) => Object.entries(more).forEach(([k, v]) => routes.set(k, v)),
  };
}
