import type { SettingField } from '@anxin/contracts';

/**
 * What the setting editor renders, derived from a setting's field description and, for lists and
 * maps, the JSON Schema the server sends with the field. Names give the finer widgets: a string
 * under a `region…` name whose pattern admits GB/T 2260 codes is a region picker, `…Minutes` an
 * amount of time, `startMinute` a clock time.
 */
export type EditorNode = (
  | { kind: 'object'; props: ObjectProp[] }
  | { kind: 'list'; item: EditorNode; min?: number; max?: number }
  | { kind: 'map'; key: EditorNode; value: EditorNode; fixedKeys?: string[] }
  | { kind: 'union'; tag: string; alts: { tag: string; node: EditorNode }[] }
  | { kind: 'enum'; options: string[] }
  | { kind: 'integer' | 'number'; min?: number; max?: number; widget?: NumberWidget }
  | { kind: 'boolean' }
  | { kind: 'string'; pattern?: string; minLength?: number; maxLength?: number }
  | { kind: 'region'; leafOnly: boolean }
  | { kind: 'time' }
  | { kind: 'date' }
  | { kind: 'json' }
) & { nullable?: boolean; default?: unknown };

export interface ObjectProp {
  key: string;
  node: EditorNode;
  optional: boolean;
}

/** Minutes or seconds as an amount of time; `clock`: minute of the day (0–1440) as HH:MM. */
export type NumberWidget = 'minutes' | 'seconds' | 'clock';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  $ref?: string;
}

const accepts = (pattern: string, samples: string[]): boolean => {
  const re = new RegExp(pattern);
  return samples.every((s) => re.test(s));
};
const rejects = (pattern: string, samples: string[]): boolean => {
  const re = new RegExp(pattern);
  return samples.every((s) => !re.test(s));
};

/** A region code string: named like one and shaped like GB/T 2260 (6 digits, or 2/4/6). */
function regionNode(name: string, pattern: string | undefined): EditorNode | null {
  if (!pattern || !/region/i.test(name)) return null;
  if (!accepts(pattern, ['440106']) || !rejects(pattern, ['44010a', '4401061', 'x'])) return null;
  return { kind: 'region', leafOnly: rejects(pattern, ['44', '4401']) };
}

/** HH:MM within a day (visit slots). */
const isClockPattern = (p: string | undefined): boolean =>
  !!p && accepts(p, ['00:00', '09:30', '23:59']) && rejects(p, ['24:00', '9:30', '12:60']);

/** Integer fields whose name says they hold a time of day or an amount of time. */
export function numberWidgetOf(name: string, parent: string): NumberWidget | undefined {
  if (/(^|[a-z])(start|end)Minute$/i.test(name)) return 'clock';
  if (/Minutes$/.test(name) || name === 'minutes' || parent === 'serviceMinutes') return 'minutes';
  if (/Seconds$/.test(name)) return 'seconds';
  return undefined;
}

const nonNull = (alts: JsonSchema[]) => alts.filter((a) => a.type !== 'null');

/** The property every alternative fixes to its own constant (`mode` in an SLA metric). */
function unionTag(alts: JsonSchema[]): string | null {
  const first = alts[0]?.properties ?? {};
  const tag = Object.keys(first).find((k) => alts.every((a) => typeof a.properties?.[k]?.const === 'string'));
  return tag ?? null;
}

