import type { commonZhCN } from './zh-CN.ts';

export const commonEnUS: typeof commonZhCN = {
  common: {
    savedFilters: {
      title: 'Saved filters',
      save: 'Save current filters…',
      name: 'Name, e.g. Overdue this week',
      ok: 'Save',
      cancel: 'Cancel',
      delete: 'Delete “{{name}}”',
    },
    list: {
      loaded: '{{count}} shown',
      allLoaded: 'All {{count}} shown',
      loadMore: 'Load more',
      search: 'Search',
      reset: 'Reset',
    },
    comingSoon: 'This feature is under construction and will be available soon.',
    comingSoonTag: 'Coming soon',
    backHome: 'Back to workspace',
    goBack: 'Go back',
    retry: 'Retry',
    loading: 'Loading…',
    requestId: 'Request ID: {{id}}',
    fieldErrors: 'Please check the following:',
  },
  languages: {
    'zh-CN': '简体中文',
    'en-US': 'English',
  },
  roles: {
    admin: 'Administrator',
    agent: 'Service agent',
    dispatcher: 'Dispatcher',
    outlet_manager: 'Outlet manager',
    technician: 'Technician',
    quality: 'Quality & callbacks',
    warehouse: 'Warehouse',
    finance: 'Finance',
    manager: 'Manager',
  },
  scopes: {
    all: 'All data',
    region: 'Regions: {{regions}}',
    outlet: 'Own outlet',
    own: 'Own records only',
  },
};
