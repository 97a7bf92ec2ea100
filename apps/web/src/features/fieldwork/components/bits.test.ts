import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '@anxin/contracts';
import { ApiError } from '../../../api/client.ts';
import { resources } from '../../../i18n/resources.ts';
import { fieldError } from './bits.tsx';

async function tFor(lng: Locale): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('fieldError', () => {
  it('reads the completion code refusal from params (reason, attempts left), not the detail', async () => {
    const e = new ApiError({
      status: 422,
      code: 'fieldwork.code_invalid',
      detail: 'The completion code is wrong (9 attempts left)',
      params: { reason: 'wrong', attemptsLeft: 2 },
      errors: [{ path: 'code', rule: 'fieldwork.code_invalid' }],
    });
    expect(fieldError(await tFor('zh-CN'), e)).toBe('确认码错误，还可尝试 2 次');
    const expired = new ApiError({
      status: 422,
      code: 'fieldwork.code_invalid',
      params: { reason: 'expired' },
    });
    expect(fieldError(await tFor('zh-CN'), expired)).toBe('确认码已过期，请重新发送');
  });

  it('words other field errors by rule, never by the server message', async () => {
    const e = new ApiError({
      status: 400,
      code: 'request.validation_failed',
      errors: [{ path: 'note', rule: 'required', params: {} }],
    });
    expect(fieldError(await tFor('en-US'), e)).toBe(
      'Some of the input is not valid. Check the marked fields. Required.',
    );
  });
});
