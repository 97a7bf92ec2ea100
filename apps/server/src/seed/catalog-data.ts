/**
 * Reference data for the 安心 brand. Warranty terms: 整机 12 months everywhere (the 新三包 floor);
 * 主要部件 36 months for washers and fridges (新三包 catalogue: 电机/程控器, 压缩机); 72 months for the
 * aircon compressor, the brand's own commitment above the statutory 36 (common market practice);
 * furniture and industrial sewing machines are not 三包 catalogue goods, so these are contract terms
 * (合同约定) a tenant edits: frame/hardware 36 months, industrial head and motor 24 months.
 */
export interface CategorySpec {
  code: string;
  nameZh: string;
  nameEn: string;
  unitMonths: number;
  mainPartsMonths: number;
  serviceMinutes: number;
  serialPrefix: string;
  /** Share of installed products; industrial machines go mostly to companies. */
  weight: number;
  companyWeight: number;
  models: Array<[code: string, name: string]>;
  faults: Array<[code: string, zh: string, en: string, symptoms: Array<[string, string, string]>]>;
}

export const BRAND = '安心';

export const CATEGORIES: CategorySpec[] = [
  {
    code: 'aircon', nameZh: '空调', nameEn: 'Air conditioner', unitMonths: 12, mainPartsMonths: 72,
    serviceMinutes: 90, serialPrefix: 'AC', weight: 34, companyWeight: 10,
    models: [
      ['KFR-26GW/AX1', '安心 大1匹 变频挂机'], ['KFR-35GW/AX1', '安心 1.5匹 变频挂机'],
      ['KFR-35GW/AX3', '安心 1.5匹 新一级能效挂机'], ['KFR-50LW/AX2', '安心 2匹 柜机'],
      ['KFR-72LW/AX3', '安心 3匹 圆柱柜机'], ['RFC120MXS/AX', '安心 5匹 家用中央空调'],
    ],
    faults: [
      ['AC-F01', '不制冷/制冷差', 'Not cooling / weak cooling', [
        ['AC-S011', '出风不凉', 'Air not cold'], ['AC-S012', '外机不启动', 'Outdoor unit does not start'],
        ['AC-S013', '缺氟/管路泄漏', 'Low refrigerant / leak']]],
      ['AC-F02', '不制热', 'Not heating', [
        ['AC-S021', '制热出风温度低', 'Low outlet temperature'], ['AC-S022', '四通阀不换向', 'Reversing valve stuck']]],
      ['AC-F03', '漏水', 'Water leaking', [
        ['AC-S031', '内机滴水', 'Indoor unit dripping'], ['AC-S032', '排水管堵塞', 'Drain pipe blocked']]],
      ['AC-F04', '故障代码/报警', 'Error code shown', [
        ['AC-S041', '显示E1 通讯故障', 'E1 communication fault'], ['AC-S042', '显示H6 风机故障', 'H6 fan motor fault'],
        ['AC-S043', '显示F3 传感器故障', 'F3 sensor fault']]],
      ['AC-F05', '噪音/异味', 'Noise / odour', [
        ['AC-S051', '外机噪音大', 'Outdoor unit noisy'], ['AC-S052', '出风有异味', 'Air smells']]],
    ],
  },
  {
    code: 'washer', nameZh: '洗衣机', nameEn: 'Washing machine', unitMonths: 12, mainPartsMonths: 36,
    serviceMinutes: 60, serialPrefix: 'WM', weight: 26, companyWeight: 3,
    models: [
      ['XQB80-AX6', '安心 8公斤 波轮洗衣机'], ['XQG100-AX12', '安心 10公斤 滚筒洗衣机'],
      ['XQG100-AXH', '安心 10公斤 洗烘一体机'], ['XQG120-AXP', '安心 12公斤 直驱滚筒'],
    ],
    faults: [
      ['WM-F01', '不进水/不排水', 'Water inlet / drain fault', [
        ['WM-S011', '进水慢或不进水', 'Slow or no water inlet'], ['WM-S012', '不排水', 'Does not drain'],
        ['WM-S013', '显示E30 排水超时', 'E30 drain timeout']]],
      ['WM-F02', '不脱水/震动大', 'Spin / vibration fault', [
        ['WM-S021', '脱水时震动剧烈', 'Violent vibration when spinning'], ['WM-S022', '不脱水', 'Does not spin']]],
      ['WM-F03', '漏水', 'Water leaking', [
        ['WM-S031', '门封漏水', 'Door seal leaking'], ['WM-S032', '底部漏水', 'Leaking underneath']]],
      ['WM-F04', '不通电/不启动', 'No power / does not start', [
        ['WM-S041', '按键无反应', 'Buttons unresponsive'], ['WM-S042', '门锁故障', 'Door lock fault']]],
    ],
  },
  {
    code: 'fridge', nameZh: '冰箱', nameEn: 'Refrigerator', unitMonths: 12, mainPartsMonths: 36,
    serviceMinutes: 60, serialPrefix: 'RF', weight: 24, companyWeight: 3,
    models: [
      ['BCD-218AX', '安心 218升 三门冰箱'], ['BCD-406WAX', '安心 406升 十字四门'],
      ['BCD-500WAX', '安心 500升 对开门冰箱'], ['BC-100AX', '安心 100升 冷柜'],
    ],
    faults: [
      ['RF-F01', '不制冷', 'Not cooling', [
        ['RF-S011', '冷藏室不冷', 'Fridge compartment warm'], ['RF-S012', '冷冻室化霜', 'Freezer thawing'],
        ['RF-S013', '压缩机不启动', 'Compressor does not start']]],
      ['RF-F02', '结霜/结冰', 'Frost / ice build-up', [
        ['RF-S021', '风道结冰', 'Air duct iced'], ['RF-S022', '门封不严', 'Door seal not closing']]],
      ['RF-F03', '噪音', 'Noise', [
        ['RF-S031', '压缩机噪音大', 'Compressor noisy'], ['RF-S032', '风扇异响', 'Fan rattles']]],
      ['RF-F04', '显示/控制故障', 'Display / control fault', [
        ['RF-S041', '温度显示异常', 'Wrong temperature shown'], ['RF-S042', '显示E2 传感器故障', 'E2 sensor fault']]],
    ],
  },
  {
    code: 'furniture', nameZh: '沙发/衣柜', nameEn: 'Sofa / wardrobe', unitMonths: 12, mainPartsMonths: 36,
    serviceMinutes: 120, serialPrefix: 'FN', weight: 11, companyWeight: 6,
    models: [
      ['SF-301', '安心 布艺三人沙发'], ['SF-L301', '安心 头层真皮转角沙发'],
      ['YG-2D18', '安心 两门平开衣柜'], ['YG-4D24', '安心 四门推拉衣柜'],
    ],
    faults: [
      ['FN-F01', '结构/五金损坏', 'Frame / hardware damage', [
        ['FN-S011', '柜门下垂/合页松动', 'Door sagging / loose hinge'], ['FN-S012', '滑轨卡顿', 'Sliding rail sticks'],
        ['FN-S013', '框架异响', 'Frame creaks']]],
      ['FN-F02', '面料/皮面问题', 'Upholstery problem', [
        ['FN-S021', '皮面开裂', 'Leather cracked'], ['FN-S022', '布面起球/脱线', 'Fabric pilling / seam open']]],
      ['FN-F03', '安装问题', 'Installation problem', [
        ['FN-S031', '柜体不平', 'Cabinet not level'], ['FN-S032', '缺少配件', 'Missing fittings']]],
    ],
  },
  {
    code: 'sewing_industrial', nameZh: '工业缝纫机', nameEn: 'Industrial sewing machine', unitMonths: 12,
    mainPartsMonths: 24, serviceMinutes: 90, serialPrefix: 'SM', weight: 5, companyWeight: 78,
    models: [
      ['AX-8700', '安心 电脑直驱平缝机'], ['AX-9900', '安心 自动剪线平车'],
      ['AX-737', '安心 四线包缝机'], ['AX-562', '安心 绷缝机'],
    ],
    faults: [
      ['SM-F01', '断线/跳针', 'Thread breaks / skipped stitches', [
        ['SM-S011', '面线频繁断线', 'Needle thread keeps breaking'], ['SM-S012', '跳针', 'Skipped stitches'],
        ['SM-S013', '线迹不稳', 'Uneven stitching']]],
      ['SM-F02', '电控故障', 'Electronic control fault', [
        ['SM-S021', '电机不转', 'Motor does not run'], ['SM-S022', '显示E7 电机过载', 'E7 motor overload'],
        ['SM-S023', '自动剪线失灵', 'Auto thread trimmer fails']]],
      ['SM-F03', '机械故障', 'Mechanical fault', [
        ['SM-S031', '送布不良', 'Poor feeding'], ['SM-S032', '机头异响', 'Machine head noisy'],
        ['SM-S033', '漏油', 'Oil leak']]],
    ],
  },
];

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗',
  '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '萧', '田', '董', '潘', '袁', '蔡',
  '蒋', '余', '杜', '叶', '程', '魏', '苏', '吕', '丁', '任', '卢', '姚', '沈', '钟', '姜', '崔', '谭', '陆', '范',
];
export const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞',
  '平', '刚', '桂英', '华', '建华', '志强', '晓明', '海燕', '建国', '玉兰', '婷', '雪', '鑫', '宇', '浩', '欣怡',
  '子涵', '梓萱', '俊杰', '佳怡', '思远', '文博', '雨桐', '嘉豪', '国庆', '丽华', '春梅', '立新', '红梅', '晨', '颖',
];
export const COMPANY_WORDS = ['华盛', '恒达', '锦绣', '鑫源', '金利', '宏图', '瑞丰', '佳美', '永兴', '新辉', '广源', '天成', '聚丰', '盛世'];
export const COMPANY_TRADES = ['服装', '制衣', '家具', '酒店管理', '物业服务', '鞋业', '纺织', '餐饮管理', '实业', '电子'];
export const STREETS = [
  '人民路', '中山路', '解放路', '建设路', '文化路', '新华路', '滨江路', '学府路', '科技路', '公园路', '迎宾大道', '朝阳路',
  '和平路', '东风路', '长江路', '黄河路', '金沙路', '南湖路', '体育路', '花园路',
];
export const COMMUNITIES = ['花园', '小区', '家园', '雅苑', '新村', '公寓', '华庭', '名都', '国际', '府'];
export const COMMUNITY_WORDS = ['阳光', '锦绣', '翠湖', '碧桂', '金色', '万科', '绿城', '保利', '龙湖', '富力', '江南', '御景'];
