import type { FormRule as Rule } from 'antd';

/** A rule Form.List accepts (validators only). */
type ListRule = { validator: (rule: unknown, items: unknown[] | undefined) => Promise<void> };
import type { TFunction } from 'i18next';
import { fieldErrorText } from '../../../i18n/problem.ts';
import type { EditorNode } from './schema.ts';

/** A rule's words, as the server's field errors are worded (`validation.<rule>`). */
const say = (t: TFunction, rule: string, params: Record<string, unknown> = {}) =>
  fieldErrorText(t, { path: '', rule, params });

/** Client checks for one input, from its node: the same limits the server enforces. */
export function rulesOf(t: TFunction, node: EditorNode, required: boolean): Rule[] {
  const rules: Rule[] = [];
  if (required) rules.push({ required: true, message: say(t, 'required') });
  if (node.kind === 'integer' || node.kind === 'number') {
    if (node.min !== undefined)
      rules.push({ type: 'number', min: node.min, message: say(t, 'too_small', { min: node.min }) });
    if (node.max !== undefined)
      rules.push({ type: 'number', max: node.max, message: say(t, 'too_big', { max: node.max }) });
  }
  if (node.kind === 'string') {
    if (node.pattern) rules.push({ pattern: new RegExp(node.pattern), message: say(t, 'invalid_format') });
    if (node.minLength !== undefined && node.minLength > 0)
      rules.push({ min: node.minLength, message: say(t, 'too_small_string', { min: node.minLength }) });
    if (node.maxLength !== undefined)
      rules.push({ max: node.maxLength, message: say(t, 'too_big_string', { max: node.maxLength }) });
  }
  if (node.kind === 'json') {
    rules.push({
      validator: async (_, v: unknown) => {
        if (typeof v !== 'string' || !v.trim()) return;
        try {
          JSON.parse(v);
        } catch {
          throw new Error(t('settings.business.jsonInvalid'));
        }
      },
    });
  }
  return rules;
}

/** The item-count limits of a list, checked on the list as a whole. */
export function listRules(t: TFunction, min?: number, max?: number): ListRule[] {
  return [
    {
      validator: async (_: unknown, items: unknown[] | undefined) => {
        const n = items?.length ?? 0;
        if (min !== undefined && n < min) throw new Error(say(t, 'too_small_array', { min }));
        if (max !== undefined && n > max) throw new Error(say(t, 'too_big_array', { max }));
      },
    },
  ];
}
