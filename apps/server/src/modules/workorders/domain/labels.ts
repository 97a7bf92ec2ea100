import type { WorkOrderStatusName, WorkOrderType } from '@anxin/contracts';

/** Chinese names used in exports (the web app has its own i18n files). */
export const TYPE_ZH: Record<WorkOrderType, string> = {
  install: '安装',
  repair: '维修',
  maintenance: '保养',
  consult: '咨询',
  complaint: '投诉',
  return: '退换货',
};
export const STATUS_ZH: Record<WorkOrderStatusName, string> = {
  new: '新建',
  accepted: '已受理',
  remote_resolved: '远程解决',
  awaiting_dispatch: '待派单',
  dispatched_outlet: '已派网点',
  outlet_accepted: '网点已接单',
  outlet_rejected: '网点拒单',
  assigned: '已派工',
  scheduled: '已预约',
  departed: '已出发',
  arrived: '已到达',
  in_progress: '服务中',
  awaiting_parts: '待备件',
  completed: '已完工',
  awaiting_callback: '待回访',
  closed: '已关闭',
  cancelled: '已取消',
};
export const CHANNEL_ZH: Record<string, string> = {
  hotline: '热线',
  store: '门店',
  web: '网站',
  mini_program: '小程序',
  api: '接口',
  email: '邮件',
  portal: '客户门户',
};
export const URGENCY_ZH: Record<string, string> = { low: '低', normal: '普通', high: '高', critical: '紧急' };
export const SLA_ZH: Record<string, string> = { on_track: '正常', at_risk: '预警', breached: '超时' };
