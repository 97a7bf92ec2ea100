import type { warehouseZhCN } from './warehouse.zh-CN.ts';

export const warehouseEnUS: typeof warehouseZhCN = {};
