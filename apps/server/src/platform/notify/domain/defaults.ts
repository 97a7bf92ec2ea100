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
    'zh-CN': { subject: '新投诉 {{number}}', body: '收到新投诉 {{number}}：{{summary}}，请及时受理。' },
    'en-US': {
      subject: 'New complaint {{number}}',
      body: 'Complaint {{number}} was opened: {{summary}}. Please take it on.',
    },
  },
  'complaints.routed': {
    'zh-CN': { subject: '质量问题 {{number}}', body: '投诉 {{number}} 已转交处理：{{summary}}' },
    'en-US': {
      subject: 'Quality issue {{number}}',
      body: 'Complaint {{number}} was routed to you: {{summary}}',
    },
  },
  'complaints.acknowledge_overdue': {
    'zh-CN': {
      subject: '投诉超期 {{number}}',
      body: '投诉 {{number}} 已超过确认时限（{{due}}），请尽快确认。',
    },
    'en-US': {
      subject: 'Complaint overdue {{number}}',
      body: 'Complaint {{number}} passed its acknowledgement limit ({{due}}); please acknowledge it.',
    },
  },
  'complaints.resolve_overdue': {
    'zh-CN': {
      subject: '投诉超期 {{number}}',
      body: '投诉 {{number}} 已超过解决时限（{{due}}），请尽快处理。',
    },
    'en-US': {
      subject: 'Complaint overdue {{number}}',
      body: 'Complaint {{number}} passed its resolution limit ({{due}}); please resolve it.',
    },
  },
  'callbacks.complaint': {
    'zh-CN': { subject: '回访投诉：{{number}}', body: '工单 {{number}} 回访中客户投诉：{{note}}' },
    'en-US': {
      subject: 'Complaint on callback: {{number}}',
      body: 'The customer complained on the callback for order {{number}}: {{note}}',
    },
  },
  'routing.window': {
    'zh-CN': {
      subject: '上门时间',
      body: '【安心售后】您的工单 {{number}} 已安排上门：{{date}} {{window}}，工程师 {{technician}}。如需改约请致电客服。',
    },
    'en-US': {
      subject: 'Visit time',
      body: '[Anxin] Engineer {{technician}} will visit for your order {{number}} on {{date}}, {{window}}. Call us to change it.',
    },
  },
  community_invitation: {
    'zh-CN': {
      subject: '活动邀请：{{title}}',
      body: '【安心售后】诚邀您参加「{{title}}」，时间 {{time}}，地点 {{place}}。回复 TD 退订。',
    },
    'en-US': {
      subject: 'Invitation: {{title}}',
      body: '[Anxin] You are invited to "{{title}}" on {{time}} at {{place}}. Reply TD to opt out.',
    },
  },
  'telemetry.alert_opened': {
    'zh-CN': {
      subject: '设备预警：{{rule}}',
      body: '设备 {{serial}} 预警（{{rule}}），已生成工单 {{number}}。',
    },
    'en-US': {
      subject: 'Device alert: {{rule}}',
      body: 'Device {{serial}} raised an alert ({{rule}}); order {{number}} was opened.',
    },
  },
  'identity.sign_in_alert': {
    'zh-CN': {
      subject: '可疑登录：{{subject}}',
      body: '{{subject}} 累计输错密码 {{failures}} 次，已延迟其登录。',
    },
    'en-US': {
      subject: 'Suspicious sign-ins: {{subject}}',
      body: '{{subject}}: {{failures}} wrong passwords; further sign-ins are delayed.',
    },
  },
  'parts.low_stock': {
    'zh-CN': {
      subject: '备件低库存 {{code}}',
      body: '{{item}}（{{location}}）库存 {{value}}，低于安全库存。',
    },
    'en-US': {
      subject: 'Low stock {{code}}',
      body: '{{item}} ({{location}}): {{value}} on hand, below safety stock.',
    },
  },
  'parts.ageing': {
    'zh-CN': { subject: '备件呆滞 {{code}}', body: '{{item}}（{{location}}）已 {{value}} 天无出库。' },
    'en-US': {
      subject: 'Ageing stock {{code}}',
      body: '{{item}} ({{location}}): no issue for {{value}} days.',
    },
  },
  'parts.discontinuation': {
    'zh-CN': { subject: '备件即将停产 {{code}}', body: '{{item}}（{{location}}）将于 {{value}} 停产。' },
    'en-US': {
      subject: 'Part discontinued soon {{code}}',
      body: '{{item}} ({{location}}) is discontinued on {{value}}.',
    },
  },
  'sla.at_risk_notice': {
    'zh-CN': {
      subject: 'SLA 即将超时：{{number}}',
      body: '工单 {{number}} 的{{metric}}时限 {{due}} 即将到期。',
    },
    'en-US': {
      subject: 'SLA at risk: {{number}}',
      body: 'Order {{number}}: the {{metric}} limit ({{due}}) is close.',
    },
  },
  'sla.breached_notice': {
    'zh-CN': { subject: 'SLA 超时：{{number}}', body: '工单 {{number}} 的{{metric}}时限 {{due}} 已超时。' },
    'en-US': {
      subject: 'SLA breached: {{number}}',
      body: 'Order {{number}}: the {{metric}} limit ({{due}}) passed.',
    },
  },
  'sla.unknown': {
    'zh-CN': {
      subject: 'SLA 无法计算：{{number}}',
      body: '工单 {{number}} 的{{metric}}时限无法计算（工作日历缺少数据），请导入节假日数据。',
    },
    'en-US': {
      subject: 'SLA cannot be computed: {{number}}',
      body: 'The {{metric}} limit of order {{number}} cannot be computed (calendar data missing); load the holiday data.',
    },
  },
  'faultanalysis.report': {
    'zh-CN': {
      subject: '故障分析报告 {{from}} 至 {{to}}',
      body: '{{from}} 至 {{to}} 共 {{orders}} 张维修工单，{{alerts}} 项新故障预警（{{link}}）。',
    },
    'en-US': {
      subject: 'Fault analysis {{from}} to {{to}}',
      body: '{{from}} to {{to}}: {{orders}} repair orders, {{alerts}} new-failure alerts ({{link}}).',
    },
  },
  'portal.otp_limit': {
    'zh-CN': {
      subject: '验证码发送达到上限',
      body: '{{subject}} {{hours}} 小时内已发送 {{max}} 条验证码，后续请求已被拒绝。',
    },
    'en-US': {
      subject: 'Verification code limit reached',
      body: '{{subject}}: {{max}} codes sent within {{hours}} h; further requests are refused.',
    },
  },
  'escalation.unstaffed': {
    'zh-CN': {
      subject: '工单升级 T{{tier}}：{{number}}',
      body: '{{reason}}（T{{tier}} 无人在岗，请指派处理人）',
    },
    'en-US': {
      subject: 'Order escalated to T{{tier}}: {{number}}',
      body: '{{reason}} (nobody on tier T{{tier}}; please assign someone)',
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