/** An editor node for a JSON Schema; `names` are the path segments that lead to it. */
export function nodeOfSchema(s: JsonSchema, names: string[] = []): EditorNode {
  const name = names.at(-1) ?? '';
  const parent = names.at(-2) ?? '';
  const extra = s.default !== undefined ? { default: s.default } : {};
  if (s.$ref) return { kind: 'json' };
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const real = nonNull(alts);
    const nullable = real.length < alts.length ? { nullable: true } : {};
    if (real.length === 1) return { ...nodeOfSchema(real[0]!, names), ...nullable };
    const tag = unionTag(real);
    if (!tag) return { kind: 'json', ...nullable };
    const options = real.map((a) => ({
      tag: a.properties![tag]!.const as string,
      node: nodeOfSchema(a, names),
    }));
    return { kind: 'union', tag, alts: options, ...nullable };
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const type = types.find((t) => t !== 'null');
  const nullable = types.includes('null') ? { nullable: true } : {};
  const base = { ...extra, ...nullable };
  if (s.const !== undefined && typeof s.const === 'string')
    return { kind: 'enum', options: [s.const], ...base };
  if (s.enum && s.enum.every((e) => typeof e === 'string')) return { kind: 'enum', options: s.enum, ...base };
  if (type === 'integer' || type === 'number') {
    const min = s.minimum ?? s.exclusiveMinimum;
    const max = s.maximum ?? s.exclusiveMaximum;
    const widget = type === 'integer' ? numberWidgetOf(name, parent) : undefined;
    return {
      kind: type,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(widget ? { widget } : {}),
      ...base,
    };
  }
  if (type === 'boolean') return { kind: 'boolean', ...base };
  if (type === 'string') return stringNode(s, name, base);
  if (type === 'array' && s.items) {
    return {
      kind: 'list',
      item: nodeOfSchema(s.items, names),
      ...(s.minItems !== undefined ? { min: s.minItems } : {}),
      ...(s.maxItems !== undefined ? { max: s.maxItems } : {}),
      ...base,
    };
  }
  if (type === 'object' && s.properties) {
    const required = new Set(s.required ?? []);
    const props = Object.entries(s.properties).map(([key, p]) => ({
      key,
      node: nodeOfSchema(p, [...names, key]),
      optional: !required.has(key),
    }));
    return { kind: 'object', props, ...base };
  }
  if (type === 'object' && typeof s.additionalProperties === 'object') return mapNode(s, names, base);
  return { kind: 'json', ...nullable };
}

function stringNode(s: JsonSchema, name: string, base: object): EditorNode {
  const region = regionNode(name, s.pattern);
  if (region) return { ...region, ...base };
  if (isClockPattern(s.pattern)) return { kind: 'time', ...base };
  return {
    kind: 'string',
    ...(s.pattern ? { pattern: s.pattern } : {}),
    ...(s.minLength !== undefined ? { minLength: s.minLength } : {}),
    ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
    ...base,
  };
}

/** A record: key → value rows; a closed set of required keys is shown as fixed rows. */
function mapNode(s: JsonSchema, names: string[], base: object): EditorNode {
  const key = nodeOfSchema({ type: 'string', ...s.propertyNames }, names);
  const value = nodeOfSchema(s.additionalProperties as JsonSchema, [...names, '*']);
  const required = s.required ?? [];
  const fixed =
    key.kind === 'enum' && key.options.every((o) => required.includes(o)) ? { fixedKeys: key.options } : {};
  return { kind: 'map', key, value, ...fixed, ...base };
}

/** The node of one top-level field of a setting (the server's description, plus its schema). */
export function nodeOfField(f: SettingField): EditorNode {
  const segs = f.path ? f.path.split('.') : [];
  const nullable = f.nullable ? { nullable: true } : {};
  const name = segs.at(-1) ?? '';
  switch (f.kind) {
    case 'integer':
    case 'number': {
      const widget = f.kind === 'integer' ? numberWidgetOf(name, segs.at(-2) ?? '') : undefined;
      return {
        kind: f.kind,
        ...(f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== undefined ? { max: f.max } : {}),
        ...(widget ? { widget } : {}),
        ...nullable,
      };
    }
    case 'boolean':
      return { kind: 'boolean', ...nullable };
    case 'enum':
      return { kind: 'enum', options: f.options ?? [], ...nullable };
    case 'string':
      return /Date$/.test(name) ? { kind: 'date', ...nullable } : { kind: 'string', ...nullable };
    default:
      return f.schema
        ? { ...nodeOfSchema(f.schema as JsonSchema, segs), ...nullable }
        : { kind: 'json', ...nullable };
  }
}
