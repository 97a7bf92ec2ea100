import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { z } from 'zod';
import {
  fieldIssuesOfZod,
  SECRET_MASK,
  type FieldError,
  type Permission,
  type SettingField,
} from '@anxin/contracts';

/** A sanity bound on one numeric leaf (dotted path), checked on write only: stricter than the schema. */
export interface SettingBound {
  min?: number;
  max?: number;
}

/**
 * One business setting as its module registers it (`modules/<x>/<x>.settings.ts`). The schema is
 * what reading code relies on; bounds and `validate` are guard rails for edits (a stored value that
 * passes the schema but not a bound keeps working, so tightening a bound never breaks a running
 * installation).
 */
export interface SettingDefinition<T = unknown> {
  key: string;
  module: string;
  schema: z.ZodType<T>;
  default: T;
  read: Permission;
  write: Permission;
  /** i18n key of the setting's name (`settings.keys.<key>` in both web locales). */
  label: string;
  bounds?: Readonly<Record<string, SettingBound>>;
  /** Cross-field rules beyond the schema (e.g. weights adding up to 100). */
  // Method syntax on purpose: a definition of any value type is then a SettingDefinition<unknown>.
  validate?(value: T): FieldError[];
  /**
   * Checks that need the database (e.g. outgoing URLs against the `net.outbound` allow-list);
   * throws a DomainError to refuse the edit.
   */
  check?(value: T, db: Kysely<Database>): Promise<void>;
  /**
   * Dotted paths of string leaves that are secrets: the API shows them as `SECRET_MASK` (when set)
   * and a write that sends the mask back keeps the stored secret.
   */
  secrets?: readonly string[];
}

/** Identity helper that keeps the value type of a definition. */
export function defineSetting<T>(def: SettingDefinition<T>): SettingDefinition<T> {
  return def;
}

/** Every registered setting; registering a key twice fails start-up. */
export class SettingsRegistry {
  private readonly defs = new Map<string, SettingDefinition>();

  register(...defs: SettingDefinition[]): this {
    for (const def of defs) {
      if (this.defs.has(def.key)) throw new Error(`setting ${def.key} is registered twice`);
      const parsed = def.schema.safeParse(def.default);
      if (!parsed.success) throw new Error(`setting ${def.key}: the default does not satisfy its schema`);
      this.defs.set(def.key, def);
    }
    return this;
  }

  get(key: string): SettingDefinition | undefined {
    return this.defs.get(key);
  }

  list(): SettingDefinition[] {
    return [...this.defs.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  keys(): string[] {
    return this.list().map((d) => d.key);
  }
}

export const issuesOf = (error: z.ZodError, input: unknown): FieldError[] =>
  fieldIssuesOfZod(error.issues, { input });

const valueAt = (v: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      v,
    );

/** Bound and cross-field violations of a value that already satisfies the schema. */
export function guardIssues(def: SettingDefinition, value: unknown): FieldError[] {
  const out: FieldError[] = [];
  for (const [path, b] of Object.entries(def.bounds ?? {})) {
    const v = valueAt(value, path);
    if (typeof v !== 'number') continue;
    if (b.min !== undefined && v < b.min)
      out.push({
        path,
        rule: 'too_small',
        params: { min: b.min },
        message: `${path} must be at least ${b.min}`,
      });
    if (b.max !== undefined && v > b.max)
      out.push({
        path,
        rule: 'too_big',
        params: { max: b.max },
        message: `${path} must be at most ${b.max}`,
      });
  }
  return [...out, ...(def.validate?.(value) ?? [])];
}

type Json = {
  $schema?: string;
  type?: string | string[];
  properties?: Record<string, Json>;
  additionalProperties?: unknown;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Json[];
  oneOf?: Json[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/** A JSON field's own schema (the web builds row and key → value editors from it). */
function jsonField(path: string, s: Json, extra: { nullable?: boolean }): SettingField {
  const { $schema: _dialect, ...schema } = s;
  return { path, kind: 'json', ...extra, schema };
}

/**
 * The editable leaves of a setting, generated from its schema: objects are walked, numbers,
 * booleans, strings and enums become fields, anything else (lists, maps, unions) one JSON field
 * that carries its JSON Schema.
 */
export function fieldsOf(def: SettingDefinition): SettingField[] {
  let root: Json;
  try {
    root = z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as Json;
  } catch {
    return [{ path: '', kind: 'json' }];
  }
  const out: SettingField[] = [];
  const walk = (s: Json, path: string, nullable: boolean): void => {
    const alts = s.anyOf ?? s.oneOf;
    if (alts) {
      const nonNull = alts.filter((a) => a.type !== 'null');
      if (nonNull.length === 1 && alts.length === 2) return walk(nonNull[0]!, path, true);
      out.push(jsonField(path, s, nullable ? { nullable: true } : {}));
      return;
    }
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    const isNull = nullable || (Array.isArray(s.type) && s.type.includes('null'));
    const extra = isNull ? { nullable: true } : {};
    const b = def.bounds?.[path];
    const min = b?.min ?? s.minimum ?? s.exclusiveMinimum;
    const max = b?.max ?? s.maximum ?? s.exclusiveMaximum;
    const range = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    if (type === 'object' && s.properties && path.split('.').length < 4) {
      for (const [k, v] of Object.entries(s.properties)) walk(v, path ? `${path}.${k}` : k, false);
    } else if (s.enum && s.enum.every((e) => typeof e === 'string')) {
      out.push({ path, kind: 'enum', options: s.enum as string[], ...extra });
    } else if (type === 'integer') out.push({ path, kind: 'integer', ...range, ...extra });
    else if (type === 'number') out.push({ path, kind: 'number', ...range, ...extra });
    else if (type === 'boolean') out.push({ path, kind: 'boolean', ...extra });
    else if (type === 'string') out.push({ path, kind: 'string', ...extra });
    else out.push(jsonField(path, s, extra));
  };
  walk(root, '', false);
  return out;
}

const setAt = (v: unknown, path: string, leaf: unknown): unknown => {
  const [head, ...rest] = path.split('.');
  if (!v || typeof v !== 'object' || !head || !(head in v)) return v;
  const o = v as Record<string, unknown>;
  return { ...o, [head]: rest.length ? setAt(o[head], rest.join('.'), leaf) : leaf };
};

/** The value with every non-empty secret replaced by the mask (what the API returns). */
export function maskSecrets(def: SettingDefinition, value: unknown): unknown {
  return (def.secrets ?? []).reduce((v, path) => {
    const s = valueAt(v, path);
    return typeof s === 'string' && s !== '' ? setAt(v, path, SECRET_MASK) : v;
  }, value);
}

/** An edit that sends a secret back as the mask keeps the stored secret. */
export function unmaskSecrets(def: SettingDefinition, incoming: unknown, stored: unknown): unknown {
  return (def.secrets ?? []).reduce(
    (v, path) => (valueAt(v, path) === SECRET_MASK ? setAt(v, path, valueAt(stored, path) ?? '') : v),
    incoming,
  );
}
