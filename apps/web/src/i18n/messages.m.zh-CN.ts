import { commonZhCN } from './locales/zh-CN.ts';
import { firstProblemsZhCN } from './locales/problems.first.zh-CN.ts';
import { appZhCN } from '../app/locales/zh-CN.ts';
import { authZhCN } from '../features/auth/locales/zh-CN.ts';
import { workordersZhCN } from '../features/workorders/locales/zh-CN.ts';
import { fieldworkZhCN } from '../features/fieldwork/locales/zh-CN.ts';
import { partsCommonZhCN } from '../features/parts/locales/common.zh-CN.ts';
import { fieldZhCN } from '../features/parts/locales/field.zh-CN.ts';

/**
 * The part of the zh-CN messages the technician's phone app (`/m/`) shows first: loaded before its
 * first render, the rest follows in the background (see index.ts). Only what the job list and the
 * phone shell need; the customer portal has its own part (messages.phone.zh-CN.ts).
 */
export const mZhCN = {
  ...commonZhCN,
  ...firstProblemsZhCN,
  ...appZhCN,
  auth: authZhCN,
  workorders: workordersZhCN,
  fieldwork: fieldworkZhCN,
  parts: { ...partsCommonZhCN, field: fieldZhCN },
};
