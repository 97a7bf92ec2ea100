import { describe, expect, it } from 'vitest';
import { noticeText } from './reasons.ts';

describe('escalation notice text', () => {
  it('names an automatic SLA escalation in words', () => {
    expect(noticeText('sla_breached_response')).toBe('自动升级：响应时限已超时');
    expect(noticeText('sla_breached_first_contact')).toBe('自动升级：首次联系时限已超时');
    expect(noticeText('sla_breached_sla')).toBe('自动升级：时限已超时');
  });

  it("keeps a person's own reason", () => {
    expect(noticeText('多次维修未果')).toBe('多次维修未果');
  });
});
