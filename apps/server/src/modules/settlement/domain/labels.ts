/** Chinese labels for line descriptions and the Excel export (what finance reads). */
export const ORDER_TYPE_ZH: Record<string, string> = {
  install: '安装',
  repair: '维修',
  maintenance: '保养',
  consult: '咨询',
  complaint: '投诉',
  return: '退换货',
};

export const CLASS_ZH: Record<string, string> = {
  satisfied: '满意',
  callback_unsatisfied: '回访不满意',
  complaint_call: '来电投诉',
  first_fix_failed: '一次维修不到位',
  repeat_failed: '多次维修不到位',
  attitude: '服务态度不满意',
  complaint: '网点责任投诉',
};

export const KIND_ZH: Record<string, string> = {
  fee: '服务费',
  deduction: '扣款',
  bonus: '奖励',
  adjustment: '调整',
  reversal: '申诉冲回',
  credit: '补发',
};

export const STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  confirmed: '网点已确认',
  disputed: '网点有异议',
  approved: '已审批',
  paid: '已付款',
};
