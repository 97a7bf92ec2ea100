export const settingsZhCN = {
  title: '系统设置',
  subtitle: '管理用户、角色权限、工作日历，查看审计日志。',
};
