import { commonZhCN } from './locales/zh-CN.ts';
import { firstProblemsZhCN } from './locales/problems.first.zh-CN.ts';
import { appZhCN } from '../app/locales/zh-CN.ts';
import { authZhCN } from '../features/auth/locales/zh-CN.ts';
import { workordersZhCN } from '../features/workorders/locales/zh-CN.ts';
import { portalZhCN } from '../features/portal/locales/zh-CN.ts';
import { fieldworkZhCN } from '../features/fieldwork/locales/zh-CN.ts';
import { chargesZhCN } from '../features/charges/locales/zh-CN.ts';
import { partsZhCN } from '../features/parts/locales/zh-CN.ts';
import { cardsZhCN } from '../features/cards/locales/zh-CN.ts';
import { rmaZhCN } from '../features/rma/locales/zh-CN.ts';
import { knowledgeZhCN } from '../features/knowledge/locales/zh-CN.ts';

/**
 * The part of the zh-CN messages the phone apps (technician, portal) show first: loaded before
 * their first render, the rest follows in the background (see index.ts). A key missing here only
 * shows once the rest has arrived, never as a raw key for long.
 */
export const phoneZhCN = {
  ...commonZhCN,
  ...firstProblemsZhCN,
  ...appZhCN,
  auth: authZhCN,
  workorders: workordersZhCN,
  fieldwork: fieldworkZhCN,
  parts: partsZhCN,
  portal: portalZhCN,
  cards: cardsZhCN,
  charges: chargesZhCN,
  knowledge: knowledgeZhCN,
  rma: rmaZhCN,
};
