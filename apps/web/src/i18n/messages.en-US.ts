import type { Messages } from './messages.zh-CN.ts';
import { commonEnUS } from './locales/en-US.ts';
import { problemsEnUS } from './locales/problems.en-US.ts';
import { appEnUS } from '../app/locales/en-US.ts';
import { authEnUS } from '../features/auth/locales/en-US.ts';
import { dashboardEnUS } from '../features/dashboard/locales/en-US.ts';
import { settingsEnUS } from '../features/settings/locales/en-US.ts';
import { calendarEnUS } from '../features/calendar/locales/en-US.ts';
import { customersEnUS } from '../features/customers/locales/en-US.ts';
import { networkEnUS } from '../features/network/locales/en-US.ts';
import { workordersEnUS } from '../features/workorders/locales/en-US.ts';
import { agentEnUS } from '../features/agent/locales/en-US.ts';
import { portalEnUS } from '../features/portal/locales/en-US.ts';
import { dispatchEnUS } from '../features/dispatch/locales/en-US.ts';
import { fieldworkEnUS } from '../features/fieldwork/locales/en-US.ts';
import { callbacksEnUS } from '../features/callbacks/locales/en-US.ts';
import { complaintsEnUS } from '../features/complaints/locales/en-US.ts';
import { gradingEnUS } from '../features/grading/locales/en-US.ts';
import { outletEnUS } from '../features/outlet/locales/en-US.ts';
import { routingEnUS } from '../features/routing/locales/en-US.ts';
import { settlementEnUS } from '../features/settlement/locales/en-US.ts';
import { evaluationEnUS } from '../features/evaluation/locales/en-US.ts';
import { partsEnUS } from '../features/parts/locales/en-US.ts';
import { chargesEnUS } from '../features/charges/locales/en-US.ts';
import { cardsEnUS } from '../features/cards/locales/en-US.ts';
import { warrantyEnUS } from '../features/warranty/locales/en-US.ts';
import { rmaEnUS } from '../features/rma/locales/en-US.ts';
import { deliveryEnUS } from '../features/delivery/locales/en-US.ts';
import { webhooksEnUS } from '../features/webhooks/locales/en-US.ts';
import { notifyEnUS } from '../features/notify/locales/en-US.ts';
import { callcenterEnUS } from '../features/callcenter/locales/en-US.ts';
import { maintenanceEnUS } from '../features/maintenance/locales/en-US.ts';
import { telemetryEnUS } from '../features/telemetry/locales/en-US.ts';
import { telephonyEnUS } from '../features/telephony/locales/en-US.ts';
import { servicecontractsEnUS } from '../features/servicecontracts/locales/en-US.ts';
import { campaignsEnUS } from '../features/campaigns/locales/en-US.ts';
import { communityEnUS } from '../features/community/locales/en-US.ts';
import { recallsEnUS } from '../features/recalls/locales/en-US.ts';
import { brandinboxEnUS } from '../features/brandinbox/locales/en-US.ts';
import { carefiguresEnUS } from '../features/carefigures/locales/en-US.ts';
import { faultAnalysisEnUS } from '../features/faultanalysis/locales/en-US.ts';
import { analyticsEnUS } from '../features/analytics/locales/en-US.ts';
import { reportsubsEnUS } from '../features/reportsubs/locales/en-US.ts';
import { knowledgeEnUS } from '../features/knowledge/locales/en-US.ts';
import { trainingEnUS } from '../features/training/locales/en-US.ts';
import { salesEnUS } from '../features/sales/locales/en-US.ts';

/** English, typed as the zh-CN shape; loaded on demand so a zh-CN phone never downloads it. */
export const enUS: Messages = {
  ...commonEnUS,
  ...problemsEnUS,
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
  knowledge: knowledgeEnUS,
  training: trainingEnUS,
  sales: salesEnUS,
  delivery: deliveryEnUS,
  webhooks: webhooksEnUS,
  notify: notifyEnUS,
  callcenter: callcenterEnUS,
  maintenance: maintenanceEnUS,
  telemetry: telemetryEnUS,
  telephony: telephonyEnUS,
  servicecontracts: servicecontractsEnUS,
  campaigns: campaignsEnUS,
  community: communityEnUS,
  recalls: recallsEnUS,
  brandinbox: brandinboxEnUS,
  carefigures: carefiguresEnUS,
  faultAnalysis: faultAnalysisEnUS,
  analytics: analyticsEnUS,
  reportsubs: reportsubsEnUS,
};
