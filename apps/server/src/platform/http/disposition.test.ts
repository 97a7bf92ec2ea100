import { describe, expect, it } from 'vitest';
import { contentDisposition } from './disposition.ts';

describe('contentDisposition', () => {
  it('names a Chinese file in RFC 5987 form with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '工单导出.xlsx', 'work-orders.xlsx')).toBe(
      `attachment; filename="work-orders.xlsx"; filename*=UTF-8''%E5%B7%A5%E5%8D%95%E5%AF%BC%E5%87%BA.xlsx`,
    );
  });
  it('falls back to the name with other characters, quotes and backslashes as _', () => {
    expect(contentDisposition('inline', '说明 "a"\\b.pdf')).toBe(
      `inline; filename="__ _a__b.pdf"; filename*=UTF-8''%E8%AF%B4%E6%98%8E%20%22a%22%5Cb.pdf`,
    );
  });
});
