/**
 * Automatic escalations record a reason code (`sla_breached_response`); people's reasons are their
 * own words. Notices go out in the desk's language (Chinese, like their titles), so the code is
 * named in words here; the web names it in the reader's language.
 */
const SLA_METRIC_WORDS: Record<string, string> = {
  first_contact: '首次联系',
  response: '响应',
  arrival: '上门',
  resolution: '解决',
};

const SLA_BREACH = /^sla_breached_([a-z_]+)$/;

export function noticeText(reason: string): string {
  const m = SLA_BREACH.exec(reason);
  if (!m) return reason;
  return `自动升级：${SLA_METRIC_WORDS[m[1]!] ?? ''}时限已超时`;
}
