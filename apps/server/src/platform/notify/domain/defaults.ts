import type { NotifyEvent, NotifyLocale } from '@anxin/contracts';

export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * The built-in templates, one per event and locale, used on every channel until an admin edits
 * that (event, channel, locale). SMS bodies carry the 【安心售后】 signature the gateways require.
 */
export const DEFAULT_TEMPLATES: Record<NotifyEvent, Record<NotifyLocale, TemplateText>> = {
  appointment_set: {
    'zh-CN': { subject: '上门预约', body: '【安心售后】您的工单 {{number}} 已预约上门时间 {{window}}。' },
    'en-US': { subject: 'Visit booked', body: '[Anxin] Your order {{number}} is booked for {{window}}.' },
  },
  appointment_rescheduled: {
    'zh-CN': {
      subject: '上门时间变更',
      body: '【安心售后】您的工单 {{number}} 上门时间已改为 {{window}}，给您带来不便敬请谅解。',
    },
    'en-US': {
      subject: 'Visit rescheduled',
      body: '[Anxin] The visit for your order {{number}} has moved to {{window}}. Sorry for the change.',
    },
  },
  telemetry_alert: {
    'zh-CN': {
      subject: '设备预警：{{rule}}',
      body: '【安心售后】您的设备 {{serial}} 上报预警（{{rule}}），我们已为您生成工单 {{number}}，稍后将与您联系。',
    },
    'en-US': {
      subject: 'Device alert: {{rule}}',
      body: '[Anxin] Your device {{serial}} reported an alert ({{rule}}); we opened order {{number}} and will contact you.',
    },
  },
  recall_notice: {
    'zh-CN': {
      subject: '产品召回：{{title}}',
      body: '【安心售后】您的产品 {{serial}} 在召回范围内（{{title}}），我们将免费为您处理，请留意来电。',
    },
    'en-US': {
      subject: 'Product recall: {{title}}',
      body: '[Anxin] Your product {{serial}} is part of a recall ({{title}}). We will fix it free of charge; expect our call.',
    },
  },
  'portal.otp': {
    'zh-CN': { subject: '验证码', body: '【安心售后】您的验证码是 {{code}}，请勿告诉他人。' },
    'en-US': { subject: 'Verification code', body: '[Anxin] Your code is {{code}}. Do not share it.' },
  },
  'fieldwork.completion_code': {
    'zh-CN': {
      subject: '完工确认码',
      body: '【安心售后】工单 {{number}} 的完工确认码是 {{code}}，工程师完工时请告知。',
    },
    'en-US': {
      subject: 'Completion code',
      body: '[Anxin] The completion code for order {{number}} is {{code}}; give it to the engineer when done.',
    },
  },
  'callbacks.redo': {
    'zh-CN': { subject: '回访不满意，需返修', body: '工单 {{number}} 回访不满意，已生成返修，请尽快处理。' },
    'en-US': {
      subject: 'Callback unsatisfied: redo',
      body: 'Order {{number}} was rated unsatisfactory on callback; a redo is open.',
    },
  },
  'servicecontracts.renewal_due': {
    'zh-CN': {
      subject: '服务合同续约提醒 {{number}}',
      body: '服务合同 {{number}} 将于 {{endsOn}} 到期，请联系客户续约。',
    },
    'en-US': {
      subject: 'Service contract renewal {{number}}',
      body: 'Service contract {{number}} ends on {{endsOn}}; contact the customer about renewal.',
    },
  },
  'webhooks.endpoint_paused': {
    'zh-CN': {
      subject: 'Webhook 端点已暂停',
      body: '{{url}} 连续 {{failures}} 次投递失败，已暂停；修复后请在 Webhook 页面恢复。',
    },
    'en-US': {
      subject: 'Webhook endpoint paused',
      body: '{{url}} failed {{failures}} deliveries in a row and was paused; resume it on the Webhooks page once fixed.',
    },
  },
  'complaints.opened': {
    'zh-CN': { subject: '新投诉 {{number}}', body: '收到新投诉 {{number}}，请及时受理。' },
    'en-US': {
      subject: 'New complaint {{number}}',
      body: 'Complaint {{number}} was opened; please take it on.',
    },
  },
  'reportsubs.ready': {
    'zh-CN': {
      subject: '订阅报表：{{report}}（{{period}}）',
      body: '您订阅的报表“{{report}}”（{{period}}）已生成。{{summary}} 下载：{{link}}',
    },
    'en-US': {
      subject: 'Scheduled report: {{report}} ({{period}})',
      body: 'Your scheduled report "{{report}}" ({{period}}) is ready. {{summary}} Download: {{link}}',
    },
  },
  'notify.test': {
    'zh-CN': { subject: '安心售后测试消息', body: '这是一条来自安心售后的测试消息（渠道：{{channel}}）。' },
    'en-US': {
      subject: 'Anxin test message',
      body: 'This is a test message from Anxin (channel: {{channel}}).',
    },
  },
};
