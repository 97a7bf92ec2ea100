import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '@anxin/contracts';
import { ApiError } from '../api/client.ts';
import { resources } from './resources.ts';
import { fieldErrorText, fieldLabel, problemText } from './problem.ts';

async function tFor(lng: Locale): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

// The server's English prose: it must never reach the screen.
const PROSE = 'The technician already has order XX00000000-9999 at 09:00–11:00';

const doubleBooked = new ApiError({
  status: 422,
  code: 'assignment.double_booked',
  detail: PROSE,
  params: { orderNo: 'WO20260616-0007', start: '2026-06-16T01:00:00Z', end: '2026-06-16T03:00:00Z' },
  errors: [{ path: 'data.appointment', rule: 'assignment.double_booked' }],
});

describe('problemText', () => {
  it('words a registered code with its parameters in both locales, never the detail', async () => {
    const zh = problemText(await tFor('zh-CN'), doubleBooked);
    const en = problemText(await tFor('en-US'), doubleBooked);
    expect(zh).toBe('该工程师在此时段已有工单 WO20260616-0007。');
    expect(en).toBe('The technician already has order WO20260616-0007 in this window.');
    for (const s of [zh, en]) expect(s).not.toContain('XX00000000');
  });

  it('names the resource of a not-found, and falls back for an unknown resource', async () => {
    const t = await tFor('zh-CN');
    const nf = (resource?: string) =>
      new ApiError({
        status: 404,
        code: 'resource.not_found',
        params: resource ? { resource, id: 'x' } : {},
      });
    expect(problemText(t, nf('work order'))).toBe('工单不存在或已被删除。');
    expect(problemText(t, nf('spaceship'))).toBe('数据不存在或已被删除。');
    expect(problemText(t, nf())).toBe('数据不存在或已被删除。');
  });

  it('words parameter values that are codes (the next prospect stage)', async () => {
    const e = new ApiError({
      status: 422,
      code: 'prospect.one_step_forward',
      params: { from: 'prospect', next: 'negotiating' },
    });
    expect(problemText(await tFor('zh-CN'), e)).toBe('只能逐级推进，下一阶段是“洽谈中”。');
  });

  it('words the order status of a parts refusal, not the HTTP status', async () => {
    const e = new ApiError({
      status: 409,
      code: 'parts.order_not_in_service',
      params: { orderStatus: 'scheduled' },
    });
    const zh = problemText(await tFor('zh-CN'), e);
    const en = problemText(await tFor('en-US'), e);
    expect(zh).toContain('已预约');
    expect(`${zh}${en}`).not.toMatch(/409|scheduled/);
  });

  it('joins list parameters and treats unknown codes and non-API errors as unknown', async () => {
    const t = await tFor('en-US');
    const items = new ApiError({
      status: 422,
      code: 'evaluation.items_unassessed',
      params: { count: 2, items: ['A1', 'B2'] },
    });
    expect(problemText(t, items)).toBe('2 applicable item(s) have no evidence yet: A1, B2.');
    expect(problemText(t, new ApiError({ status: 418, code: 'teapot.brewing' }))).toBe(
      'An unexpected error occurred (418).',
    );
    expect(problemText(t, new Error('boom'))).toBe('An unexpected error occurred (—).');
  });
});

describe('fieldErrorText', () => {
  it('words a rule with its parameters, by the origin of a size rule', async () => {
    const t = await tFor('zh-CN');
    expect(fieldErrorText(t, { path: 'name', rule: 'too_small', params: { min: 3, origin: 'string' } })).toBe(
      '至少 3 个字符。',
    );
    expect(fieldErrorText(t, { path: 'qty', rule: 'too_small', params: { min: 1, origin: 'number' } })).toBe(
      '不能小于 1。',
    );
    expect(fieldErrorText(t, { path: 'to', rule: 'max_range', params: { maxDays: 62 } })).toBe(
      '一次最多查询 62 天。',
    );
    expect(fieldErrorText(t, { path: 'x', rule: 'no_such_rule' })).toBe('内容无效。');
  });

  it('words a refusal tied to a field by the problem code and its parameters', async () => {
    const t = await tFor('en-US');
    expect(fieldErrorText(t, doubleBooked.errors[0]!, doubleBooked)).toBe(
      'The technician already has order WO20260616-0007 in this window.',
    );
  });

  it('finds the deepest labelled prefix of a path', () => {
    expect(fieldLabel('phones.0.phone', { phones: 'Phones' })).toBe('Phones');
    expect(fieldLabel('phones.0.phone', { 'phones.0.phone': 'First phone', phones: 'Phones' })).toBe(
      'First phone',
    );
    expect(fieldLabel('other', { phones: 'Phones' })).toBeNull();
  });
});
