import type { NotifyErrorCategory } from '@anxin/contracts';

/**
 * Provider answers by category. Matched on the error's name and text (the adapters put the
 * provider's code or HTTP status in it): Aliyun `isv.*`/`InvalidAccessKeyId…`, Tencent
 * `AuthFailure.*`/`LimitExceeded.*`, WeCom/DingTalk `errcode`, SMTP `EAUTH`/`EENVELOPE`, fetch.
 */
const RULES: ReadonlyArray<[NotifyErrorCategory, RegExp]> = [
  ['destination_refused', /OutboundRefusedError|outbound request to .* refused/i],
  [
    'auth_failed',
    /HTTP 40[13]\b|InvalidAccessKeyId|SignatureDoesNotMatch|Forbidden\.|AuthFailure|EAUTH|errcode (93000|300001|310000|40001|40014|42001)\b|token|keyword not in content/i,
  ],
  [
    'rate_limited',
    /HTTP 429\b|BUSINESS_LIMIT_CONTROL|LimitExceeded|Throttling|errcode (45009|45033|130101|410100)\b|too (many|fast)/i,
  ],
  [
    'invalid_recipient',
    /MOBILE_NUMBER_ILLEGAL|IncorrectPhoneNumber|PhoneNumber|EENVELOPE|recipient|mailbox unavailable|\b55[03]\b/i,
  ],
  [
    'template_rejected',
    /TEMPLATE|SIGN(ATURE)?_ILLEGAL|SignatureIncorrect|no provider template code|no template for|no value for \{\{/i,
  ],
  [
    'network',
    /timeout|timed out|AbortError|TimeoutError|fetch failed|ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ESOCKET|ECONNECTION|socket|HTTP 5\d\d\b|not JSON/i,
  ],
];

/** The category of a failed send, from the thrown error's name and text. */
export function errorCategoryOf(name: string, text: string): NotifyErrorCategory {
  const s = `${name} ${text}`;
  return RULES.find(([, re]) => re.test(s))?.[0] ?? 'unknown';
}
