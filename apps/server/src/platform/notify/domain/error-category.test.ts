import { describe, expect, it } from 'vitest';
import { errorCategoryOf } from './error-category.ts';

describe('errorCategoryOf', () => {
  it.each([
    ['ChannelError', 'dingtalk: errcode 310000: sign not match', 'auth_failed'],
    [
      'ChannelError',
      'sms: aliyun InvalidAccessKeyId.NotFound: Specified access key is not found',
      'auth_failed',
    ],
    ['ChannelError', 'sms: aliyun isv.BUSINESS_LIMIT_CONTROL: limit', 'rate_limited'],
    ['ChannelError', 'wecom: errcode 45009: api freq out of limit', 'rate_limited'],
    ['ChannelError', 'sms: tencent InvalidParameterValue.IncorrectPhoneNumber', 'invalid_recipient'],
    ['ChannelError', 'sms: aliyun isv.SMS_TEMPLATE_ILLEGAL: template', 'template_rejected'],
    ['ChannelError', 'sms: no provider template code for appointment_set', 'template_rejected'],
    ['TimeoutError', 'The operation was aborted due to timeout', 'network'],
    ['ChannelError', 'dingtalk: HTTP 502 bad gateway', 'network'],
    [
      'OutboundRefusedError',
      'outbound request to 10.0.0.1 refused: address_not_allowed',
      'destination_refused',
    ],
    ['Error', 'something odd', 'unknown'],
  ])('%s %s → %s', (name, text, want) => {
    expect(errorCategoryOf(name, text)).toBe(want);
  });
});
