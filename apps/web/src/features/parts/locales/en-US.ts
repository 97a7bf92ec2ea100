import { partsCommonEnUS } from './common.en-US.ts';
import { fieldEnUS } from './field.en-US.ts';
import { stockEnUS } from './stock.en-US.ts';
import { warehouseEnUS } from './warehouse.en-US.ts';
import type { partsZhCN } from './zh-CN.ts';

export const partsEnUS: typeof partsZhCN = {
  ...partsCommonEnUS,
  warehouse: warehouseEnUS,
  stock: stockEnUS,
  field: fieldEnUS,
};
