/**
 * Strings shared by every feature: common words, roles, data scopes, languages. The error-code
 * texts (problems.zh-CN.ts) are their own module: only the full messages carry them all.
 */
export const commonZhCN = {
  common: {
    savedFilters: {
      title: '常用筛选',
      save: '保存当前筛选…',
      name: '名称，例如：本周超时未完工',
      ok: '保存',
      cancel: '取消',
      delete: '删除“{{name}}”',
    },
    list: {
      loaded: '已显示 {{count}} 条',
      allLoaded: '已显示全部 {{count}} 条',
      loadMore: '加载更多',
      search: '搜索',
      reset: '重置',
    },
    comingSoon: '该功能正在建设中，即将上线。',
    comingSoonTag: '即将上线',
    backHome: '返回工作台',
    goBack: '返回上一页',
    retry: '重试',
    loading: '加载中…',
    requestId: '请求编号：{{id}}',
    fieldErrors: '请检查以下内容：',
  },
  languages: {
    'zh-CN': '简体中文',
    'en-US': 'English',
  },
  roles: {
    admin: '系统管理员',
    agent: '客服坐席',
    dispatcher: '调度员',
    outlet_manager: '网点经理',
    technician: '服务工程师',
    quality: '质检回访',
    warehouse: '仓库管理员',
    finance: '财务',
    manager: '管理层',
  },
  scopes: {
    all: '全部数据',
    region: '区域：{{regions}}',
    outlet: '本网点数据',
    own: '仅本人数据',
  },
};
