import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { render } from '../test/render.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

const PROSE = 'username must be at least 3 characters (server English)';

const invalid = new ApiError({
  status: 400,
  code: 'request.validation_failed',
  detail: PROSE,
  errors: [
    { path: 'username', rule: 'too_small', params: { min: 3, origin: 'string' } },
    { path: 'phones.0.phone', rule: 'invalid_format', params: { format: 'phone' } },
  ],
});

describe('ProblemAlert', () => {
  it('words the code and each field rule, labels known fields and never shows server prose', async () => {
    const html = await render(<ProblemAlert error={invalid} labels={{ phones: '电话' }} />);
    expect(html).toContain('提交的内容有误，请检查标记的字段。');
    expect(html).toContain('至少 3 个字符。');
    expect(html).toContain('电话');
    expect(html).toContain('格式不正确。');
    expect(html).toContain('username'); // an unlabelled field shows its path
    expect(html).not.toContain(PROSE);
    expect(html).not.toContain('server English');
  });

  it('words a refusal with its parameters in English too', async () => {
    const e = new ApiError({
      status: 422,
      code: 'dispatch.outlet_suspended',
      detail: 'Outlet GD009 is suspended',
      params: { outletCode: 'GD001' },
      errors: [{ path: 'outletId', rule: 'dispatch.outlet_suspended' }],
    });
    const html = await render(<ProblemAlert error={e} />, 'en-US');
    expect(html).toContain('Outlet GD001 is suspended and cannot take orders.');
    expect(html).not.toContain('GD009');
  });
});
