/**
 * The problem texts a phone app may show before the rest of the messages arrive (no network,
 * server down, unknown): part of its first messages. Every other `errors.*`, `validation.*` and
 * `resources.*` text loads with the full messages, after the first render (see i18n/index.ts).
 */
export const firstProblemsZhCN = {
  errors: {
    server: {
      internal: '服务器出错了，请稍后重试。如问题持续，请将请求编号提供给管理员。',
      unavailable: '服务暂时不可用，请检查网络后重试。',
    },
    client: {
      unknown: '发生未知错误（{{status}}）。',
    },
  },
};
