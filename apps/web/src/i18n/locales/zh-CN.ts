/** Strings shared by every feature: common words, roles, data scopes, languages, error codes. */
export const commonZhCN = {
  common: {
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
  errors: {
    request: {
      validation_failed: '提交的内容有误，请检查标记的字段。',
      malformed_json: '请求无法解析，请刷新页面后重试。',
      unknown_field: '请求包含不支持的字段。',
      payload_too_large: '提交的内容过大。',
      unsupported_media_type: '不支持的内容类型。',
      not_found: '请求的接口不存在。',
      rate_limited: '操作过于频繁，请稍后再试。',
    },
    auth: {
      unauthenticated: '请先登录。',
      invalid_credentials: '用户名或密码错误。',
      session_expired: '登录已过期，请重新登录。',
      account_locked: '账号已被锁定，请稍后再试或联系系统管理员。',
      csrf_failed: '页面已过期，请刷新后重试。',
      forbidden: '你没有执行此操作的权限。',
      invalid_token: '访问令牌无效或已过期。',
      otp_invalid: '验证码错误或已过期。',
    },
    resource: {
      not_found: '数据不存在或已被删除。',
      conflict: '操作与当前数据冲突，请刷新后重试。',
      version_conflict: '数据已被他人修改，请刷新查看最新内容后再提交。',
      already_exists: '该记录已存在。',
    },
    state: {
      invalid_transition: '当前状态下不能执行此操作。',
    },
    calendar: {
      no_data_for_year: '该年度的节假日数据尚未维护。',
    },
    domain: {
      rule_violated: '操作不符合业务规则。',
    },
    idempotency: {
      key_reused: '重复提交的请求内容与原请求不一致，请刷新后重试。',
      in_progress: '相同的请求正在处理中，请稍后重试。',
    },
    fieldwork: {
      code_invalid: '完工确认码错误、已过期或已失效。',
    },
    callback: {
      task_closed: '该回访任务已结束，不能再记录结果。',
      link_used: '该评价链接已使用过。',
      link_expired: '该评价链接已过期。',
    },
    settlement: {
      statement_locked: '结算单已审批，不能再修改；更正请计入下月结算单。',
    },
    server: {
      internal: '服务器出错了，请稍后重试。如问题持续，请将请求编号提供给管理员。',
      unavailable: '服务暂时不可用，请检查网络后重试。',
    },
    client: {
      unknown: '发生未知错误（{{status}}）。',
    },
  },
};
