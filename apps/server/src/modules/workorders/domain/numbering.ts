import type { WorkOrderType } from '@anxin/contracts';
import { businessDateOf } from '../../../platform/calendar/index.ts';

/** 安装 AZ, 维修 WX, 保养 BY, 咨询 ZX, 投诉 TS, 退换 TH: the pinyin initials agents already use. */
export const NUMBER_PREFIX: Record<WorkOrderType, string> = {
  install: 'AZ',
  repair: 'WX',
  maintenance: 'BY',
  consult: 'ZX',
  complaint: 'TS',
  return: 'TH',
};

/** Counter key: one sequence per prefix and Shanghai business date. */
export const prefixedKey = (prefix: string, at: Date): string =>
  `${prefix}${businessDateOf(at).replace(/-/g, '')}`;

export const counterKey = (type: WorkOrderType, at: Date): string => prefixedKey(NUMBER_PREFIX[type], at);

/** WX20261122-0001; a 10 000th order of a day simply grows a digit and still sorts within the day. */
export const formatNumber = (key: string, seq: number): string => `${key}-${String(seq).padStart(4, '0')}`;
