/**
 * Permissions are `resource:action`. The catalogue is code (routes reference it); which role holds
 * which permission is data (table `role_permissions`), seeded from DEFAULT_ROLE_PERMISSIONS and
 * editable by an admin, every edit audited.
 */
export const PERMISSIONS = [
  'user:read',
  'user:manage',
  'role:read',
  'role:manage',
  'audit:read',
  'settings:read',
  'settings:manage',
  'calendar:read',
  'calendar:manage',
  'token:manage',
  'customer:read',
  'customer:write',
  'customer:merge',
  'customer:phone_unmasked',
  /** PIPL requests: export a customer's personal data, erase (anonymise) it. */
  'customer:privacy',
  'product:read',
  'product:write',
  'workorder:read',
  'workorder:create',
  'workorder:update',
  'workorder:transition',
  'workorder:export',
  'sla:read',
  'sla:manage',
  'outlet:read',
  'outlet:manage',
  'technician:read',
  'technician:manage',
  'dispatch:read',
  'dispatch:assign',
  'callback:read',
  'callback:perform',
  'complaint:read',
  'complaint:manage',
  'parts:read',
  /** Reserve van stock, request parts for an order, consume them, send old parts back (技师/网点). */
  'parts:request',
  /** Approve or reject a part request with a signature (补件单签字). */
  'parts:approve',
  /** Catalogue, stock movements, shipping, old-part inspection, stocktakes (仓库). */
  'parts:manage',
  /** Activate a customer's electronic warranty card at the store or hotline (电子保修卡). */
  'card:activate',
  /** Transfer a warranty card to a new owner (过户). */
  'card:transfer',
  /** Take a product to the workshop and close the receipt at pick-up (带回修理收据). */
  'workshop:receipt',
  /** RMA cases (退换货/补配件): read, open a case (hotline, store), work it (inspect, ship, refund, close). */
  'rma:read',
  'rma:request',
  'rma:manage',
  /** Decide an override of the 三包 evaluation (a remedy the engine does not allow). */
  'rma:approve',
  /** Sales contracts (销售合同): read them, the product stock, factory orders and showroom samples. */
  'sales:read',
  /** Enter or import sales contracts, propose showroom samples (导购, 门店). */
  'sales:write',
  /** Stock-check contracts, receive goods into the product stock, keep the factory order list (仓库). */
  'sales:stock',
  /** Approve showroom samples going on or off display (店长). */
  'sales:sample_approve',
  'settlement:read',
  'settlement:manage',
  /** The outlet's answer to its statement: confirm or dispute lines. */
  'settlement:respond',
  'appeal:read',
  'appeal:create',
  'appeal:decide',
  'report:read',
  'evaluation:manage',
  /** Outlet grading: compute and finalise monthly scorecards, edit the grading policy. */
  'grading:manage',
  'routing:plan',
  'job:read',
  /** Paid service (保外有偿): read the price list, quotes and payments. */
  'charges:read',
  /** Build, send and revise quotes; record a customer's phone consent. */
  'charges:quote',
  /** Record a payment against an approved quote (收款). */
  'charges:collect',
  /** Publish a new price-list version (明码标价). */
  'charges:price',
  /** 三包 policies: read the versions (the evaluation itself needs product or work-order read). */
  'warranty:read',
  /** Create policy versions and publish them (quality, admin). */
  'warranty:manage',
  /** Knowledge base (知识库): search and read internal articles, the case library, give feedback. */
  'knowledge:read',
  /** Write article drafts and submit them for review. */
  'knowledge:write',
  /** Approve (publish) or send back a draft in review; archive articles. */
  'knowledge:review',
  /** Synonym groups for search (同义词). */
  'knowledge:manage',
  /** Training (培训): courses, assignments and the completion figures. */
  'training:read',
  /** Write and publish courses, assign them to roles, outlets or technicians. */
  'training:manage',
  /** A technician's own courses on the phone (我的培训): lessons and quizzes. */
  'training:learn',
  /** Delivery and installation (送货安装, issue #16): read bookings, crews and figures. */
  'delivery:read',
  /** Agree a delivery date with the customer (导购 or the center), book follow-up visits, hand to RMA. */
  'delivery:book',
  /** Crews and route plans per day. */
  'delivery:plan',
  /** The crew's job on the phone: depart, deliver with signature, exceptions at the door. */
  'delivery:work',
  /** The service department: returned vouchers and the installation callback. */
  'delivery:manage',
  /** Webhooks (Standard Webhooks 1.0): endpoints, secrets, the delivery log and replays. */
  'webhook:manage',
  /** Call-centre figures and records of every agent, and the staffing planner (话务统计, 排班测算). */
  'callcenter:read',
  /** The call figures page and records: one's own calls (坐席本人), every agent's with `callcenter:read`. */
  'callcenter:own',
  /** Post and import call records (话务数据导入). */
  'callcenter:manage',
  /** Maintenance plans (保养计划): plans, upcoming due products and generated runs. */
  'maintenance:read',
  /** Write plans and run the generation of 保养 orders now. */
  'maintenance:manage',
  /** Equipment alerts (设备预警): devices, rules and alerts. */
  'telemetry:read',
  /** Register devices and issue their tokens, write alert rules, acknowledge and resolve alerts. */
  'telemetry:manage',
  /** Incoming calls (来电弹屏): the agent console pops the caller the call platform routes to them. */
  'telephony:answer',
  /** Click-to-call (一键外呼): ask the call platform to dial a customer from an order or the console. */
  'telephony:call',
  /** Service contracts (服务合同): contracts, billing schedules, visits used and entitlements at intake. */
  'servicecontract:read',
  /** Write, activate and cancel contracts; mark instalments paid; deal with renewal reminders. */
  'servicecontract:manage',
  /** Outbound campaigns (外呼活动 / 售后大回访): campaigns, their lists and figures. */
  'campaigns:read',
  /** Write campaigns, build their call lists, start and finish them, record opt-outs. */
  'campaigns:manage',
  /** Work a campaign's call list: claim the next target, record the outcome and answers. */
  'campaigns:call',
  /** Product recalls (产品召回): recalls, their affected products, contact progress and completion. */
  'recalls:read',
  /** Write, launch, refresh and close recalls; text the owners; create the recall's orders. */
  'recalls:manage',
  /** Record a call to an affected product's owner (the call desk). */
  'recalls:call',
  /** Customer organisation (客户社群): referrals, user events and their figures. */
  'community:read',
  /** Record and progress referrals; create events, invite, register and check in attendees. */
  'community:manage',
  /** Multi-brand inbox: the other brands' orders mirrored for an outlet, and their connections. */
  'brandinbox:read',
  /** Add and change brand connections; answer a brand's orders (accept, reject, book). */
  'brandinbox:manage',
  /** Fault analysis (故障分析): Pareto by model, fault code and part, trends, new-failure alerts, reports. */
  'fault_analysis:read',
  /** Analytics dashboards (统计分析): rollup figures, trends, rankings, the map; within the data scope. */
  'analytics:read',
  /** Scheduled reports (订阅报表): subscribe oneself to weekly/monthly reports one may read. */
  'reports:subscribe',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'admin',
  'agent',
  'dispatcher',
  'outlet_manager',
  'technician',
  'quality',
  'warehouse',
  'finance',
  'manager',
] as const;
export type Role = (typeof ROLES)[number];

