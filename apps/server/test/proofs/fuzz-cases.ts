/**
 * Invalid and edge-case inputs generated from a route's JSON schema (the OpenAPI document built
 * from the zod schemas): a plausible value first, then one mutation at a time. Deterministic: the
 * random choices come from a seeded generator.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
};

/** mulberry32: small, fast, seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOW = '2026-11-23T02:00:00.000Z';

function option(s: JsonSchema): JsonSchema {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.find((x) => x.type !== 'null') ?? alts[0]!;
  if (s.allOf?.length) return s.allOf[0]!;
  return s;
}

function sampleString(s: JsonSchema): string {
  if (s.format === 'date-time') return NOW;
  if (s.format === 'date') return '2026-11-23';
  if (s.format === 'email') return 'a@example.com';
  if (s.pattern?.includes('\\d')) return '440106';
  if (s.pattern) return 'a'.repeat(Math.max(1, s.minLength ?? 1));
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** A plausible value for the schema (not guaranteed valid: cross-field rules are unknown here). */
export function sample(schema: JsonSchema, depth = 0): unknown {
  const s = option(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 6) return out;
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k] ?? {}, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, depth + 1));
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    default:
      return 'x';
  }
}

const deep = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = { a: [v] };
  return v;
};

/** Values that break a field's type or sit at its edges. */
export const EDGE_VALUES: [string, unknown][] = [
  ['null', null],
  ['NUL', 'a\u0000b'],
  ['lone surrogate', 'x\ud800'],
  ['huge string', 'x'.repeat(200_000)],
  ['empty string', ''],
  ['emoji', '😀'.repeat(50)],
  ['negative', -1],
  ['beyond safe integer', -(2 ** 53 + 2)],
  ['huge number', 1e308],
  ['fraction', 0.5],
  ['boolean', true],
  ['number string', '12'],
  ['array', ['x']],
  ['object', { x: 1 }],
  ['deep nesting', deep(500)],
];

/** A body case: JSON value or raw text (sent as application/json). */
export interface BodyCase {
  label: string;
  body: unknown;
  raw?: string;
}

function paths(schema: JsonSchema, prefix: string[] = [], depth = 0): string[][] {
  const s = option(schema);
  if (depth > 2 || !s.properties) return [];
  return Object.entries(s.properties).flatMap(([k, child]) => [
    [...prefix, k],
    ...paths(child, [...prefix, k], depth + 1),
  ]);
}

function setAt(base: unknown, path: string[], value: unknown, remove = false): unknown {
  const root = structuredClone(base) as Record<string, unknown>;
  let cur: Record<string, unknown> = root;
  for (const k of path.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object' || Array.isArray(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete cur[last];
  else cur[last] = value;
  return root;
}

/** Up to `max` body cases for a schema, chosen by `rnd` from the full list. */
export function bodyCases(schema: JsonSchema, rnd: () => number, max: number): BodyCase[] {
  const base = sample(schema);
  const whole: BodyCase[] = [
    { label: 'plausible', body: base },
    { label: 'empty object', body: {} },
    { label: 'array body', body: [base] },
    { label: 'string body', body: 'x' },
    { label: 'null body', body: null },
    // As text: serialising 5000 levels would overflow this process's stack, not the server's.
    { label: 'deep body', body: null, raw: '{"a":['.repeat(5000) + '"x"' + ']}'.repeat(5000) },
    { label: 'extra field', body: { ...(base as object), unexpectedField: 1 } },
    { label: 'malformed JSON', body: null, raw: '{"a":' },
    { label: 'proto pollution', body: null, raw: '{"__proto__":{"admin":true}}' },
    { label: 'NUL key', body: { ...(base as object), ['k\u0000']: 1 } },
  ];
  const fields: BodyCase[] = paths(schema).flatMap((p) => [
    { label: `${p.join('.')} missing`, body: setAt(base, p, undefined, true) },
    ...EDGE_VALUES.map(([what, v]) => ({ label: `${p.join('.')} ${what}`, body: setAt(base, p, v) })),
  ]);
  return [...whole, ...pick(fields, rnd, Math.max(0, max - whole.length))];
}

/** `n` items of `list` in a seeded random order (all of them when the list is short). */
export function pick<T>(list: readonly T[], rnd: () => number, n: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/** Edge values for a path or query parameter, as URL text. */
export const PARAM_VALUES: [string, string][] = [
  ['NUL', 'a%00b'],
  ['lone surrogate', '%ED%A0%80'],
  ['bad escape', '%E0%A4%A'],
  ['huge', 'x'.repeat(5000)],
  ['negative', '-1'],
  ['huge number', '1e308'],
  ['dot segments', '..%2F..%2Fetc'],
  ['quote', "x'%20or%201=1--"],
  ['emoji', encodeURIComponent('😀')],
  ['empty', ''],
];
