export const authZhCN = {
  welcome: '欢迎登录安心售后',
  username: '用户名',
  password: '密码',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  submit: '登录',
  sessionExpired: '登录已过期，请重新登录。',
  loggedOut: '你已安全退出。',
  heroTitle: '让每一次售后服务都安心',
  heroPoints: {
    intake: '坐席一键受理，客户与产品信息自动带出',
    dispatch: '智能派单到网点与工程师，时效全程可见',
    callback: '完工回访与投诉闭环，服务质量可追溯',
  },
};
