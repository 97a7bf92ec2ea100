import type { CallbackPolicy } from '@anxin/contracts';

export const CALLBACK_POLICY_KEY = 'callbacks.policy';

/** Defaults of the `callbacks.policy` setting (edited in settings, audited). */
export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  dueBusinessHours: 24,
  maxAttempts: 3,
  retryAfterMinutes: 120,
  attitudeThreshold: 2,
  repeatWindowDays: 30,
  portalLinkHours: 72,
  portalSatisfiedMinScore: 4,
  handoffGraceMinutes: 15,
  questions: [
    {
      id: 'timeliness',
      kind: 'score',
      required: true,
      label: { 'zh-CN': '上门及时性', 'en-US': 'Timeliness' },
    },
    { id: 'attitude', kind: 'score', required: true, label: { 'zh-CN': '服务态度', 'en-US': 'Attitude' } },
    {
      id: 'workmanship',
      kind: 'score',
      required: true,
      label: { 'zh-CN': '维修质量', 'en-US': 'Workmanship' },
    },
    { id: 'overall', kind: 'score', required: true, label: { 'zh-CN': '总体满意度', 'en-US': 'Overall' } },
    {
      id: 'resolved',
      kind: 'yes_no',
      required: true,
      label: { 'zh-CN': '问题是否已解决', 'en-US': 'Problem resolved' },
    },
  ],
};