/** How far a user's reads and writes reach; applied inside repository queries. */
export const DATA_SCOPES = ['all', 'region', 'outlet', 'own'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

const ALL = PERMISSIONS;
const read = (...r: string[]): Permission[] =>
  PERMISSIONS.filter((p) => r.includes(p.split(':')[0]!) && p.endsWith(':read'));

export const DEFAULT_ROLE_SCOPE: Record<Role, DataScope> = {
  admin: 'all',
  agent: 'all',
  dispatcher: 'all',
  outlet_manager: 'outlet',
  technician: 'own',
  quality: 'all',
  warehouse: 'all',
  finance: 'all',
  manager: 'all',
};

export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  agent: [
    ...read('customer', 'product', 'workorder', 'sla', 'outlet', 'calendar'),
    'customer:write',
    'customer:merge',
    'customer:phone_unmasked',
    'product:write',
    'workorder:create',
    'workorder:update',
    'workorder:transition',
    'workorder:export',
    'card:activate',
    'card:transfer',
    'charges:read',
    'charges:quote',
    'charges:collect',
    'rma:read',
    'rma:request',
    'knowledge:read',
    'sales:read',
    'sales:write',
    'delivery:read',
    'delivery:book',
    'delivery:manage',
    'callcenter:own',
    'maintenance:read',
    'telemetry:read',
    'telephony:answer',
    'telephony:call',
    'servicecontract:read',
    // 外呼活动: agents work the call lists.
    'campaigns:read',
    'campaigns:call',
    'recalls:read',
    'recalls:call',
    // 客户社群: agents take referrals and registrations on the phone.
    'community:read',
    'community:manage',
  ],
  dispatcher: [
    ...read('customer', 'product', 'workorder', 'sla', 'outlet', 'technician', 'dispatch', 'calendar'),
    'workorder:transition',
    'analytics:read',
    'workorder:update',
    'workorder:export',
    'dispatch:assign',
    'routing:plan',
    'charges:read',
    'knowledge:read',
    'sales:read',
    'delivery:read',
    'delivery:book',
    'delivery:plan',
    'maintenance:read',
    'telemetry:read',
  ],
  outlet_manager: [
    ...read('customer', 'product', 'workorder', 'sla', 'outlet', 'technician', 'dispatch', 'settlement'),
    'analytics:read',
    // Read-only view of their outlet's callbacks (回访).
    'callback:read',
    'workorder:transition',
    'workorder:update',
    'dispatch:assign',
    'technician:manage',
    'customer:phone_unmasked',
    'routing:plan',
    // Settlement: confirm or dispute their statement, appeal deductions (issue #7).
    'settlement:respond',
    'appeal:read',
    'appeal:create',
    'parts:read',
    'parts:request',
    'card:activate',
    'card:transfer',
    'workshop:receipt',
    'charges:read',
    'charges:quote',
    'charges:collect',
    'rma:read',
    'rma:request',
    'rma:manage',
    'knowledge:read',
    'training:read',
    // 门店: enter contracts, propose showroom samples and, as 店长, approve them.
    'sales:read',
    'sales:write',
    'sales:sample_approve',
    'delivery:read',
    'delivery:book',
    'delivery:plan',
    // Multi-brand inbox (issue #21 item 6): the other brands' orders for the outlet, answered here.
    'brandinbox:read',
    'brandinbox:manage',
    // The outlet's own system connects through the partner API with a token of the manager's,
    // which keeps his outlet scope (issue #21 item 1).
    'token:manage',
  ],
  technician: [
    ...read('customer', 'product', 'workorder', 'appeal'),
    'appeal:create',
    'workorder:transition',
    'workorder:update',
    'customer:phone_unmasked',
    'parts:read',
    'parts:request',
    'workshop:receipt',
    'charges:read',
    'charges:quote',
    'charges:collect',
    'knowledge:read',
    'training:learn',
    'delivery:read',
    'delivery:work',
  ],
  quality: [
    ...read(
      'customer',
      'product',
      'workorder',
      'sla',
      'outlet',
      'callback',
      'complaint',
      'report',
      'settlement',
      'analytics',
    ),
    'callback:perform',
    'complaint:manage',
    // GB/T 27922 evaluations: evidence, deductions, finalisation.
    'evaluation:manage',
    // Outlet grading (网点评级): monthly scorecards and the grading policy.
    'grading:manage',
    'workorder:transition',
    'customer:phone_unmasked',
    'appeal:read',
    'appeal:decide',
    'charges:read',
    // 三包 policies (issue #14).
    'warranty:read',
    'warranty:manage',
    'rma:read',
    'rma:approve',
    'knowledge:read',
    'knowledge:write',
    'knowledge:review',
    // Training and certifications (issue #17).
    'training:read',
    'training:manage',
    'delivery:read',
    'delivery:manage',
    // 售后大回访: quality designs the campaigns and questionnaires, builds the lists, may call.
    'campaigns:read',
    'campaigns:manage',
    'campaigns:call',
    // Product recalls (issue #18 item 4): quality owns them.
    'recalls:read',
    'recalls:manage',
    'recalls:call',
    // 客户社群: callback/quality staff run the events and follow referrals up.
    'community:read',
    'community:manage',
    'fault_analysis:read',
    'reports:subscribe',
  ],
  warehouse: [
    ...read('product', 'workorder', 'parts', 'outlet', 'technician'),
    'parts:manage',
    'parts:approve',
    'rma:read',
    'rma:manage',
    'sales:read',
    'sales:stock',
  ],
  finance: [
    ...read('outlet', 'workorder', 'settlement', 'report', 'appeal'),
    'analytics:read',
    'settlement:manage',
    'appeal:decide',
    'charges:read',
    'charges:collect',
    'charges:price',
    'servicecontract:read',
    'reports:subscribe',
  ],
  manager: [
    ...read(
      'customer',
      'product',
      'workorder',
      'sla',
      'outlet',
      'technician',
      'dispatch',
      'callback',
      'complaint',
      'parts',
      'rma',
      'sales',
      'settlement',
      'appeal',
      'report',
      'audit',
      'calendar',
      'settings',
      'user',
      'role',
      'job',
      'warranty',
      'knowledge',
      'training',
      'delivery',
      'callcenter',
      'maintenance',
      'telemetry',
      'servicecontract',
      'campaigns',
      'recalls',
      'community',
      'analytics',
    ),
    'workorder:export',
    'charges:read',
    'callcenter:own',
    'callcenter:manage',
    'maintenance:manage',
    'telemetry:manage',
    'servicecontract:manage',
    'campaigns:manage',
    'recalls:manage',
    'recalls:call',
    'community:manage',
    'fault_analysis:read',
    'reports:subscribe',
  ],
};

export const isPermission = (p: string): p is Permission => (PERMISSIONS as readonly string[]).includes(p);
