import type { EditorNode } from './schema.ts';

/**
 * Conversions between a setting value and what the form holds for it. Most values are held as
 * they are; a map is held as `{ key, value }` rows (so a key can be edited), a union as the chosen
 * alternative with its tag (`UNSET`/`NONE` for "not set" and "off"), and a field without a schema
 * as JSON text.
 */
export const UNSET = '__unset';
export const NONE = '__none';

export interface MapRow {
  key?: string;
  value?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** The form's copy of `value` for `node`. */
export function toForm(node: EditorNode, value: unknown): unknown {
  const v = value === undefined ? node.default : value;
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(
        node.props.map((p) => [p.key, toForm(p.node, isObject(v) ? v[p.key] : undefined)]),
      );
    case 'list':
      return Array.isArray(v) ? v.map((x) => toForm(node.item, x)) : [];
    case 'map': {
      const obj = isObject(v) ? v : {};
      const keys = node.fixedKeys ?? Object.keys(obj);
      return keys.map((k): MapRow => ({ key: k, value: toForm(node.value, obj[k]) }));
    }
    case 'union': {
      if (v === null || v === undefined) return { [node.tag]: v === null ? NONE : UNSET };
      const alt = node.alts.find((a) => isObject(v) && a.tag === v[node.tag]);
      return alt ? toForm(alt.node, v) : { [node.tag]: UNSET };
    }
    case 'json':
      return v === undefined ? '' : JSON.stringify(v, null, 2);
    default:
      return v;
  }
}

/** A form value that cannot become a setting value (JSON text that does not parse), by form name. */
export class BadJson extends Error {
  readonly formName: (string | number)[];
  constructor(formName: (string | number)[]) {
    super('bad JSON');
    this.formName = formName;
  }
}

const empty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The setting value for `node` from the form's copy; `name` is the form name of `form` (for
 * `BadJson`). Optional parts left empty are omitted; nullable ones become null.
 */
export function fromForm(node: EditorNode, form: unknown, name: (string | number)[] = []): unknown {
  switch (node.kind) {
    case 'object': {
      const obj = isObject(form) ? form : {};
      const out: Record<string, unknown> = {};
      for (const p of node.props) {
        const v = fromForm(p.node, obj[p.key], [...name, p.key]);
        if (v !== undefined) out[p.key] = v;
      }
      return out;
    }
    case 'list':
      return (Array.isArray(form) ? form : []).map((x, i) => fromForm(node.item, x, [...name, i]));
    case 'map': {
      const rows = (Array.isArray(form) ? form : []) as MapRow[];
      return Object.fromEntries(
        rows.flatMap((r, i) =>
          empty(r?.key) ? [] : [[r.key, fromForm(node.value, r.value, [...name, i, 'value'])]],
        ),
      );
    }
    case 'union': {
      const tag = isObject(form) ? form[node.tag] : undefined;
      if (tag === NONE) return null;
      const alt = node.alts.find((a) => a.tag === tag);
      return alt ? fromForm(alt.node, form, name) : undefined;
    }
    case 'json':
      if (empty(form)) return node.nullable ? null : undefined;
      try {
        return JSON.parse(String(form));
      } catch {
        throw new BadJson(name);
      }
    default:
      // An emptied input: null where the schema allows it, else left out (the server names it).
      if (empty(form)) return node.nullable ? null : form === '' ? '' : undefined;
      return form;
  }
}

/**
 * The form name a value path points into (`['regionModes', '330100']` → the row holding that key),
 * as deep as the editor has inputs; `form` is the form's copy of the value (map rows are found by
 * key). `rule` picks a map row's key input for key errors.
 */
export function formNameOf(node: EditorNode, form: unknown, path: string[], rule = ''): (string | number)[] {
  const [head, ...rest] = path;
  if (head === undefined) return [];
  switch (node.kind) {
    case 'object': {
      const prop = node.props.find((p) => p.key === head);
      if (!prop) return [];
      const inner = isObject(form) ? form[head] : undefined;
      return [head, ...formNameOf(prop.node, inner, rest, rule)];
    }
    case 'list': {
      const i = Number(head);
      // A list of regions is one picker; other lists have an input per item.
      if (node.item.kind === 'region' || !Number.isInteger(i)) return [];
      const inner = Array.isArray(form) ? form[i] : undefined;
      return [i, ...formNameOf(node.item, inner, rest, rule)];
    }
    case 'map': {
      const rows = (Array.isArray(form) ? form : []) as MapRow[];
      const i = rows.findIndex((r) => r?.key === head);
      if (i < 0) return [];
      if (rule === 'invalid_key' && rest.length === 0) return [i, 'key'];
      return [i, 'value', ...formNameOf(node.value, rows[i]?.value, rest, rule)];
    }
    case 'union': {
      const tag = isObject(form) ? form[node.tag] : undefined;
      const alt = node.alts.find((a) => a.tag === tag);
      return alt ? formNameOf(alt.node, form, path, rule) : [];
    }
    default:
      return [];
  }
}
