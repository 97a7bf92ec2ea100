import { commonZhCN } from './locales/zh-CN.ts';
import { problemsZhCN } from './locales/problems.zh-CN.ts';
import { appZhCN } from '../app/locales/zh-CN.ts';
import { authZhCN } from '../features/auth/locales/zh-CN.ts';
import { dashboardZhCN } from '../features/dashboard/locales/zh-CN.ts';
import { settingsZhCN } from '../features/settings/locales/zh-CN.ts';
import { calendarZhCN } from '../features/calendar/locales/zh-CN.ts';
import { customersZhCN } from '../features/customers/locales/zh-CN.ts';
import { networkZhCN } from '../features/network/locales/zh-CN.ts';
import { workordersZhCN } from '../features/workorders/locales/zh-CN.ts';
import { agentZhCN } from '../features/agent/locales/zh-CN.ts';
import { portalZhCN } from '../features/portal/locales/zh-CN.ts';
import { dispatchZhCN } from '../features/dispatch/locales/zh-CN.ts';
import { fieldworkZhCN } from '../features/fieldwork/locales/zh-CN.ts';
import { callbacksZhCN } from '../features/callbacks/locales/zh-CN.ts';
import { complaintsZhCN } from '../features/complaints/locales/zh-CN.ts';
import { gradingZhCN } from '../features/grading/locales/zh-CN.ts';
import { outletZhCN } from '../features/outlet/locales/zh-CN.ts';
import { routingZhCN } from '../features/routing/locales/zh-CN.ts';
import { settlementZhCN } from '../features/settlement/locales/zh-CN.ts';
import { evaluationZhCN } from '../features/evaluation/locales/zh-CN.ts';
import { chargesZhCN } from '../features/charges/locales/zh-CN.ts';
import { partsZhCN } from '../features/parts/locales/zh-CN.ts';
import { cardsZhCN } from '../features/cards/locales/zh-CN.ts';
import { warrantyZhCN } from '../features/warranty/locales/zh-CN.ts';
import { deliveryZhCN } from '../features/delivery/locales/zh-CN.ts';
import { webhooksZhCN } from '../features/webhooks/locales/zh-CN.ts';
import { notifyZhCN } from '../features/notify/locales/zh-CN.ts';
import { callcenterZhCN } from '../features/callcenter/locales/zh-CN.ts';
import { maintenanceZhCN } from '../features/maintenance/locales/zh-CN.ts';
import { telemetryZhCN } from '../features/telemetry/locales/zh-CN.ts';
import { telephonyZhCN } from '../features/telephony/locales/zh-CN.ts';
import { servicecontractsZhCN } from '../features/servicecontracts/locales/zh-CN.ts';
import { campaignsZhCN } from '../features/campaigns/locales/zh-CN.ts';
import { communityZhCN } from '../features/community/locales/zh-CN.ts';
import { recallsZhCN } from '../features/recalls/locales/zh-CN.ts';
import { brandinboxZhCN } from '../features/brandinbox/locales/zh-CN.ts';
import { carefiguresZhCN } from '../features/carefigures/locales/zh-CN.ts';
import { faultAnalysisZhCN } from '../features/faultanalysis/locales/zh-CN.ts';
import { analyticsZhCN } from '../features/analytics/locales/zh-CN.ts';
import { reportsubsZhCN } from '../features/reportsubs/locales/zh-CN.ts';
import { rmaZhCN } from '../features/rma/locales/zh-CN.ts';
import { knowledgeZhCN } from '../features/knowledge/locales/zh-CN.ts';
import { trainingZhCN } from '../features/training/locales/zh-CN.ts';
import { salesZhCN } from '../features/sales/locales/zh-CN.ts';

/**
 * All translations, one namespace. Shared strings sit at the top level (`common`, `errors`,
 * `roles`, ...), the shell's under `app` is spread in (`nav`, `layout`, ...), and each feature gets
 * its own section named after its folder (`auth.*`, `dashboard.*`). A new feature adds its two
 * locale files and one line per locale here; en-US files are typed as the zh-CN shape, so a
 * missing or extra key fails `tsc`, and `locales.test.ts` checks the values.
 */
export const zhCN = {
  ...commonZhCN,
  ...problemsZhCN,
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
  knowledge: knowledgeZhCN,
  training: trainingZhCN,
  sales: salesZhCN,
  delivery: deliveryZhCN,
  webhooks: webhooksZhCN,
  notify: notifyZhCN,
  callcenter: callcenterZhCN,
  maintenance: maintenanceZhCN,
  telemetry: telemetryZhCN,
  telephony: telephonyZhCN,
  servicecontracts: servicecontractsZhCN,
  campaigns: campaignsZhCN,
  community: communityZhCN,
  recalls: recallsZhCN,
  brandinbox: brandinboxZhCN,
  carefigures: carefiguresZhCN,
  faultAnalysis: faultAnalysisZhCN,
  analytics: analyticsZhCN,
  reportsubs: reportsubsZhCN,
};

export type Messages = typeof zhCN;
