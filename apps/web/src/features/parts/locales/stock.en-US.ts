import type { stockZhCN } from './stock.zh-CN.ts';

export const stockEnUS: typeof stockZhCN = {};
