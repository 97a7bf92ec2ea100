import type { KpiTargets, SchemeDefinition, SchemeIndicator, SchemeRules } from '@anxin/contracts';

/**
 * The scheme seeded as version 1: GB/T 27922-2011's three first-level indicators (40 / 35 / 25)
 * and the fifteen second-level indicators as the certification bodies list them. The grouping of
 * the 15 into 7 / 6 / 2 and every per-indicator and per-item point value are UNVERIFIED defaults
 * (the standard's annex is not public; docs/domain-standards.md §1.2): tenants edit them.
 */
export const DEFAULT_RULES: SchemeRules = {
  bands: [
    { grade: 'five_star', minScore: 95, star: true },
    { grade: 'four_star', minScore: 90, star: true },
    { grade: 'three_star', minScore: 80, star: true },
    { grade: 'pass', minScore: 70, star: false },
  ],
  failIfSpecialDeductionsAtLeast: 5,
  specialDeductionPoints: 1,
  bonusPoints: 1,
  maxBonusItems: 1,
  adjustOn: 'normalized',
  cap: 100,
  starRequiresMonthsAtPass: 12,
  sectionPoints: [40, 35, 25],
};

type ItemSpec = [name: string, points: number, mode: 'binary' | 'sampled'];

const indicator = (code: string, name: string, items: ItemSpec[]): SchemeIndicator => ({
  code,
  name,
  points: items.reduce((s, [, p]) => s + p, 0),
  items: items.map(([itemName, points, mode], i) => ({
    code: `${code}.${i + 1}`,
    name: itemName,
    points,
    mode,
    guidance: null,
  })),
});

export const DEFAULT_SCHEME: SchemeDefinition = {
  name: 'GB/T 27922-2011 商品售后服务评价体系',
  sections: [
    {
      code: 'S1',
      name: '售后服务体系',
      points: 40,
      indicators: [
        indicator('S1.1', '组织架构', [
          ['设有售后服务管理机构，职责明确', 3, 'binary'],
          ['组织架构图与岗位说明书齐备', 3, 'binary'],
        ]),
        indicator('S1.2', '人员配置', [
          ['服务人员数量与业务规模匹配', 3, 'binary'],
          ['服务人员持证上岗（抽查人员档案）', 3, 'sampled'],
        ]),
        indicator('S1.3', '资源配置', [
          ['服务网点、设施与工具配置', 3, 'binary'],
          ['备件、车辆与信息系统保障', 3, 'binary'],
        ]),
        indicator('S1.4', '规范要求', [
          ['服务制度与服务标准成文', 3, 'binary'],
          ['服务人员行为规范执行（抽查服务记录）', 3, 'sampled'],
        ]),
        indicator('S1.5', '监督', [
          ['服务质量监督检查机制', 3, 'binary'],
          ['服务承诺公示与社会监督渠道', 3, 'binary'],
        ]),
        indicator('S1.6', '改进', [
          ['顾客反馈分析与改进措施', 3, 'binary'],
          ['改进措施落实跟踪记录', 2, 'binary'],
        ]),
        indicator('S1.7', '服务文化', [
          ['服务理念与价值观', 2, 'binary'],
          ['服务培训与宣传', 3, 'binary'],
        ]),
      ],
    },
    {
      code: 'S2',
      name: '商品服务',
      points: 35,
      indicators: [
        indicator('S2.1', '商品信息', [
          ['商品说明、标识与三包凭证完整', 3, 'binary'],
          ['价格与服务收费公示', 3, 'binary'],
        ]),
        indicator('S2.2', '技术支持', [
          ['安装使用指导与技术咨询', 3, 'binary'],
          ['技术资料与培训支持', 3, 'binary'],
        ]),
        indicator('S2.3', '配送', [
          ['配送时限与承诺', 3, 'binary'],
          ['配送记录完整准确（抽查）', 3, 'sampled'],
        ]),
        indicator('S2.4', '维修', [
          ['维修服务时限与流程', 3, 'binary'],
          ['维修记录与质量（抽查维修单）', 3, 'sampled'],
        ]),
        indicator('S2.5', '质量保证', [
          ['三包政策执行', 3, 'binary'],
          ['质量问题追溯与处理', 3, 'binary'],
        ]),
        indicator('S2.6', '废弃商品回收', [
          ['废旧商品回收渠道', 3, 'binary'],
          ['回收处置记录', 2, 'binary'],
        ]),
      ],
    },
    {
      code: 'S3',
      name: '顾客服务',
      points: 25,
      indicators: [
        indicator('S3.1', '顾客关系', [
          ['顾客档案与回访制度', 4, 'binary'],
          ['满意度调查与分析', 4, 'binary'],
          ['回访记录（抽查）', 4, 'sampled'],
        ]),
        indicator('S3.2', '投诉处理', [
          ['投诉渠道与处理流程', 4, 'binary'],
          ['投诉处理时限与结果（抽查投诉记录）', 5, 'sampled'],
          ['投诉分析与预防措施', 4, 'binary'],
        ]),
      ],
    },
  ],
  rules: DEFAULT_RULES,
};

/**
 * KPI targets for the panel. Coverage 70 %, self-built 30 %, complaint rate 10 %, resolution 90 %
 * come from trade-press articles (NOT found in the standard, §1.5); satisfaction 90 % and the
 * 24 h response at 95 % are industry practice. All tenant-configurable.
 */
export const KPI_TARGETS_KEY = 'evaluation.kpi_targets';
export const DEFAULT_KPI_TARGETS: KpiTargets = {
  regionCoverage: 0.7,
  selfBuiltShare: 0.3,
  complaintRateMax: 0.1,
  complaintResolutionMin: 0.9,
  satisfactionMin: 0.9,
  responseOnTimeMin: 0.95,
  responseWindowHours: 24,
  firstContactOnTimeMin: 0.95,
  resolutionOnTimeMin: 0.9,
};
