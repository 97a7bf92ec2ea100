import type { ComponentType } from 'react';
import type { NavIconName } from './navIcons.ts';
import type { Me, Permission, Role } from '@anxin/contracts';
import type { Messages } from '../i18n/resources.ts';

/**
 * The one place that says which pages exist, where they live, who may open them and how they
 * appear in the menu. The router (router.tsx), the side menu, the dashboard shortcuts and the
 * route guards are all derived from NAVIGATION.
 *
 * To add a feature page: give its item a `page` loader (lazy import of a module whose default
 * export is the page component). Items without `page` render the "coming soon" placeholder.
 * Pages that are routable but not menu entries (a work order's detail page, say) are items with
 * `hideInMenu: true`; they are guarded the same way and highlight the menu entry whose path is
 * their prefix.
 */

export type NavLabelKey = `nav.${keyof Messages['nav'] & string}`;
export type PageModule = { default: ComponentType };
export type PageLoader = () => Promise<PageModule>;

export interface AccessRule {
  /** Required permission (from `GET /api/v1/me` `permissions`). */
  permission?: Permission;
  /** Required role, for pages meant for one kind of user rather than a capability. */
  role?: Role;
  /** At least one of these permissions (a page that gathers several modules' data). */
  anyPermission?: readonly Permission[];
}

export interface NavItem extends AccessRule {
  /** Stable id: menu key and `data-testid="nav-<key>"`. */
  key: string;
  /** Route path; may contain `:params` for hidden items. */
  path: string;
  /** Named, not imported: the icons load with the menu, not with every page (navIcons.ts). */
  icon?: NavIconName;
  /** `nav.<name>`; the dashboard shortcut text is the matching `navHints.<name>`. */
  labelKey: NavLabelKey;
  page?: PageLoader;
  hideInMenu?: boolean;
  /**
   * Left out of the menu (still routable) for a viewer whose every role is listed: the desktop
   * parts workbench for a technician, who has the phone's 我的备件 instead.
   */
  hideInMenuFor?: readonly Role[];
  /** A menu group. The group is visible when any child is; its own path may have an index page. */
  children?: NavItem[];
}

export type Viewer = Pick<Me, 'permissions' | 'roles'>;

