import type { SettingField } from '@anxin/contracts';
import { BadJson, formNameOf, fromForm, toForm } from './editor/model.ts';
import { nodeOfField } from './editor/schema.ts';

/** Form name of a field's path (the root of a whole-value field gets a name of its own). */
export const ROOT = '__value';
export const nameOf = (path: string): string[] => (path ? path.split('.') : [ROOT]);

export const valueAt = (v: unknown, path: string): unknown =>
  path
    ? path
        .split('.')
        .reduce<unknown>(
          (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
          v,
        )
    : v;

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  if (value === undefined) delete o[keys.at(-1)!];
  else o[keys.at(-1)!] = value;
}

/** Form values from a setting value: lists and maps as rows, values without a schema as JSON text. */
export function formValues(fields: readonly SettingField[], value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) setAt(out, f.path || ROOT, toForm(nodeOfField(f), valueAt(value, f.path)));
  return out;
}

/**
 * The setting value from the form: every field written over a copy of the current value (so
 * nothing the form does not show is lost); JSON text is parsed, and the form names of inputs whose
 * text does not parse are returned instead.
 */
export function valueFromForm(
  fields: readonly SettingField[],
  current: unknown,
  form: Record<string, unknown>,
): { value: unknown; badJson: (string | number)[][] } {
  let value: unknown = structuredClone(current);
  const badJson: (string | number)[][] = [];
  for (const f of fields) {
    let v: unknown;
    try {
      v = fromForm(nodeOfField(f), valueAt(form, f.path || ROOT), nameOf(f.path));
    } catch (e) {
      if (!(e instanceof BadJson)) throw e;
      badJson.push(e.formName);
      continue;
    }
    if (v === undefined && f.nullable) v = null;
    if (!f.path) value = v;
    else setAt(value as Record<string, unknown>, f.path, v);
  }
  return { value, badJson };
}

/**
 * Where a server field error belongs in the form: `value.slots.1.end` → `['slots', 1, 'end']`.
 * The deepest input the editor has for the path; null when no field covers it.
 */
export function formNameOfError(
  fields: readonly SettingField[],
  form: Record<string, unknown>,
  errorPath: string,
  rule: string,
): (string | number)[] | null {
  const segs = errorPath === 'value' ? [] : errorPath.replace(/^value\./, '').split('.');
  // The field whose path is the longest prefix of the error's path (the root field covers all).
  const field = [...fields]
    .filter((f) => !f.path || f.path === segs.slice(0, f.path.split('.').length).join('.'))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!field) return null;
  const own = field.path ? field.path.split('.').length : 0;
  const rest = segs.slice(own);
  const inner = formNameOf(nodeOfField(field), valueAt(form, field.path || ROOT), rest, rule);
  return [...nameOf(field.path), ...inner];
}
