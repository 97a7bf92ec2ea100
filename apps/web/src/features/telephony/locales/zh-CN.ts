export const telephonyZhCN = {
  callShort: '外呼',
  call: '呼叫 {{number}}',
  callHint: '呼叫平台先接通您的话机，再拨打客户',
  requested: '已请求外呼，请留意话机',
  failed: '外呼请求未成功，请稍后再试',
};
