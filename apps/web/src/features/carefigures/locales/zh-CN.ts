/** 设备与服务运营 (issue #18 item 7). */
export const carefiguresZhCN = {
  title: '设备与服务运营',
  description:
    '保养及时率、预警转工单、服务合同收入与毛利、召回完成率与外呼活动成效；各项数字由各模块按自身规则计算，点击可查看对应清单。',
  filters: {
    period: '统计期间',
    region: '地区',
    regionPlaceholder: '全部地区',
    category: '品类',
    categoryPlaceholder: '全部品类',
    scopeNote: '地区与品类筛选作用于保养和设备预警；合同、召回与外呼活动不区分地区和品类。',
  },
  export: '导出 Excel',
  fileName: '设备与服务运营',
  viewList: '查看清单',
  noData: '—',
  pair: '{{label}}：{{value}}',
  pm: {
    title: '保养及时率',
    definition:
      '统计期间内应保养的保养计划（按应保养日）中，工单在应保养日后 {{grace}} 天内完成的数量 ÷ 应保养数量。逾期未完成：应保养日已过、工单既未完成也未取消的保养。',
    due: '应保养',
    onTime: '按时完成',
    overdueOpen: '逾期未完成',
  },
  alerts: {
    title: '预警转工单',
    definition:
      '统计期间内新产生的设备预警数、其中已生成工单的数量、这些工单中已完工（或已关闭）的数量，以及从预警产生到工单完工所用时间的中位数。',
    raised: '预警',
    withOrder: '已转工单',
    completed: '已完工',
    median: '预警至完工中位时长',
    hours: '{{value}} 小时',
    byKind: '按规则类型',
    kind: { threshold: '阈值', fault_code: '故障码', runtime: '运行时长' },
  },
  contracts: {
    title: '服务合同收入与毛利',
    definition:
      '收入：统计期间内到期应收的合同分期款（生效及已到期合同）。成本：期间内计入合同上门次数的工单所耗备件（按成本价）加人工成本。系统未记录工时成本，人工成本按设置「每次上门人工成本」× 上门次数估算（当前 ¥{{labour}}/次）。毛利 = 收入 − 成本；毛利率 = 毛利 ÷ 收入。',
    billed: '应收',
    paid: '已收',
    margin: '毛利',
    marginPct: '毛利率',
    partsCost: '备件成本',
    labourCost: '人工成本（估算）',
    visits: '上门次数',
    quota: '额度使用',
    quotaValue: '{{used}} / {{quota}} 次',
    activeContracts: '期间内有效合同',
  },
  recalls: {
    title: '召回完成情况',
    definition:
      '每个已发布召回：受影响产品数、已联系（已发短信或已拨打）、已建工单、已完成；完成率 = 已完成 ÷ 受影响产品数。趋势为统计期间内每周完成的产品数。',
    col: {
      title: '召回',
      affected: '受影响',
      contacted: '已联系',
      orders: '已建工单',
      completed: '已完成',
      completionPct: '完成率',
    },
    trend: '每周完成数',
    empty: '暂无已发布的召回',
  },
  campaigns: {
    title: '外呼活动成效',
    definition:
      '每个已生成名单的活动：名单人数、已拨打、已接通、统计期间内各类通话结果、退订（本活动中退订及因他处退订而跳过），转化率 = 完整回答问卷的客户 ÷ 已接通客户。',
    col: {
      name: '活动',
      purpose: '类型',
      listSize: '名单',
      attempted: '已拨打',
      reached: '已接通',
      outcomes: '期间通话结果',
      optedOut: '退订',
      conversion: '转化率',
    },
    empty: '暂无外呼活动',
  },
  community: {
    title: '转介绍与活动参与',
    pending: '社区模块建设中：转介绍与线下活动参与的数据接入后将在此显示。',
  },
};
