import type { FormInstance } from 'antd';
import { isApiError } from '../api/client.ts';
import { i18n } from '../i18n/index.ts';
import { fieldErrorText } from '../i18n/problem.ts';

/**
 * Puts the field errors of a problem+json response (`errors[{path, rule, params}]`), worded by
 * `fieldErrorText` (never the server's English), beside the form fields they belong to. `pathMap` renames server paths (`data.guidance`) to form names
 * (`guidance`); dotted paths become nested names. Returns the errors that matched no field, for the
 * caller to show in a ProblemAlert.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  pathMap: Record<string, string> = {},
): { unmatched: number } {
  if (!isApiError(error) || error.errors.length === 0) return { unmatched: 0 };
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  let unmatched = 0;
  for (const e of error.errors) {
    const path = pathMap[e.path] ?? e.path;
    // The deepest registered prefix: `phones.0.phone` → `phones.0.phone`, `address.detail` → `address`.
    const parts = path.split('.');
    let match: string | null = null;
    for (let n = parts.length; n > 0 && !match; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (registered.has(candidate)) match = candidate;
    }
    if (!match) {
      unmatched++;
      continue;
    }
    byField.set(match, [...(byField.get(match) ?? []), fieldErrorText(i18n.t, e, error)]);
  }
  form.setFields(
    [...byField].map(([name, errors]) => ({
      name: name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors,
    })),
  );
  return { unmatched };
}
