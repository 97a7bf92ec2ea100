import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '@anxin/contracts';
import { ApiError } from '../../../api/client.ts';
import { resources } from '../../../i18n/resources.ts';
import { ruleMessage } from './rules.ts';

async function tFor(lng: Locale): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('ruleMessage', () => {
  it('takes the clashing order number from params, not from the English detail', async () => {
    const e = new ApiError({
      status: 422,
      code: 'assignment.double_booked',
      detail: 'The technician already has order XX00000000-9999 at 09:00–11:00',
      params: { orderNo: 'WO20260616-0007' },
      errors: [{ path: 'data.appointment', rule: 'assignment.double_booked' }],
    });
    expect(ruleMessage(await tFor('zh-CN'), e)).toBe('该工程师在此时段已有工单 WO20260616-0007。');
    expect(ruleMessage(await tFor('en-US'), e)).toContain('WO20260616-0007');
  });

  it('knows the escalation refusals and leaves anything else to the ProblemAlert', async () => {
    const t = await tFor('zh-CN');
    const top = new ApiError({
      status: 422,
      code: 'workorder.max_escalation_tier',
      params: { tier: 4 },
      errors: [{ path: 'escalationTier', rule: 'workorder.max_escalation_tier' }],
    });
    expect(ruleMessage(t, top)).toBe('工单已是最高级别，不能再升级。');
    expect(ruleMessage(t, new ApiError({ status: 422, code: 'assignment.no_outlet' }))).toBeNull();
    expect(ruleMessage(t, new Error('x'))).toBeNull();
  });
});
