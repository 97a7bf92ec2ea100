import type { telephonyZhCN } from './zh-CN.ts';

export const telephonyEnUS: typeof telephonyZhCN = {
  callShort: 'Call',
  call: 'Call {{number}}',
  callHint: 'The call platform rings your phone first, then the customer',
  requested: 'Call requested: watch your phone',
  failed: 'The call could not be requested; try again shortly',
};
