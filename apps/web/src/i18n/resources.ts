import type { Locale } from '@anxin/contracts';
import { commonEnUS } from './locales/en-US.ts';
import { commonZhCN } from './locales/zh-CN.ts';
import { appEnUS } from '../app/locales/en-US.ts';
import { appZhCN } from '../app/locales/zh-CN.ts';
import { authEnUS } from '../features/auth/locales/en-US.ts';
import { authZhCN } from '../features/auth/locales/zh-CN.ts';
import { dashboardEnUS } from '../features/dashboard/locales/en-US.ts';
import { dashboardZhCN } from '../features/dashboard/locales/zh-CN.ts';
import { settingsEnUS } from '../features/settings/locales/en-US.ts';
import { settingsZhCN } from '../features/settings/locales/zh-CN.ts';
import { calendarEnUS } from '../features/calendar/locales/en-US.ts';
import { calendarZhCN } from '../features/calendar/locales/zh-CN.ts';
import { customersEnUS } from '../features/customers/locales/en-US.ts';
import { customersZhCN } from '../features/customers/locales/zh-CN.ts';
import { networkEnUS } from '../features/network/locales/en-US.ts';
import { networkZhCN } from '../features/network/locales/zh-CN.ts';
import { workordersEnUS } from '../features/workorders/locales/en-US.ts';
import { workordersZhCN } from '../features/workorders/locales/zh-CN.ts';
import { agentEnUS } from '../features/agent/locales/en-US.ts';
import { agentZhCN } from '../features/agent/locales/zh-CN.ts';
import { portalEnUS } from '../features/portal/locales/en-US.ts';
import { portalZhCN } from '../features/portal/locales/zh-CN.ts';
import { dispatchEnUS } from '../features/dispatch/locales/en-US.ts';
import { dispatchZhCN } from '../features/dispatch/locales/zh-CN.ts';
import { fieldworkEnUS } from '../features/fieldwork/locales/en-US.ts';
import { fieldworkZhCN } from '../features/fieldwork/locales/zh-CN.ts';
import { callbacksEnUS } from '../features/callbacks/locales/en-US.ts';
import { callbacksZhCN } from '../features/callbacks/locales/zh-CN.ts';
import { complaintsEnUS } from '../features/complaints/locales/en-US.ts';
import { complaintsZhCN } from '../features/complaints/locales/zh-CN.ts';
import { gradingEnUS } from '../features/grading/locales/en-US.ts';
import { gradingZhCN } from '../features/grading/locales/zh-CN.ts';
import { outletEnUS } from '../features/outlet/locales/en-US.ts';
import { outletZhCN } from '../features/outlet/locales/zh-CN.ts';
import { routingEnUS } from '../features/routing/locales/en-US.ts';
import { routingZhCN } from '../features/routing/locales/zh-CN.ts';
import { settlementEnUS } from '../features/settlement/locales/en-US.ts';
import { settlementZhCN } from '../features/settlement/locales/zh-CN.ts';
import { evaluationEnUS } from '../features/evaluation/locales/en-US.ts';
import { evaluationZhCN } from '../features/evaluation/locales/zh-CN.ts';
import { partsEnUS } from '../features/parts/locales/en-US.ts';
import { chargesEnUS } from '../features/charges/locales/en-US.ts';
import { chargesZhCN } from '../features/charges/locales/zh-CN.ts';
import { partsZhCN } from '../features/parts/locales/zh-CN.ts';
import { cardsEnUS } from '../features/cards/locales/en-US.ts';
import { cardsZhCN } from '../features/cards/locales/zh-CN.ts';
import { warrantyEnUS } from '../features/warranty/locales/en-US.ts';
import { warrantyZhCN } from '../features/warranty/locales/zh-CN.ts';
import { rmaEnUS } from '../features/rma/locales/en-US.ts';
import { rmaZhCN } from '../features/rma/locales/zh-CN.ts';

/**
 * All translations, one namespace. Shared strings sit at the top level (`common`, `errors`,
 * `roles`, ...), the shell's under `app` is spread in (`nav`, `layout`, ...), and each feature gets
 * its own section named after its folder (`auth.*`, `dashboard.*`). A new feature adds its two
 * locale files and one line per locale here; en-US files are typed as the zh-CN shape, so a
 * missing or extra key fails `tsc`, and `locales.test.ts` checks the values.
 */
export const zhCN = {
  ...commonZhCN,
  ...appZhCN,
  auth: authZhCN,
  dashboard: dashboardZhCN,
  settings: settingsZhCN,
  calendar: calendarZhCN,
  customers: customersZhCN,
  network: networkZhCN,
  workorders: workordersZhCN,
  agent: agentZhCN,
  portal: portalZhCN,
  dispatch: dispatchZhCN,
  fieldwork: fieldworkZhCN,
  callbacks: callbacksZhCN,
  complaints: complaintsZhCN,
  grading: gradingZhCN,
  outlet: outletZhCN,
  routing: routingZhCN,
  settlement: settlementZhCN,
  evaluation: evaluationZhCN,
  parts: partsZhCN,
  cards: cardsZhCN,
  charges: chargesZhCN,
  warranty: warrantyZhCN,
  rma: rmaZhCN,
};

export type Messages = typeof zhCN;

export const enUS: Messages = {
  ...commonEnUS,
  ...appEnUS,
  auth: authEnUS,
  dashboard: dashboardEnUS,
  settings: settingsEnUS,
  calendar: calendarEnUS,
  customers: customersEnUS,
  network: networkEnUS,
  workorders: workordersEnUS,
  agent: agentEnUS,
  portal: portalEnUS,
  dispatch: dispatchEnUS,
  fieldwork: fieldworkEnUS,
  callbacks: callbacksEnUS,
  complaints: complaintsEnUS,
  grading: gradingEnUS,
  outlet: outletEnUS,
  routing: routingEnUS,
  settlement: settlementEnUS,
  evaluation: evaluationEnUS,
  parts: partsEnUS,
  cards: cardsEnUS,
  charges: chargesEnUS,
  warranty: warrantyEnUS,
  rma: rmaEnUS,
};

export const resources: Record<Locale, { translation: Messages }> = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
};
