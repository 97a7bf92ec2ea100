import type { fieldZhCN } from './field.zh-CN.ts';

export const fieldEnUS: typeof fieldZhCN = {};
