import { partsCommonZhCN } from './common.zh-CN.ts';
import { fieldZhCN } from './field.zh-CN.ts';
import { stockZhCN } from './stock.zh-CN.ts';
import { warehouseZhCN } from './warehouse.zh-CN.ts';

/** `parts.*`: shared vocabulary at the top, then one section per group of screens. */
export const partsZhCN = { ...partsCommonZhCN, warehouse: warehouseZhCN, stock: stockZhCN, field: fieldZhCN };
