import type { SettingField } from '@anxin/contracts';

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
  o[keys.at(-1)!] = value;
}

/** Form values from a setting value: JSON fields (lists, maps) become indented text. */
export function formValues(fields: readonly SettingField[], value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = valueAt(value, f.path);
    setAt(out, f.path || ROOT, f.kind === 'json' ? JSON.stringify(v, null, 2) : v);
  }
  return out;
}

/**
 * The setting value from the form: every field written over a copy of the current value (so
 * nothing the form does not show is lost); JSON text is parsed, and unparsable fields are returned
 * by path instead.
 */
export function valueFromForm(
  fields: readonly SettingField[],
  current: unknown,
  form: Record<string, unknown>,
): { value: unknown; badJson: string[] } {
  let value: unknown = structuredClone(current);
  const badJson: string[] = [];
  for (const f of fields) {
    let v = valueAt(form, f.path || ROOT);
    if (f.kind === 'json') {
      try {
        v = JSON.parse(String(v));
      } catch {
        badJson.push(f.path);
        continue;
      }
    }
    if (v === undefined && f.nullable) v = null;
    if (!f.path) value = v;
    else setAt(value as Record<string, unknown>, f.path, v);
  }
  return { value, badJson };
}