export const NAVIGATION: NavItem[] = [
  {
    key: 'dashboard',
    path: '/',
    icon: 'AppstoreOutlined',
    labelKey: 'nav.dashboard',
    page: () => import('../features/dashboard/pages/DashboardPage.tsx'),
  },
  {
    key: 'agent-console',
    path: '/agent',
    icon: 'CustomerServiceOutlined',
    labelKey: 'nav.agentConsole',
    permission: 'workorder:create',
    page: () => import('../features/agent/pages/AgentConsolePage.tsx'),
  },
  {
    key: 'workorders',
    path: '/workorders',
    icon: 'FileTextOutlined',
    labelKey: 'nav.workorders',
    permission: 'workorder:read',
    page: () => import('../features/workorders/pages/WorkOrderListPage.tsx'),
  },
  {
    key: 'workorder-detail',
    path: '/workorders/:id',
    labelKey: 'nav.workorderDetail',
    permission: 'workorder:read',
    hideInMenu: true,
    page: () => import('../features/workorders/pages/WorkOrderDetailPage.tsx'),
  },
  {
    key: 'dispatch',
    path: '/dispatch',
    icon: 'NodeIndexOutlined',
    labelKey: 'nav.dispatch',
    permission: 'dispatch:assign',
    page: () => import('../features/dispatch/pages/DispatchBoardPage.tsx'),
  },
  {
    key: 'route-plan',
    path: '/dispatch/plan',
    icon: 'EnvironmentOutlined',
    labelKey: 'nav.routePlan',
    permission: 'routing:plan',
    page: () => import('../features/routing/pages/RoutePlanPage.tsx'),
  },
  {
    key: 'outlet-desk',
    path: '/outlet',
    icon: 'ShopOutlined',
    labelKey: 'nav.outletDesk',
    role: 'outlet_manager',
    page: () => import('../features/outlet/pages/OutletDeskPage.tsx'),
  },
  {
    // 多品牌收件箱 (issue #21 item 6): the own brand's offers and other brands' orders in one list.
    key: 'brand-inbox',
    path: '/outlet/brands',
    icon: 'InboxOutlined',
    labelKey: 'nav.brandInbox',
    permission: 'brandinbox:read',
    page: () => import('../features/brandinbox/pages/BrandInboxPage.tsx'),
  },
  {
    key: 'outlets',
    path: '/outlets',
    icon: 'ShopOutlined',
    labelKey: 'nav.outlets',
    permission: 'outlet:read',
    page: () => import('../features/network/pages/OutletsPage.tsx'),
  },
  {
    key: 'coverage',
    path: '/outlets/coverage',
    icon: 'RadarChartOutlined',
    labelKey: 'nav.coverage',
    // Analytics: shown to report readers (admin, manager, quality, finance); the API needs outlet:read.
    permission: 'report:read',
    page: () => import('../features/network/pages/CoveragePage.tsx'),
  },
  {
    key: 'grading',
    path: '/grading',
    icon: 'TrophyOutlined',
    labelKey: 'nav.grading',
    // Report readers (admin, manager, quality, finance) see every outlet; the API needs outlet:read.
    permission: 'report:read',
    page: () => import('../features/grading/pages/GradingPage.tsx'),
  },
  {
    key: 'grading-outlet',
    path: '/grading/outlets/:outletId',
    labelKey: 'nav.grading',
    permission: 'report:read',
    hideInMenu: true,
    page: () => import('../features/grading/pages/OutletScorecardPage.tsx'),
  },
  {
    // The outlet manager's own scorecard, linked from the outlet desk.
    key: 'outlet-scorecard',
    path: '/outlet/scorecard',
    labelKey: 'nav.grading',
    role: 'outlet_manager',
    hideInMenu: true,
    page: () => import('../features/grading/pages/MyScorecardPage.tsx'),
  },
  {
    key: 'technicians',
    path: '/technicians',
    icon: 'ToolOutlined',
    labelKey: 'nav.technicians',
    permission: 'technician:read',
    page: () => import('../features/network/pages/TechniciansPage.tsx'),
  },
  {
    key: 'my-jobs',
    path: '/m/jobs',
    icon: 'MobileOutlined',
    labelKey: 'nav.myJobs',
    role: 'technician',
    page: () => import('../features/fieldwork/pages/JobsPage.tsx'),
  },
  {
    key: 'my-job',
    path: '/m/jobs/:id',
    labelKey: 'nav.myJobs',
    role: 'technician',
    hideInMenu: true,
    page: () => import('../features/fieldwork/pages/JobPage.tsx'),
  },
  {
    // The technician's van stock and part requests on the phone; the desktop /parts workbench is
    // for the warehouse and outlets.
    key: 'my-parts',
    path: '/m/parts',
    icon: 'InboxOutlined',
    labelKey: 'nav.myParts',
    role: 'technician',
    permission: 'parts:read',
    page: () => import('../features/parts/pages/VanPartsPage.tsx'),
  },
  {
    // 我的培训: assigned courses, quizzes and the technician's certifications on the phone.
    key: 'my-training',
    path: '/m/training',
    icon: 'ReadOutlined',
    labelKey: 'nav.myTraining',
    role: 'technician',
    permission: 'training:learn',
    page: () => import('../features/training/pages/MyTrainingPage.tsx'),
  },
  {
    // The crew's deliveries on the phone (送装任务): checklist, photos, signature, exceptions.
    key: 'my-deliveries',
    path: '/m/deliveries',
    icon: 'CarOutlined',
    labelKey: 'nav.myDeliveries',
    role: 'technician',
    permission: 'delivery:work',
    page: () => import('../features/delivery/pages/CrewJobsPage.tsx'),
  },
  {
    key: 'my-delivery',
    path: '/m/deliveries/:id',
    labelKey: 'nav.myDeliveries',
    role: 'technician',
    permission: 'delivery:work',
    hideInMenu: true,
    page: () => import('../features/delivery/pages/CrewJobPage.tsx'),
  },
  {
    key: 'callbacks',
    path: '/callbacks',
    icon: 'PhoneOutlined',
    labelKey: 'nav.callbacks',
    permission: 'callback:read',
    page: () => import('../features/callbacks/pages/CallbacksPage.tsx'),
  },
  {
    key: 'complaints',
    path: '/complaints',
    icon: 'AlertOutlined',
    labelKey: 'nav.complaints',
    permission: 'complaint:read',
    page: () => import('../features/complaints/pages/ComplaintsPage.tsx'),
  },
  {
    key: 'parts',
    path: '/parts',
    icon: 'InboxOutlined',
    labelKey: 'nav.parts',
    permission: 'parts:read',
    hideInMenuFor: ['technician'],
    page: () => import('../features/parts/pages/PartsPage.tsx'),
  },
  {
    // 价格公示: the paid-service price list (明码标价); finance publishes new versions.
    key: 'price-list',
    path: '/charges/price-list',
    icon: 'WalletOutlined',
    labelKey: 'nav.priceList',
    permission: 'charges:read',
    hideInMenuFor: ['technician'],
    page: () => import('../features/charges/pages/PriceListPage.tsx'),
  },
  {
    // 三包 policy versions per category (issue #14): quality and admins edit, managers read.
    key: 'warranty',
    path: '/warranty',
    icon: 'SafetyCertificateOutlined',
    labelKey: 'nav.warranty',
    permission: 'warranty:read',
    page: () => import('../features/warranty/pages/PoliciesPage.tsx'),
  },
  {
    key: 'rma',
    path: '/rma',
    icon: 'SwapOutlined',
    labelKey: 'nav.rma',
    permission: 'rma:read',
    page: () => import('../features/rma/pages/RmaPage.tsx'),
  },
  {
    // 知识库 (issue #17): search, reviewed articles, case library, synonyms, figures.
    key: 'knowledge',
    path: '/knowledge',
    icon: 'BookOutlined',
    labelKey: 'nav.knowledge',
    permission: 'knowledge:read',
    hideInMenuFor: ['technician'],
    page: () => import('../features/knowledge/pages/KnowledgePage.tsx'),
  },
  {
    key: 'knowledge-article',
    path: '/knowledge/articles/:id',
    labelKey: 'nav.knowledge',
    permission: 'knowledge:read',
    hideInMenu: true,
    page: () => import('../features/knowledge/pages/ArticlePage.tsx'),
  },
  {
    // Training (issue #17): courses, assignments and the completion figures.
    key: 'training',
    path: '/training',
    icon: 'BookOutlined',
    labelKey: 'nav.training',
    permission: 'training:read',
    page: () => import('../features/training/pages/TrainingPage.tsx'),
  },
  {
    // 销售合同 (issue #16): contracts from the stores, stock check, factory orders, showroom samples.
    key: 'sales',
    path: '/sales',
    icon: 'ShoppingCartOutlined',
    labelKey: 'nav.sales',
    permission: 'sales:read',
    page: () => import('../features/sales/pages/SalesPage.tsx'),
  },
  {
    // Delivery and installation of sales contracts (issue #16): the desk's bookings, routes, figures.
    key: 'delivery',
    path: '/delivery',
    icon: 'CarOutlined',
    labelKey: 'nav.delivery',
    permission: 'delivery:read',
    hideInMenuFor: ['technician'],
    page: () => import('../features/delivery/pages/DeliveryPage.tsx'),
  },
  {
    // 保养计划 (issue #18 item 1): plans, products coming due and the generated 保养 orders.
    key: 'maintenance',
    path: '/maintenance',
    icon: 'ToolOutlined',
    labelKey: 'nav.maintenance',
    permission: 'maintenance:read',
    page: () => import('../features/maintenance/pages/MaintenancePage.tsx'),
  },
  {
    // 设备预警 (issue #18 item 2): alerts from device telemetry, the devices and the alert rules.
    key: 'telemetry',
    path: '/telemetry',
    icon: 'AlertOutlined',
    labelKey: 'nav.telemetry',
    permission: 'telemetry:read',
    page: () => import('../features/telemetry/pages/TelemetryPage.tsx'),
  },
  {
    // 服务合同 (issue #18 item 3): contracts, entitlements, visits used, billing, renewal reminders.
    key: 'servicecontracts',
    path: '/service-contracts',
    icon: 'SafetyCertificateOutlined',
    labelKey: 'nav.servicecontracts',
    permission: 'servicecontract:read',
    page: () => import('../features/servicecontracts/pages/ServiceContractsPage.tsx'),
  },
  {
    // 外呼活动 / 售后大回访 (issue #18 item 5): campaigns, call lists, the agent's calling screen, results.
    key: 'campaigns',
    path: '/campaigns',
    icon: 'NotificationOutlined',
    labelKey: 'nav.campaigns',
    permission: 'campaigns:read',
    page: () => import('../features/campaigns/pages/CampaignsPage.tsx'),
  },
  {
    // 产品召回 (issue #18 item 4): recalls by model, serial range or batch; contact and completion.
    key: 'recalls',
    path: '/recalls',
    icon: 'RollbackOutlined',
    labelKey: 'nav.recalls',
    permission: 'recalls:read',
    page: () => import('../features/recalls/pages/RecallsPage.tsx'),
  },
  {
    // 客户社群 / 将顾客组织化 (issue #18 item 6): referrals and their conversion, user events.
    key: 'community',
    path: '/community',
    icon: 'TeamOutlined',
    labelKey: 'nav.community',
    permission: 'community:read',
    page: () => import('../features/community/pages/CommunityPage.tsx'),
  },
  {
    // 设备与服务运营 (issue #18 item 7): PM compliance, alerts → orders, contract margin, recalls and
    // campaigns in one report; report readers (admin, manager, quality, finance), data scope all.
    key: 'carefigures',
    path: '/care-figures',
    icon: 'FundOutlined',
    labelKey: 'nav.carefigures',
    permission: 'report:read',
    page: () => import('../features/carefigures/pages/CareFiguresPage.tsx'),
  },
  {
    // 统计分析 (issue #19 items 1–2): dashboards per role from the daily rollups, with drill-downs.
    key: 'analytics',
    path: '/analytics',
    icon: 'RadarChartOutlined',
    labelKey: 'nav.analytics',
    permission: 'analytics:read',
    page: () => import('../features/analytics/pages/AnalyticsPage.tsx'),
  },
  {
    // 故障分析 (issue #19 item 3): Pareto by model, fault code and part, trends, new-failure alerts.
    key: 'fault-analysis',
    path: '/fault-analysis',
    icon: 'BarChartOutlined',
    labelKey: 'nav.faultAnalysis',
    permission: 'fault_analysis:read',
    page: () => import('../features/faultanalysis/pages/FaultAnalysisPage.tsx'),
  },
  {
    // 订阅报表 (issue #19 item 6): weekly/monthly reports delivered through the notification channels.
    key: 'report-subscriptions',
    path: '/report-subscriptions',
    icon: 'FileTextOutlined',
    labelKey: 'nav.reportSubscriptions',
    permission: 'reports:subscribe',
    page: () => import('../features/reportsubs/pages/ReportSubscriptionsPage.tsx'),
  },
  {
    // 话务统计 (issue #19 item 5): figures, call-record import and the Erlang C staffing planner.
    key: 'callcenter',
    path: '/callcenter',
    icon: 'CustomerServiceOutlined',
    labelKey: 'nav.callcenter',
    permission: 'callcenter:own',
    page: () => import('../features/callcenter/pages/CallCenterPage.tsx'),
  },
  {
    key: 'settlement',
    path: '/settlement',
    icon: 'WalletOutlined',
    labelKey: 'nav.settlement',
    permission: 'settlement:read',
    page: () => import('../features/settlement/pages/SettlementPage.tsx'),
  },
  {
    key: 'settlement-statement',
    path: '/settlement/statements/:id',
    labelKey: 'nav.settlement',
    permission: 'settlement:read',
    hideInMenu: true,
    page: () => import('../features/settlement/pages/StatementPage.tsx'),
  },
  {
    key: 'reports',
    path: '/reports',
    icon: 'BarChartOutlined',
    labelKey: 'nav.reports',
    permission: 'report:read',
    // KPI panel, GB/T 27922 evaluations and the scheme editor (tabs).
    page: () => import('../features/evaluation/pages/ReportsPage.tsx'),
  },
  {
    key: 'evaluation-detail',
    path: '/reports/evaluations/:id',
    labelKey: 'nav.reports',
    permission: 'report:read',
    hideInMenu: true,
    page: () => import('../features/evaluation/pages/EvaluationPage.tsx'),
  },
  {
    key: 'settings',
    path: '/settings',
    icon: 'SettingOutlined',
    labelKey: 'nav.settings',
    page: () => import('../features/settings/pages/SettingsPage.tsx'),
    children: [
      {
        key: 'settings-users',
        path: '/settings/users',
        icon: 'UserOutlined',
        labelKey: 'nav.users',
        permission: 'user:read',
        page: () => import('../features/settings/pages/UsersPage.tsx'),
      },
      {
        key: 'settings-roles',
        path: '/settings/roles',
        icon: 'SafetyCertificateOutlined',
        labelKey: 'nav.roles',
        permission: 'role:read',
        page: () => import('../features/settings/pages/RolesPage.tsx'),
      },
      {
        key: 'settings-calendar',
        path: '/settings/calendar',
        icon: 'CalendarOutlined',
        labelKey: 'nav.calendar',
        permission: 'calendar:read',
        page: () => import('../features/calendar/pages/CalendarPage.tsx'),
      },
      {
        key: 'settings-business',
        path: '/settings/business',
        icon: 'AppstoreOutlined',
        labelKey: 'nav.businessSettings',
        // Whoever may change a business setting (or read them all); each key's own read and write
        // permissions are applied by the server.
        anyPermission: [
          'settings:read',
          'settings:manage',
          'sla:manage',
          'calendar:manage',
          'dispatch:assign',
          'grading:manage',
          'settlement:manage',
          'outlet:manage',
        ],
        page: () => import('../features/settings/pages/BusinessSettingsPage.tsx'),
      },
      {
        key: 'settings-sla',
        path: '/settings/sla',
        icon: 'FieldTimeOutlined',
        labelKey: 'nav.slaPolicies',
        permission: 'sla:read',
        page: () => import('../features/settings/pages/SlaPoliciesPage.tsx'),
      },
      {
        key: 'settings-audit',
        path: '/settings/audit',
        icon: 'AuditOutlined',
        labelKey: 'nav.audit',
        permission: 'audit:read',
        page: () => import('../features/settings/pages/AuditPage.tsx'),
      },
      {
        key: 'settings-tokens',
        path: '/settings/tokens',
        icon: 'ApiOutlined',
        labelKey: 'nav.apiTokens',
        permission: 'token:manage',
        page: () => import('../features/settings/pages/ApiTokensPage.tsx'),
      },
      {
        key: 'settings-webhooks',
        path: '/settings/webhooks',
        icon: 'ApiOutlined',
        labelKey: 'nav.webhooks',
        permission: 'webhook:manage',
        page: () => import('../features/webhooks/pages/WebhooksPage.tsx'),
      },
      {
        key: 'settings-notify',
        path: '/settings/notify',
        icon: 'NotificationOutlined',
        labelKey: 'nav.notifyChannels',
        permission: 'settings:manage',
        page: () => import('../features/notify/pages/NotifyChannelsPage.tsx'),
      },
    ],
  },
];

