import type { carefiguresZhCN } from './zh-CN.ts';

export const carefiguresEnUS: typeof carefiguresZhCN = {
  title: 'Installed-base figures',
  description:
    'PM compliance, alerts that became orders, contract revenue and margin, recall completion and campaign results. Each module computes its own figures; click one to see the list it counts.',
  filters: {
    period: 'Period',
    region: 'Region',
    regionPlaceholder: 'All regions',
    category: 'Category',
    categoryPlaceholder: 'All categories',
    scopeNote:
      'Region and category filter maintenance and equipment alerts; contracts, recalls and campaigns are not split by region or category.',
  },
  export: 'Export to Excel',
  fileName: 'Installed-base figures',
  viewList: 'View list',
  noData: '—',
  pair: '{{label}}: {{value}}',
  pm: {
    title: 'PM compliance',
    definition:
      'Of the maintenances due in the period (by due date), those whose order was completed within {{grace}} days after the due date ÷ those due. Overdue open: maintenances past their due date whose order is neither completed nor cancelled.',
    due: 'Due',
    onTime: 'On time',
    overdueOpen: 'Overdue open',
  },
  alerts: {
    title: 'Alerts → orders',
    definition:
      'Equipment alerts raised in the period, those that opened a work order, of those the orders completed (or closed), and the median time from the alert to the order’s completion.',
    raised: 'Alerts',
    withOrder: 'Opened an order',
    completed: 'Completed',
    median: 'Median alert → completion',
    hours: '{{value}} h',
    byKind: 'By rule kind',
    kind: { threshold: 'Threshold', fault_code: 'Fault code', runtime: 'Running hours' },
  },
  contracts: {
    title: 'Contract revenue and margin',
    definition:
      'Revenue: contract instalments falling due in the period (active and run-out contracts). Cost: parts consumed at cost price on the orders counted as contract visits in the period, plus labour. The product keeps no labour cost, so labour is the setting “labour cost per visit” × visits (now ¥{{labour}} a visit). Margin = revenue − cost; margin % = margin ÷ revenue.',
    billed: 'Billed',
    paid: 'Paid',
    margin: 'Margin',
    marginPct: 'Margin %',
    partsCost: 'Parts cost',
    labourCost: 'Labour cost (estimated)',
    visits: 'Visits',
    quota: 'Quota used',
    quotaValue: '{{used}} of {{quota}} visits',
    activeContracts: 'Contracts in force',
  },
  recalls: {
    title: 'Recall completion',
    definition:
      'Each launched recall: affected products, contacted (texted or called), orders created, completed; completion % = completed ÷ affected. The trend is the products completed per week within the period.',
    col: {
      title: 'Recall',
      affected: 'Affected',
      contacted: 'Contacted',
      orders: 'Orders',
      completed: 'Completed',
      completionPct: 'Completion',
    },
    trend: 'Completed per week',
    empty: 'No launched recalls',
  },
  campaigns: {
    title: 'Campaign reach and results',
    definition:
      'Each campaign with a call list: list size, attempted, reached, call outcomes recorded in the period, opt-outs (on this campaign’s calls and skipped for opting out elsewhere); conversion = customers who answered the whole questionnaire ÷ customers reached.',
    col: {
      name: 'Campaign',
      purpose: 'Kind',
      listSize: 'List',
      attempted: 'Attempted',
      reached: 'Reached',
      outcomes: 'Outcomes in the period',
      optedOut: 'Opt-outs',
      conversion: 'Conversion',
    },
    empty: 'No campaigns',
  },
  community: {
    referrals: 'Referral conversion',
    referralsDefinition:
      'Of the referrals recorded in the period, the share converted (converted ÷ recorded).',
    referred: 'Referrals recorded',
    converted: 'Converted',
    events: 'Event attendance',
    eventsDefinition: 'For user events starting in the period: attendees checked in ÷ registrations.',
    eventCount: 'Events',
    invited: 'Invited',
    registered: 'Registered',
    attended: 'Attended',
  },
};
