import type { ReportKind } from '@anxin/contracts';
import type { ReportLocale } from './context.ts';

/** The server's own words for notices (the web labels everything else). */
export const REPORT_WORDS: Record<
  ReportLocale,
  {
    kinds: Record<ReportKind, string>;
    figures: Record<string, string>;
    noticeTitle: (report: string, period: string) => string;
    noticeBody: (summary: string, link: string) => string;
  }
> = {
  'zh-CN': {
    kinds: {
      fault_analysis_pdf: '故障分析报告（PDF）',
      fault_analysis_xlsx: '故障分析（Excel）',
      callcenter_xlsx: '话务统计（Excel）',
      care_figures_xlsx: '设备与服务运营指标（Excel）',
    },
    figures: {
      orders: '维修工单 {n} 张',
      alerts: '新发故障预警 {n} 条',
      offered: '呼入 {n} 通',
      answered: '接通 {n} 通',
    },
    noticeTitle: (report, period) => `订阅报表已生成：${report}（${period}）`,
    noticeBody: (summary, link) => `${summary ? `${summary}。` : ''}在“订阅报表”页下载：${link}`,
  },
  'en-US': {
    kinds: {
      fault_analysis_pdf: 'Fault analysis report (PDF)',
      fault_analysis_xlsx: 'Fault analysis (Excel)',
      callcenter_xlsx: 'Call-centre figures (Excel)',
      care_figures_xlsx: 'Installed-base figures (Excel)',
    },
    figures: {
      orders: '{n} repair orders',
      alerts: '{n} new-failure alerts',
      offered: '{n} calls offered',
      answered: '{n} answered',
    },
    noticeTitle: (report, period) => `Scheduled report ready: ${report} (${period})`,
    noticeBody: (summary, link) =>
      `${summary ? `${summary}. ` : ''}Download it on the Scheduled reports page: ${link}`,
  },
};

/** "维修工单 12 张，新发故障预警 2 条" from the producer's figures, in the locale's words. */
export function summaryOf(locale: ReportLocale, figures: Record<string, number>): string {
  const w = REPORT_WORDS[locale].figures;
  const parts = Object.entries(figures)
    .filter(([k]) => w[k])
    .map(([k, n]) => w[k]!.replace('{n}', String(n)));
  return parts.join(locale === 'zh-CN' ? '，' : ', ');
}

export const periodText = (from: string, to: string): string => `${from} – ${to}`;