export function canAccess(item: AccessRule & { children?: NavItem[] }, viewer: Viewer): boolean {
  if (item.permission && !viewer.permissions.includes(item.permission)) return false;
  if (item.role && !viewer.roles.includes(item.role)) return false;
  if (item.anyPermission && !item.anyPermission.some((p) => viewer.permissions.includes(p))) return false;
  if (item.children && item.children.length > 0) return item.children.some((c) => canAccess(c, viewer));
  return true;
}

/** The menu a viewer sees: accessible, non-hidden items; groups keep only their visible children. */
export function visibleNavigation(viewer: Viewer, items: NavItem[] = NAVIGATION): NavItem[] {
  return items.flatMap((item): NavItem[] => {
    if (item.hideInMenu || !canAccess(item, viewer)) return [];
    const only = item.hideInMenuFor;
    if (only && viewer.roles.length > 0 && viewer.roles.every((r) => only.includes(r))) return [];
    if (!item.children) return [item];
    const children = visibleNavigation(viewer, item.children);
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}

/** Every item, groups before their children. */
export function flattenNavigation(items: NavItem[] = NAVIGATION): NavItem[] {
  return items.flatMap((item) => [item, ...flattenNavigation(item.children ?? [])]);
}

/** Leaf entries a viewer can open, for shortcuts (groups and hidden items left out). */
export function visibleLeaves(viewer: Viewer, items: NavItem[] = NAVIGATION): NavItem[] {
  return flattenNavigation(visibleNavigation(viewer, items)).filter((i) => !i.children);
}

function isPrefixPath(prefix: string, pathname: string): boolean {
  if (prefix === '/') return pathname === '/';
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * The menu entry to highlight for a location: the non-hidden item with the longest path that is
 * a prefix of `pathname` at a segment boundary (so `/workorders/42` selects `workorders`).
 */
export function menuItemForPath(pathname: string, items: NavItem[] = NAVIGATION): NavItem | undefined {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return flattenNavigation(items)
    .filter((i) => !i.hideInMenu && isPrefixPath(i.path, normalized))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

function trailTo(key: string, items: NavItem[]): string[] | null {
  for (const item of items) {
    if (item.key === key) return [];
    const below = item.children ? trailTo(key, item.children) : null;
    if (below) return [item.key, ...below];
  }
  return null;
}

/** Keys of the groups containing `key`, outermost first (the menu's open submenus). */
export const parentKeysOf = (key: string, items: NavItem[] = NAVIGATION): string[] =>
  trailTo(key, items) ?? [];

export const hintKeyOf = (labelKey: NavLabelKey): `navHints.${keyof Messages['navHints'] & string}` =>
  labelKey.replace(/^nav\./, 'navHints.') as `navHints.${keyof Messages['navHints'] & string}`;
