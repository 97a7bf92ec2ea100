import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, ERROR_PARAMS, requiredParams } from './errors.ts';
import { FIELD_RULES, fieldIssuesOfZod } from './field-rules.ts';
import { storedText } from './common.ts';

const Schema = z.strictObject({
  name: z.string().min(3),
  qty: z.number().max(10),
  kind: z.enum(['a', 'b']),
  email: z.email(),
  step: z.number().multipleOf(5),
  tags: z.array(z.string()).min(1),
});

describe('fieldIssuesOfZod', () => {
  it('maps zod issues to registered rules with their parameters', () => {
    const input = { qty: 11, kind: 'c', email: 'no', step: 7, tags: [], extra: 1 };
    const r = Schema.safeParse(input);
    expect(r.success).toBe(false);
    const issues = fieldIssuesOfZod(r.error!.issues, { input });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, { rule: i.rule, params: i.params }]));
    expect(byPath).toEqual({
      name: { rule: 'required', params: undefined },
      qty: { rule: 'too_big', params: { max: 10, origin: 'number' } },
      kind: { rule: 'invalid_value', params: { values: ['a', 'b'] } },
      email: { rule: 'invalid_format', params: { format: 'email' } },
      step: { rule: 'not_multiple_of', params: { divisor: 5 } },
      tags: { rule: 'too_small', params: { min: 1, origin: 'array' } },
      extra: { rule: 'unknown_field', params: undefined },
    });
    for (const i of issues) expect(Object.keys(FIELD_RULES)).toContain(i.rule);
  });

  it('tells a wrong type from a missing value, and names the root when the path is empty', () => {
    const r = z.object({ name: z.string() }).safeParse({ name: 5 });
    expect(fieldIssuesOfZod(r.error!.issues, { input: { name: 5 } })).toEqual([
      expect.objectContaining({ path: 'name', rule: 'invalid_type', params: { expected: 'string' } }),
    ]);
    const root = z
      .string()
      .refine(() => false)
      .safeParse('x');
    expect(fieldIssuesOfZod(root.error!.issues, { root: 'body' })).toEqual([
      expect.objectContaining({ path: 'body', rule: 'invalid' }),
    ]);
  });
});

describe('storedText', () => {
  it('refuses NUL and lone surrogates with the rule unstorable_text, and keeps surrogate pairs', () => {
    const S = z.object({ a: storedText().max(10) });
    for (const bad of ['a\u0000', '\ud800', 'x\udc00y', '\udc00\ud800']) {
      const r = S.safeParse({ a: bad });
      expect(fieldIssuesOfZod(r.error!.issues)).toEqual([
        expect.objectContaining({ path: 'a', rule: 'unstorable_text' }),
      ]);
    }
    expect(S.safeParse({ a: '安心😀' }).success).toBe(true);
  });
});

describe('error parameters', () => {
  it('describe every code, with well-formed kinds', () => {
    expect(Object.keys(ERROR_PARAMS).sort()).toEqual([...ERROR_CODES].sort());
    expect(requiredParams(ERROR_PARAMS['assignment.double_booked'])).toEqual(['orderNo']);
  });
});
