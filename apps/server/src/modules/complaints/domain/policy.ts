import type { ComplaintPolicy, ComplaintSeverity } from '@anxin/contracts';

export const COMPLAINT_POLICY_KEY = 'complaints.policy';

/**
 * Defaults of the `complaints.policy` setting (edited in settings, audited): SLAs per severity on
 * the business calendar, the evaluation targets (seed 002: complaint rate ≤ 10 %, resolution ≥
 * 90 %), which role receives each department's routed problems, and the root-cause categories.
 */
export const DEFAULT_COMPLAINT_POLICY: ComplaintPolicy = {
  sla: {
    low: { acknowledgeBusinessHours: 8, resolveWorkingDays: 5 },
    normal: { acknowledgeBusinessHours: 4, resolveWorkingDays: 3 },
    high: { acknowledgeBusinessHours: 2, resolveWorkingDays: 2 },
    critical: { acknowledgeBusinessHours: 1, resolveWorkingDays: 1 },
  },
  targets: { complaintRatePercent: 10, resolutionRatePercent: 90 },
  departmentRoles: {
    production: 'quality',
    quality: 'quality',
    rd: 'quality',
    logistics: 'warehouse',
    service: 'dispatcher',
    sales: 'manager',
  },
  rootCauses: [
    { code: 'product_defect', label: { 'zh-CN': '产品缺陷', 'en-US': 'Product defect' } },
    { code: 'design_issue', label: { 'zh-CN': '设计问题', 'en-US': 'Design issue' } },
    { code: 'installation', label: { 'zh-CN': '安装不当', 'en-US': 'Improper installation' } },
    { code: 'repair_quality', label: { 'zh-CN': '维修质量', 'en-US': 'Repair quality' } },
    { code: 'late_service', label: { 'zh-CN': '上门不及时', 'en-US': 'Late service' } },
    { code: 'attitude', label: { 'zh-CN': '服务态度', 'en-US': 'Service attitude' } },
    { code: 'parts_delay', label: { 'zh-CN': '配件延误', 'en-US': 'Parts delay' } },
    { code: 'transport_damage', label: { 'zh-CN': '运输损坏', 'en-US': 'Transport damage' } },
    { code: 'charging', label: { 'zh-CN': '收费争议', 'en-US': 'Charging dispute' } },
    { code: 'misuse', label: { 'zh-CN': '用户使用不当', 'en-US': 'Customer misuse' } },
    { code: 'policy', label: { 'zh-CN': '政策争议', 'en-US': 'Policy dispute' } },
    { code: 'other', label: { 'zh-CN': '其他', 'en-US': 'Other' } },
  ],
};

/** The part of the business calendar the due times need (platform/calendar implements it). */
export interface DueCalendar {
  addWorkingMs(instant: Date, ms: number): Date;
  addWorkingDays(instant: Date, n: number): Date;
}

/**
 * Acknowledgement and resolution due times of a complaint opened at `openedAt`: working hours
 * (skipping nights, weekends and holidays) for the acknowledgement, working days (same Shanghai
 * time of day) for the resolution.
 */
export function dueTimes(
  policy: ComplaintPolicy,
  severity: ComplaintSeverity,
  openedAt: Date,
  cal: DueCalendar,
): { acknowledgeDueAt: Date; resolveDueAt: Date } {
  const s = policy.sla[severity];
  return {
    acknowledgeDueAt: cal.addWorkingMs(openedAt, Math.round(s.acknowledgeBusinessHours * 3_600_000)),
    resolveDueAt: cal.addWorkingDays(openedAt, s.resolveWorkingDays),
  };
}

/** A ratio with a defined "no denominator" answer (null), rounded to 4 decimals. */
export const ratio = (num: number, den: number): number | null =>
  den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null;
