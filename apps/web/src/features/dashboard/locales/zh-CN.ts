export const dashboardZhCN = {
  greeting: '你好，{{name}}',
  subtitle: '欢迎回到安心售后，以下是你可以使用的功能。',
  account: '账号',
  roles: '角色',
  scope: '数据范围',
  quickLinks: '快捷入口',
  noQuickLinks: '你的账号暂未分配任何功能权限，请联系系统管理员。',
};
