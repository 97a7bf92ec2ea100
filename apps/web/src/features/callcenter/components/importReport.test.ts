import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import { changeLocale, i18n } from '../../../i18n/index.ts';
import { importErrorRows } from './ImportDialog.tsx';

describe('call import report', () => {
  const refusal = new ApiError({
    status: 422,
    code: 'callcenter.import_invalid',
    params: { count: 2 },
    errors: [
      { path: 'rows.3.outcome', rule: 'invalid_value', message: 'x' },
      { path: 'rows.7.agent', rule: 'not_found', message: 'x' },
    ],
  });

  it('lists each bad cell by row and column in the user’s language', async () => {
    await changeLocale('zh-CN');
    const zh = importErrorRows(i18n.t, refusal);
    expect(zh.map((r) => [r.row, r.field])).toEqual([
      ['3', '结果'],
      ['7', '坐席账号'],
    ]);
    expect(zh.every((r) => r.text && !r.text.includes('validation.'))).toBe(true);
    await changeLocale('en-US');
    expect(importErrorRows(i18n.t, refusal).map((r) => r.field)).toEqual(['Outcome', 'Agent login']);
  });

  it('has no rows for other problems', () => {
    expect(importErrorRows(i18n.t, new ApiError({ status: 400, code: 'request.validation_failed' }))).toEqual(
      [],
    );
    expect(importErrorRows(i18n.t, null)).toEqual([]);
  });
});
